-- Following a system after its approval (issue 18): owners' periodic attestations, the substantive changes they
-- report (each opening a re-review case), and the settings of the review and attestation intervals.

-- When the owner's next attestation is due: set when the system goes into service and at each attestation.
ALTER TABLE systems ADD COLUMN attestation_due_on TEXT
    CHECK (attestation_due_on IS NULL OR attestation_due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
CREATE INDEX systems_by_attestation ON systems(attestation_due_on) WHERE status = 'in_service';

-- "It operates as approved and its conditions hold", or what changed. Never changed nor deleted.
CREATE TABLE system_attestations (
    id          INTEGER PRIMARY KEY,
    system_id   INTEGER NOT NULL REFERENCES systems(id),
    attested_by INTEGER NOT NULL REFERENCES users(id),
    outcome     TEXT    NOT NULL CHECK (outcome IN ('as_approved', 'changed')),
    note        TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    attested_at TEXT    NOT NULL,
    CHECK (outcome = 'as_approved' OR length(note) > 0)
);
CREATE INDEX system_attestations_by_system ON system_attestations(system_id, id);
CREATE TRIGGER system_attestations_no_update BEFORE UPDATE ON system_attestations
BEGIN SELECT RAISE(ABORT, 'an attestation never changes'); END;
CREATE TRIGGER system_attestations_no_delete BEFORE DELETE ON system_attestations
BEGIN SELECT RAISE(ABORT, 'an attestation is never deleted'); END;

-- A substantive change as reported: one row per field that changed, with the value before and after, tied to the
-- re-review case it opened.
CREATE TABLE system_changes (
    id          INTEGER PRIMARY KEY,
    system_id   INTEGER NOT NULL REFERENCES systems(id),
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    field       TEXT    NOT NULL CHECK (field IN ('model', 'data_sources', 'purpose', 'population')),
    before      TEXT    NOT NULL,
    after       TEXT    NOT NULL,
    reported_by INTEGER NOT NULL REFERENCES users(id),
    reported_at TEXT    NOT NULL,
    UNIQUE (case_id, field)
);
CREATE INDEX system_changes_by_system ON system_changes(system_id, id);

-- Review interval by risk tier (months) and the attestation interval (months).
INSERT INTO settings (key, value) VALUES
    ('review_months_high', '12'), ('review_months_medium', '24'), ('review_months_low', '36'), ('attestation_months', '6');
