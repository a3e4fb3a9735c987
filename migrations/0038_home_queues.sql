-- The home pages' queues read their first lines from an index in the list's order (issue 19), instead of sorting
-- everything that matches, which grew with the archive:
-- the cases waiting for triage, oldest submission first (every submitted case was sorted);
CREATE INDEX cases_by_status_submitted ON cases(status, submitted_at);
-- the minutes waiting for the chair's approval (every meeting's minutes were scanned for the few drafts);
CREATE INDEX meeting_minutes_drafts ON meeting_minutes(meeting_id) WHERE status = 'draft';
-- a person's deliverables still to do, soonest due first (the secretary owns every decision's opinion: 6,500 on the
-- large demo were read and sorted for ten lines).
CREATE INDEX deliverables_open_by_owner ON deliverables(owner_id, due_on, id) WHERE status IN ('planned', 'in_progress');
