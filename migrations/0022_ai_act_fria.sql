-- The fundamental-rights impact assessment of a case (Art. 27 of Regulation (EU) 2024/1689), issue 17.
-- Each save writes the next version; a version never changes afterwards, so a decision can name the one
-- it was taken on, as it names the charter version.
CREATE TABLE case_fria_versions (
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    -- Art. 27(1)(a) to (f), in the order of the article.
    processes  TEXT    NOT NULL CHECK (length(processes) BETWEEN 1 AND 4000),
    period     TEXT    NOT NULL CHECK (length(period) BETWEEN 1 AND 4000),
    persons    TEXT    NOT NULL CHECK (length(persons) BETWEEN 1 AND 4000),
    risks      TEXT    NOT NULL CHECK (length(risks) BETWEEN 1 AND 4000),
    oversight  TEXT    NOT NULL CHECK (length(oversight) BETWEEN 1 AND 4000),
    measures   TEXT    NOT NULL CHECK (length(measures) BETWEEN 1 AND 4000),
    written_by INTEGER NOT NULL REFERENCES users(id),
    written_at TEXT    NOT NULL,
    PRIMARY KEY (case_id, version)
) WITHOUT ROWID;

CREATE TRIGGER case_fria_versions_frozen BEFORE UPDATE ON case_fria_versions
BEGIN
    SELECT RAISE(ABORT, 'a FRIA version never changes');
END;

-- The FRIA version a decision was taken on (NULL when none was written).
ALTER TABLE case_decisions ADD COLUMN fria_version INTEGER;
