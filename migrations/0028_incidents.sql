-- Incidents and feedback on AI systems in service (issue 18). A report comes from a signed-in person about a
-- system they may see, or from the public feedback form (no account, no system chosen: the secretary ties it to a
-- system at triage). reported → triaged (system and severity confirmed, owner, root cause, corrective actions)
-- → closed, which freezes it.
CREATE TABLE incidents (
    id                 INTEGER PRIMARY KEY,
    -- NULL only for a public report not yet triaged.
    system_id          INTEGER REFERENCES systems(id),
    source             TEXT    NOT NULL CHECK (source IN ('account', 'public')),
    reporter_id        INTEGER REFERENCES users(id),
    -- A public report's receipt: random, never a sequence, shown once to its sender and never looked up by them.
    receipt            TEXT    UNIQUE CHECK (receipt IS NULL OR length(receipt) BETWEEN 8 AND 32),
    -- What a public sender named ("the chat on the website"): the secretary confirms the system from it.
    service_named      TEXT    NOT NULL DEFAULT '' CHECK (length(service_named) <= 200),
    title              TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description        TEXT    NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    occurred_on        TEXT    CHECK (occurred_on IS NULL OR occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    harm_type          TEXT    NOT NULL CHECK (harm_type IN ('wrong_answer', 'privacy', 'discrimination', 'security', 'outage', 'other')),
    -- NULL until the secretary assesses a public report (a stranger does not page the chair with "critical").
    severity           TEXT    CHECK (severity IS NULL OR severity IN ('near_miss', 'minor', 'serious', 'critical')),
    people_affected    INTEGER CHECK (people_affected IS NULL OR people_affected BETWEEN 0 AND 1000000000),
    fallback_used      TEXT    NOT NULL DEFAULT 'unknown' CHECK (fallback_used IN ('yes', 'no', 'unknown')),
    actions_taken      TEXT    NOT NULL DEFAULT '' CHECK (length(actions_taken) <= 5000),
    -- When the organisation became aware (the committee's local date): the Art. 73 deadline counts from it.
    aware_on           TEXT    NOT NULL CHECK (aware_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- Art. 73: 'standard' (15 days), 'widespread' (widespread infringement or critical infrastructure, 2 days),
    -- 'death' (10 days).
    art73_case         TEXT    NOT NULL DEFAULT 'standard' CHECK (art73_case IN ('standard', 'widespread', 'death')),
    authority_notified_on TEXT CHECK (authority_notified_on IS NULL
                                      OR authority_notified_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status             TEXT    NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'triaged', 'closed')),
    owner_id           INTEGER REFERENCES users(id),
    root_cause         TEXT    NOT NULL DEFAULT '' CHECK (length(root_cause) <= 5000),
    corrective_actions TEXT    NOT NULL DEFAULT '' CHECK (length(corrective_actions) <= 5000),
    reported_at        TEXT    NOT NULL,
    triaged_at         TEXT,
    triaged_by         INTEGER REFERENCES users(id),
    closed_at          TEXT,
    closed_by          INTEGER REFERENCES users(id),
    updated_at         TEXT    NOT NULL,
    -- Edits name the revision they started from, so a second triager cannot overwrite the first unseen.
    revision           INTEGER NOT NULL DEFAULT 1,
    CHECK ((source = 'public') = (receipt IS NOT NULL)),
    CHECK (source = 'public' OR (reporter_id IS NOT NULL AND system_id IS NOT NULL AND severity IS NOT NULL)),
    CHECK (source = 'account' OR reporter_id IS NULL),
    CHECK (status = 'reported' OR (system_id IS NOT NULL AND severity IS NOT NULL AND triaged_at IS NOT NULL)),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX incidents_by_system ON incidents(system_id, id);
CREATE INDEX incidents_by_status ON incidents(status, id);
CREATE INDEX incidents_by_reported ON incidents(reported_at);
CREATE INDEX incidents_by_owner ON incidents(owner_id) WHERE owner_id IS NOT NULL;

-- A closed incident is the record of what happened and what was done: it never changes again.
CREATE TRIGGER incidents_frozen BEFORE UPDATE ON incidents WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'a closed incident never changes'); END;
CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents
BEGIN SELECT RAISE(ABORT, 'incidents are never deleted'); END;

-- Evidence: files checked like case attachments (type from the bytes), stored beside the database.
CREATE TABLE incident_attachments (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents(id),
    filename     TEXT    NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL CHECK (size > 0),
    sha256       TEXT    NOT NULL,
    stored_name  TEXT    NOT NULL UNIQUE,
    uploaded_by  INTEGER NOT NULL REFERENCES users(id),
    uploaded_at  TEXT    NOT NULL
);
CREATE INDEX incident_attachments_by_incident ON incident_attachments(incident_id, id);
