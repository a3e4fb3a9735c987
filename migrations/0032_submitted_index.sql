-- The annual report counts the cases first submitted in a year from that year's rows (issue 19).
CREATE INDEX cases_by_submitted ON cases(submitted_at);
