-- Figures and the annual report count a year at a time (issue 19): each aggregate reads the year's rows from an index
-- instead of scanning the whole archive, and a case's first submission is one index probe.
CREATE INDEX cases_by_created ON cases(created_at);
CREATE INDEX case_decisions_by_decided ON case_decisions(decided_at);
CREATE INDEX case_events_by_event ON case_events(event, at);
CREATE INDEX case_events_first ON case_events(case_id, event, at);
CREATE INDEX case_reviewers_by_due ON case_reviewers(due_on);
CREATE INDEX deliverables_delivered ON deliverables(delivered_at) WHERE status = 'delivered';
