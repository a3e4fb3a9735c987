-- The register of AI systems in service (issue 18): a system, the case or cases that approved it (the first
-- approval and any re-review), and its status. A system with no linked case predates the committee ("never reviewed").
CREATE TABLE systems (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    owner_id          INTEGER NOT NULL REFERENCES users(id),
    vendor            TEXT    NOT NULL DEFAULT '' CHECK (length(vendor) <= 200),
    model             TEXT    NOT NULL DEFAULT '' CHECK (length(model) <= 200),
    purpose           TEXT    NOT NULL DEFAULT '' CHECK (length(purpose) <= 2000),
    -- What a substantive change compares: the data it draws on and the people it serves.
    data_sources      TEXT    NOT NULL DEFAULT '' CHECK (length(data_sources) <= 1000),
    population        TEXT    NOT NULL DEFAULT '' CHECK (length(population) <= 1000),
    -- The tier that sets the review interval: the approving case's at registration, chosen for a system with none.
    risk_tier         TEXT    NOT NULL CHECK (risk_tier IN ('low', 'medium', 'high')),
    status            TEXT    NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'in_service', 'suspended', 'retired')),
    deployed_on       TEXT    CHECK (deployed_on IS NULL OR deployed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    next_review_on    TEXT    NOT NULL CHECK (next_review_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- Why the status last changed (a suspension's reason), and when.
    status_reason     TEXT    NOT NULL DEFAULT '' CHECK (length(status_reason) <= 2000),
    status_changed_at TEXT,
    created_by        INTEGER NOT NULL REFERENCES users(id),
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    -- Edits name the revision they started from, so two editors cannot overwrite each other.
    revision          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX systems_by_status ON systems(status, id);
CREATE INDEX systems_by_owner ON systems(owner_id, id);
CREATE INDEX systems_by_review ON systems(next_review_on) WHERE status IN ('planned', 'in_service', 'suspended');

-- The cases that approved a system: its first approval ('approval') and re-reviews ('re_review'), in order.
-- A case approves one system at most: registering the same case twice is refused by the UNIQUE constraint.
CREATE TABLE system_cases (
    system_id INTEGER NOT NULL REFERENCES systems(id),
    case_id   INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    kind      TEXT    NOT NULL CHECK (kind IN ('approval', 're_review')),
    -- Why a re-review opened: due, suspended, change.
    reason    TEXT    NOT NULL DEFAULT '' CHECK (reason IN ('', 'due', 'suspended', 'change')),
    linked_at TEXT    NOT NULL,
    PRIMARY KEY (system_id, case_id)
) WITHOUT ROWID;
CREATE INDEX system_cases_by_case ON system_cases(case_id);
