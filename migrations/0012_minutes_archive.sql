-- Approved minutes as a signature: the exact HTML of the printed minutes at the moment of approval, and its
-- SHA-256 (also written in the approval's audit entry). One per meeting, never changed nor deleted.
CREATE TABLE meeting_minutes_archives (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meeting_minutes(meeting_id),
    html        TEXT    NOT NULL,
    sha256      TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    archived_at TEXT    NOT NULL
);
CREATE TRIGGER meeting_minutes_archives_no_update BEFORE UPDATE ON meeting_minutes_archives
BEGIN SELECT RAISE(ABORT, 'archived minutes never change'); END;
CREATE TRIGGER meeting_minutes_archives_no_delete BEFORE DELETE ON meeting_minutes_archives
BEGIN SELECT RAISE(ABORT, 'archived minutes never change'); END;
