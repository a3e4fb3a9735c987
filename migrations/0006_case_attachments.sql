-- Files attached to a case. The bytes live on disk outside Public/, under a generated name;
-- the original file name is kept for the download only.
CREATE TABLE case_attachments (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    filename     TEXT    NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL CHECK (size > 0),
    sha256       TEXT    NOT NULL,
    stored_name  TEXT    NOT NULL UNIQUE,
    uploaded_by  INTEGER NOT NULL REFERENCES users(id),
    uploaded_at  TEXT    NOT NULL
);
CREATE INDEX case_attachments_by_case ON case_attachments(case_id, id);
