-- Committee members: the profile of each seat (accounts with role member or expert), their
-- expertise, declared interests and signed independence declarations.
CREATE TABLE member_profiles (
    user_id      INTEGER PRIMARY KEY REFERENCES users(id),
    affiliation  TEXT    NOT NULL DEFAULT '' CHECK (length(affiliation) <= 200),
    external     INTEGER NOT NULL CHECK (external IN (0, 1)),
    position     TEXT    NOT NULL DEFAULT 'none' CHECK (position IN ('chair', 'vice_chair', 'none')),
    voting       INTEGER NOT NULL DEFAULT 1 CHECK (voting IN (0, 1)),
    term_start   TEXT    CHECK (term_start IS NULL OR term_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    term_end     TEXT    CHECK (term_end IS NULL OR term_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    completed_at TEXT,
    updated_at   TEXT    NOT NULL,
    CHECK (term_start IS NULL OR term_end IS NULL OR term_end >= term_start)
);
-- One chair and one vice-chair at most.
CREATE UNIQUE INDEX member_profiles_one_per_position ON member_profiles(position) WHERE position <> 'none';

CREATE TABLE member_expertise (
    user_id INTEGER NOT NULL REFERENCES users(id),
    area    TEXT    NOT NULL CHECK (area IN ('data', 'ai', 'law', 'ethics', 'customer_relations', 'security', 'other')),
    PRIMARY KEY (user_id, area)
) WITHOUT ROWID;

-- Interests are withdrawn, never deleted: a past interest can matter for a past decision.
CREATE TABLE declared_interests (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    organisation TEXT    NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
    nature       TEXT    NOT NULL CHECK (length(nature) BETWEEN 1 AND 500),
    since        TEXT    CHECK (since IS NULL OR since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at   TEXT    NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX declared_interests_by_user ON declared_interests(user_id);

-- Each signature keeps the exact text signed and its version.
CREATE TABLE independence_declarations (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    text_version INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    signed_at    TEXT    NOT NULL
);
CREATE INDEX independence_declarations_by_user ON independence_declarations(user_id, signed_at);
CREATE TRIGGER independence_declarations_no_update BEFORE UPDATE ON independence_declarations
BEGIN SELECT RAISE(ABORT, 'a signed declaration never changes'); END;

INSERT INTO settings (key, value) VALUES
    ('declaration_version', '1'),
    ('declaration_text', 'I declare that I act on this committee independently, in my own name and not on the instructions of any employer, client or supplier. I will declare, before any review, every interest that could reasonably be seen to affect my judgement on a case, and I will recuse myself from any case where such a conflict exists. I will keep confidential what I learn through the committee.'),
    ('quorum_rule', 'majority'),
    ('quorum_requires_external', '0');
