-- Found by the load benchmark (bench/README.md): the case list's "overdue" flag asks, for each listed case,
-- whether it has an open condition past its due date. With only case_conditions_by_case(case_id, id) and
-- case_conditions_open(status, due_on), SQLite searched case_conditions_open for every row, walking all
-- open overdue conditions of the whole committee (thousands on the large demo) 25 times per page. This
-- index answers the question for one case directly.
CREATE INDEX case_conditions_by_case_status ON case_conditions(case_id, status, due_on);
