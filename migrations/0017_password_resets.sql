-- Password reset links (issue 16). Asked for by the person ("Forgot your password?") or made by staff for
-- them. Only the token's SHA-256 is kept; a link lives an hour and works once.
CREATE TABLE password_resets (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT    NOT NULL UNIQUE,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    -- NULL: the person asked for it on the sign-in page.
    created_by  INTEGER REFERENCES users(id),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT,
    -- A newer link (or a used one) makes the older ones unusable.
    revoked_at  TEXT
);
CREATE INDEX password_resets_by_user ON password_resets(user_id, id);
