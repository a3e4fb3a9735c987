-- Written procedure: a written vote between meetings, on a case (with the proposed decision) or on a free motion
-- (e.g. adopting a deliverable). Eligible voters are fixed when it opens (the voting members not recused from the
-- case); a voter whose declared interests match the case must declare no conflict, or recuse, before voting.
CREATE TABLE written_procedures (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('case', 'motion')),
    case_id         INTEGER REFERENCES cases(id),
    deliverable_id  INTEGER REFERENCES deliverables(id),
    title           TEXT    NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    text            TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
    text_html       TEXT    NOT NULL,
    -- The proposed decision of a case procedure, as the decision form gives it.
    outcome         TEXT    CHECK (outcome IS NULL OR outcome IN ('favourable', 'conditions', 'unfavourable', 'deferred')),
    opinion         TEXT    NOT NULL DEFAULT '',
    opinion_html    TEXT    NOT NULL DEFAULT '',
    charter_version INTEGER,
    articles        TEXT    NOT NULL DEFAULT '',
    -- UTC ISO 8601 timestamp.
    deadline        TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'to_meeting')),
    -- Once closed: adopted, rejected, or no quorum of participation.
    result          TEXT    CHECK (result IS NULL OR result IN ('adopted', 'rejected', 'no_quorum')),
    opened_by       INTEGER NOT NULL REFERENCES users(id),
    opened_at       TEXT    NOT NULL,
    closed_at       TEXT,
    -- Who asked for a meeting instead, and the agenda item it became (NULL: no planned meeting, to be scheduled).
    objected_by     INTEGER REFERENCES users(id),
    agenda_item_id  INTEGER REFERENCES agenda_items(id),
    CHECK ((kind = 'case') = (case_id IS NOT NULL)),
    CHECK (kind <> 'case' OR outcome IS NOT NULL),
    CHECK (kind <> 'motion' OR title <> ''),
    CHECK ((status = 'open') = (closed_at IS NULL)),
    CHECK ((status = 'closed') = (result IS NOT NULL)),
    CHECK ((status = 'to_meeting') = (objected_by IS NOT NULL))
);
-- One running written procedure per case.
CREATE UNIQUE INDEX written_procedures_open_case ON written_procedures(case_id) WHERE status = 'open' AND case_id IS NOT NULL;
CREATE INDEX written_procedures_by_case ON written_procedures(case_id, id);
CREATE INDEX written_procedures_open_deadline ON written_procedures(deadline) WHERE status = 'open';
CREATE INDEX written_procedures_by_closing ON written_procedures(status, closed_at);
-- A closed procedure never changes.
CREATE TRIGGER written_procedures_locked BEFORE UPDATE ON written_procedures WHEN OLD.status <> 'open'
BEGIN SELECT RAISE(ABORT, 'a closed written procedure never changes'); END;
CREATE TRIGGER written_procedures_no_delete BEFORE DELETE ON written_procedures
BEGIN SELECT RAISE(ABORT, 'a written procedure is never deleted'); END;

-- The conditions of a proposed "favourable with conditions" decision.
CREATE TABLE written_procedure_conditions (
    procedure_id INTEGER NOT NULL REFERENCES written_procedures(id),
    position     INTEGER NOT NULL,
    text         TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    owner_id     INTEGER NOT NULL REFERENCES users(id),
    due_on       TEXT    NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (procedure_id, position)
) WITHOUT ROWID;

