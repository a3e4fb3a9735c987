-- The deliverables list reads its page in due-date order (issue 19): from this index it stops after the page's rows
-- instead of sorting every deliverable of the archive.
CREATE INDEX deliverables_by_due ON deliverables(due_on, id);
