-- The chair sends draft minutes back to the secretary with comments instead of approving them.
CREATE TABLE meeting_minutes_returns (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting_minutes(meeting_id),
    comment     TEXT    NOT NULL CHECK (length(trim(comment)) BETWEEN 1 AND 4000),
    returned_by INTEGER NOT NULL REFERENCES users(id),
    returned_at TEXT    NOT NULL
);
CREATE INDEX meeting_minutes_returns_by_meeting ON meeting_minutes_returns(meeting_id, id);
