-- Two-factor sign-in (issue 16): a TOTP secret per account (RFC 6238), single-use recovery codes stored
-- hashed, sign-in in two steps, and re-authentication before sensitive acts.
CREATE TABLE two_factor (
    user_id     INTEGER PRIMARY KEY REFERENCES users(id),
    -- Base32 secret. The server must read it back to check codes, so it cannot be hashed.
    secret      TEXT    NOT NULL CHECK (length(secret) BETWEEN 16 AND 64),
    -- NULL while the person has not yet confirmed a first code.
    enabled_at  TEXT,
    -- The last accepted time step: a code of that step or an earlier one is never accepted again.
    last_step   INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users(id),
    code_hash TEXT    NOT NULL,
    used_at   TEXT,
    UNIQUE (user_id, code_hash)
);

-- 'full': signed in. 'second_factor': password given, code awaited. 'enrol': password given, the account
-- must set up two-factor before anything else.
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full' CHECK (stage IN ('full', 'second_factor', 'enrol'));
-- When the person last proved it was them (password or code) in this session: sensitive acts want it recent.
ALTER TABLE sessions ADD COLUMN verified_at TEXT;

-- 'staff' (admins and secretaries, the default), 'committee' (every committee account too) or 'off'.
INSERT INTO settings (key, value) VALUES ('two_factor_required', 'staff');
