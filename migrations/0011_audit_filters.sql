-- Filters on the audit page (who, action, record, dates) and the view log (views are audit entries
-- whose action ends in "viewed" or "downloaded"): each filter reads an index, not the whole trail.
CREATE INDEX audit_by_action ON audit_log(action);
CREATE INDEX audit_by_target ON audit_log(target_type, target_id);
CREATE INDEX audit_by_at ON audit_log(at);
