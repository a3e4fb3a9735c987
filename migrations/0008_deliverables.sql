-- What the committee owes: opinions (created by a case decision), benchmarks, proposals, reports…
CREATE TABLE deliverables (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('opinion', 'benchmark', 'charter_proposal', 'governance_recommendation',
                                                  'training_review', 'annual_report', 'other')),
    title        TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    owner_id     INTEGER NOT NULL REFERENCES users(id),
    due_on       TEXT    NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status       TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'delivered', 'cancelled')),
    case_id      INTEGER REFERENCES cases(id),
    meeting_id   INTEGER REFERENCES meetings(id),
    body         TEXT    NOT NULL DEFAULT '',
    -- Rendered once when saved.
    body_html    TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    delivered_at TEXT,
    CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX deliverables_by_status ON deliverables(status, due_on);
CREATE INDEX deliverables_by_owner ON deliverables(owner_id, due_on);
CREATE INDEX deliverables_by_case ON deliverables(case_id);
-- A delivered deliverable is frozen.
CREATE TRIGGER deliverables_frozen BEFORE UPDATE ON deliverables WHEN OLD.status = 'delivered'
BEGIN SELECT RAISE(ABORT, 'a delivered deliverable never changes'); END;
CREATE TRIGGER deliverables_no_delete BEFORE DELETE ON deliverables
BEGIN SELECT RAISE(ABORT, 'deliverables are never deleted'); END;
