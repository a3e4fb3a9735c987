-- The due-date sweep reminds the secretaries and an incident's owner before its Art. 73 reporting deadline (issue 18).
-- It runs every ten minutes: this partial index holds only the serious incidents still open whose authority has not
-- been told, so the sweep reads those few rows (from the date of awareness the longest period back) and no others.
CREATE INDEX incidents_report_pending ON incidents(aware_on)
    WHERE severity IN ('serious', 'critical') AND status <> 'closed' AND authority_notified_on IS NULL;
