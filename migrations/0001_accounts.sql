-- Accounts, server-side sessions, one-time links (first-admin setup and invitations), settings.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'secretary', 'member', 'expert', 'submitter')),
    password_hash TEXT    NOT NULL,
    language      TEXT    CHECK (language IN ('en', 'fr')),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT    NOT NULL,
    deactivated_at TEXT
);

-- The cookie holds a random id; only its SHA-256 is stored, so a copy of the file opens no session.
CREATE TABLE sessions (
    id_hash      TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    csrf_token   TEXT    NOT NULL,
    flash        TEXT,
    created_at   TEXT    NOT NULL,
    last_seen_at TEXT    NOT NULL,
    client       TEXT    NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions(user_id);

-- One-time links. purpose 'setup' creates the first admin (the person picks the e-mail);
-- purpose 'invite' creates the account an admin prepared. Only the token's SHA-256 is kept.
CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT    NOT NULL UNIQUE,
    purpose     TEXT    NOT NULL CHECK (purpose IN ('setup', 'invite')),
    email       TEXT    COLLATE NOCASE,
    name        TEXT,
    role        TEXT    NOT NULL CHECK (role IN ('admin', 'secretary', 'member', 'expert', 'submitter')),
    message     TEXT    NOT NULL DEFAULT '',
    created_by  INTEGER REFERENCES users(id),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT,
    used_by     INTEGER REFERENCES users(id),
    revoked_at  TEXT,
    CHECK (purpose = 'setup' OR email IS NOT NULL)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings (key, value) VALUES
    ('committee_name', 'AI Ethics Committee'),
    ('default_language', 'en'),
    ('time_zone', 'Europe/Paris');
