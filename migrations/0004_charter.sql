-- Governance documents (the charter, the rules of procedure; a new kind is a new row, not new code):
-- one working draft each, published versions that never change, and members' acknowledgements.
CREATE TABLE governance_documents (
    id               INTEGER PRIMARY KEY,
    -- The kind names the document in URLs and in the catalogue ("document_<kind>").
    kind             TEXT    NOT NULL UNIQUE CHECK (length(kind) BETWEEN 1 AND 40 AND kind NOT GLOB '*[^a-z_]*'),
    position         INTEGER NOT NULL,
    -- Whether committee members must acknowledge its current version.
    acknowledged     INTEGER NOT NULL DEFAULT 1 CHECK (acknowledged IN (0, 1)),
    draft            TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(draft AS BLOB)) <= 262144),
    -- Optimistic concurrency: every save must name the revision it was based on.
    draft_revision   INTEGER NOT NULL DEFAULT 0 CHECK (draft_revision >= 0),
    draft_updated_at TEXT,
    draft_updated_by INTEGER REFERENCES users(id)
);
INSERT INTO governance_documents (kind, position) VALUES ('charter', 1), ('rules', 2);

-- Version N of a document, frozen at publishing with the HTML rendered once.
CREATE TABLE governance_versions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES governance_documents(id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    markdown     TEXT    NOT NULL CHECK (length(markdown) >= 1),
    html         TEXT    NOT NULL,
    change_note  TEXT    NOT NULL CHECK (length(change_note) BETWEEN 1 AND 2000),
    -- After a substantive version everyone acknowledges again; the first version is always substantive.
    change_kind  TEXT    NOT NULL CHECK (change_kind IN ('editorial', 'substantive')),
    published_by INTEGER NOT NULL REFERENCES users(id),
    published_at TEXT    NOT NULL,
    UNIQUE (document_id, number),
    CHECK (number > 1 OR change_kind = 'substantive')
);

-- Numbers follow each other without gaps: version N+1 only after version N.
CREATE TRIGGER governance_versions_in_sequence BEFORE INSERT ON governance_versions
WHEN NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM governance_versions WHERE document_id = NEW.document_id)
BEGIN SELECT RAISE(ABORT, 'governance versions are numbered in sequence'); END;
CREATE TRIGGER governance_versions_no_update BEFORE UPDATE ON governance_versions
BEGIN SELECT RAISE(ABORT, 'published versions never change'); END;
CREATE TRIGGER governance_versions_no_delete BEFORE DELETE ON governance_versions
BEGIN SELECT RAISE(ABORT, 'published versions never change'); END;

-- "I have read and accept version N": a fact that is recorded once and never withdrawn.
CREATE TABLE governance_acknowledgements (
    user_id         INTEGER NOT NULL REFERENCES users(id),
    version_id      INTEGER NOT NULL REFERENCES governance_versions(id),
    acknowledged_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, version_id)
) WITHOUT ROWID;
CREATE INDEX governance_acknowledgements_by_version ON governance_acknowledgements(version_id);

CREATE TRIGGER governance_acknowledgements_no_update BEFORE UPDATE ON governance_acknowledgements
BEGIN SELECT RAISE(ABORT, 'acknowledgements are never changed'); END;
CREATE TRIGGER governance_acknowledgements_no_delete BEFORE DELETE ON governance_acknowledgements
BEGIN SELECT RAISE(ABORT, 'acknowledgements are never changed'); END;

-- The current charter is readable without signing in only when the admin says so.
INSERT INTO settings (key, value) VALUES ('charter_public', '0');
