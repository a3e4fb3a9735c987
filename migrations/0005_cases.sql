-- Case reviews of planned AI projects: the case, its readiness answers, reviewers, reviews,
-- questions to the submitter, internal discussion, the decision and its conditions, the timeline.
CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    team             TEXT    NOT NULL CHECK (length(team) BETWEEN 1 AND 200),
    vendor           TEXT    NOT NULL DEFAULT '' CHECK (length(vendor) <= 200),
    kind             TEXT    NOT NULL CHECK (kind IN ('tool', 'process', 'training', 'other')),
    customer_facing  INTEGER NOT NULL CHECK (customer_facing IN (0, 1)),
    personal_data    INTEGER NOT NULL CHECK (personal_data IN (0, 1)),
    confidential     INTEGER NOT NULL CHECK (confidential IN (0, 1)),
    description      TEXT    NOT NULL,
    -- Rendered once when the description is saved, never per request.
    description_html TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'submitted', 'needs_info', 'in_review', 'decided', 'closed', 'withdrawn')),
    risk_tier        TEXT    NOT NULL DEFAULT 'medium' CHECK (risk_tier IN ('low', 'medium', 'high')),
    submitter_id     INTEGER NOT NULL REFERENCES users(id),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    submitted_at     TEXT,
    decided_at       TEXT
);
CREATE INDEX cases_by_status ON cases(status, id);
CREATE INDEX cases_by_submitter ON cases(submitter_id, id);
CREATE INDEX cases_by_tier ON cases(risk_tier, id);

-- One answer per readiness question: yes / partly / no, with a note.
CREATE TABLE case_answers (
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    question TEXT    NOT NULL,
    answer   TEXT    NOT NULL CHECK (answer IN ('yes', 'partly', 'no')),
    note     TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    PRIMARY KEY (case_id, question)
) WITHOUT ROWID;

-- Reviewers; a recusal is recorded, never deleted.
CREATE TABLE case_reviewers (
    case_id        INTEGER NOT NULL REFERENCES cases(id),
    user_id        INTEGER NOT NULL REFERENCES users(id),
    assigned_by    INTEGER NOT NULL REFERENCES users(id),
    assigned_at    TEXT    NOT NULL,
    due_on         TEXT    NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recused_at     TEXT,
    recusal_reason TEXT,
    PRIMARY KEY (case_id, user_id)
) WITHOUT ROWID;
CREATE INDEX case_reviewers_by_user ON case_reviewers(user_id, case_id);

CREATE TABLE reviews (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id),
    reviewer_id    INTEGER NOT NULL REFERENCES users(id),
    recommendation TEXT    NOT NULL CHECK (recommendation IN ('favourable', 'conditions', 'unfavourable')),
    reasoning      TEXT    NOT NULL,
    reasoning_html TEXT    NOT NULL,
    submitted_at   TEXT    NOT NULL,
    UNIQUE (case_id, reviewer_id)
);

CREATE TABLE case_comments (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    author_id  INTEGER NOT NULL REFERENCES users(id),
    body       TEXT    NOT NULL,
    body_html  TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    edited_at  TEXT
);
CREATE INDEX case_comments_by_case ON case_comments(case_id, id);

CREATE TABLE case_questions (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    asked_by    INTEGER NOT NULL REFERENCES users(id),
    question    TEXT    NOT NULL,
    asked_at    TEXT    NOT NULL,
    answer      TEXT,
    answered_by INTEGER REFERENCES users(id),
    answered_at TEXT
);
CREATE INDEX case_questions_by_case ON case_questions(case_id, id);

-- The decision; a deferral is recorded on the timeline only.
CREATE TABLE case_decisions (
    case_id         INTEGER PRIMARY KEY REFERENCES cases(id),
    outcome         TEXT    NOT NULL CHECK (outcome IN ('favourable', 'conditions', 'unfavourable')),
    opinion         TEXT    NOT NULL,
    opinion_html    TEXT    NOT NULL,
    charter_version INTEGER,
    articles        TEXT    NOT NULL DEFAULT '',
    procedure       TEXT    NOT NULL CHECK (procedure IN ('written', 'meeting')),
    meeting_on      TEXT,
    decided_by      INTEGER NOT NULL REFERENCES users(id),
    decided_at      TEXT    NOT NULL
);
CREATE TRIGGER case_decisions_no_update BEFORE UPDATE ON case_decisions
BEGIN SELECT RAISE(ABORT, 'a decision never changes'); END;

CREATE TABLE case_conditions (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    text     TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    owner_id INTEGER NOT NULL REFERENCES users(id),
    due_on   TEXT    NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status   TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met')),
    evidence TEXT    NOT NULL DEFAULT '',
    met_at   TEXT,
    met_by   INTEGER REFERENCES users(id)
);
CREATE INDEX case_conditions_by_case ON case_conditions(case_id, id);
CREATE INDEX case_conditions_open ON case_conditions(status, due_on);

-- What happened to the case, in order, for its timeline (the audit trail keeps the same facts).
CREATE TABLE case_events (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    at       TEXT    NOT NULL,
    actor_id INTEGER REFERENCES users(id),
    event    TEXT    NOT NULL,
    detail   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX case_events_by_case ON case_events(case_id, id);