-- The eligible voters, fixed at opening. conflict_with: the declared interest that matches the case, if any;
-- such a voter declares 'no_conflict' or 'recused' (once) before anything else.
CREATE TABLE written_voters (
    procedure_id  INTEGER NOT NULL REFERENCES written_procedures(id),
    user_id       INTEGER NOT NULL REFERENCES users(id),
    conflict_with TEXT,
    declaration   TEXT    CHECK (declaration IS NULL OR declaration IN ('no_conflict', 'recused')),
    declared_at   TEXT,
    CHECK ((declaration IS NULL) = (declared_at IS NULL)),
    PRIMARY KEY (procedure_id, user_id)
) WITHOUT ROWID;
CREATE INDEX written_voters_by_user ON written_voters(user_id, procedure_id);
CREATE TRIGGER written_voters_declared_once BEFORE UPDATE ON written_voters
WHEN OLD.declaration IS NOT NULL OR NEW.procedure_id <> OLD.procedure_id OR NEW.user_id <> OLD.user_id
  OR NEW.conflict_with IS NOT OLD.conflict_with
BEGIN SELECT RAISE(ABORT, 'a declaration is made once'); END;

-- One ballot per voter per procedure (primary key); only while open, only by an eligible voter who is not recused
-- and has cleared a matching interest; never changed or deleted.
CREATE TABLE written_ballots (
    procedure_id INTEGER NOT NULL REFERENCES written_procedures(id),
    voter_id     INTEGER NOT NULL REFERENCES users(id),
    choice       TEXT    NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
    reasoning    TEXT    NOT NULL DEFAULT '' CHECK (length(reasoning) <= 2000),
    cast_at      TEXT    NOT NULL,
    PRIMARY KEY (procedure_id, voter_id)
) WITHOUT ROWID;
CREATE TRIGGER written_ballots_open BEFORE INSERT ON written_ballots
WHEN NOT EXISTS (SELECT 1 FROM written_procedures WHERE id = NEW.procedure_id AND status = 'open')
BEGIN SELECT RAISE(ABORT, 'the written procedure is closed'); END;
CREATE TRIGGER written_ballots_eligible BEFORE INSERT ON written_ballots
WHEN NOT EXISTS (SELECT 1 FROM written_voters WHERE procedure_id = NEW.procedure_id AND user_id = NEW.voter_id
                 AND (declaration = 'no_conflict' OR (declaration IS NULL AND conflict_with IS NULL)))
BEGIN SELECT RAISE(ABORT, 'not an eligible voter of this written procedure'); END;
CREATE TRIGGER written_ballots_no_update BEFORE UPDATE ON written_ballots BEGIN SELECT RAISE(ABORT, 'a ballot never changes'); END;
CREATE TRIGGER written_ballots_no_delete BEFORE DELETE ON written_ballots BEGIN SELECT RAISE(ABORT, 'a ballot is never deleted'); END;

-- The written-procedure rules of the settings: participation quorum, majority, and the right to ask for a meeting.
INSERT INTO settings (key, value) VALUES
    ('written_quorum', 'majority'),
    ('written_majority', 'simple'),
    ('written_objection', '1')
ON CONFLICT(key) DO NOTHING;

-- Notifications about written procedures: the kind and record lists become the application's enums (any
-- lower-case code), so a new kind needs no table rebuild. Same columns, rows, indexes as 0010.
CREATE TABLE notifications_new (
    id           INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES users(id),
    kind         TEXT    NOT NULL CHECK (length(kind) BETWEEN 1 AND 60 AND kind NOT GLOB '*[^a-z_]*'),
    record_type  TEXT    NOT NULL CHECK (length(record_type) BETWEEN 1 AND 60 AND record_type NOT GLOB '*[^a-z_]*'),
    record_id    INTEGER NOT NULL,
    params       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
    dedupe_key   TEXT    UNIQUE,
    created_at   TEXT    NOT NULL,
    read_at      TEXT
);
INSERT INTO notifications_new (id, recipient_id, kind, record_type, record_id, params, dedupe_key, created_at, read_at)
    SELECT id, recipient_id, kind, record_type, record_id, params, dedupe_key, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_unread ON notifications(recipient_id) WHERE read_at IS NULL;
CREATE INDEX notifications_by_recipient ON notifications(recipient_id, id);
CREATE INDEX notifications_by_record ON notifications(record_type, record_id, recipient_id);
