-- Meetings: invited members and their attendance, the ordered agenda, the votes on each item,
-- and the minutes (locked once approved).
CREATE TABLE meetings (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- UTC ISO 8601 timestamp; entered and shown in the committee's time zone.
    starts_at  TEXT    NOT NULL,
    duration   INTEGER NOT NULL DEFAULT 120 CHECK (duration BETWEEN 15 AND 720),
    place      TEXT    NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    video_url  TEXT    NOT NULL DEFAULT '' CHECK (length(video_url) <= 500),
    status     TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'closed')),
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT    NOT NULL,
    CHECK (place <> '' OR video_url <> '')
);
CREATE INDEX meetings_by_start ON meetings(starts_at);

-- Who is invited, and (once recorded by the secretary) whether they were present.
CREATE TABLE meeting_invitees (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    user_id    INTEGER NOT NULL REFERENCES users(id),
    attendance TEXT    CHECK (attendance IS NULL OR attendance IN ('present', 'excused', 'absent')),
    PRIMARY KEY (meeting_id, user_id)
) WITHOUT ROWID;
CREATE INDEX meeting_invitees_by_user ON meeting_invitees(user_id, meeting_id);

-- The agenda: a case, the approval of earlier minutes, or a free item with a Markdown note.
CREATE TABLE agenda_items (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER NOT NULL REFERENCES meetings(id),
    position           INTEGER NOT NULL,
    kind               TEXT    NOT NULL CHECK (kind IN ('case', 'minutes', 'free')),
    case_id            INTEGER REFERENCES cases(id),
    minutes_meeting_id INTEGER REFERENCES meetings(id),
    title              TEXT    NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    note               TEXT    NOT NULL DEFAULT '',
    -- Rendered once when saved.
    note_html          TEXT    NOT NULL DEFAULT '',
    -- The result, once voted: a case outcome, or adopted / rejected.
    outcome            TEXT    CHECK (outcome IS NULL OR outcome IN ('favourable', 'conditions', 'unfavourable', 'deferred', 'adopted', 'rejected')),
    decision           TEXT    NOT NULL DEFAULT '',
    decision_html      TEXT    NOT NULL DEFAULT '',
    decided_at         TEXT,
    CHECK ((kind = 'case') = (case_id IS NOT NULL)),
    CHECK ((kind = 'minutes') = (minutes_meeting_id IS NOT NULL)),
    CHECK (kind <> 'free' OR title <> '')
);
CREATE INDEX agenda_items_by_meeting ON agenda_items(meeting_id, position);
CREATE INDEX agenda_items_by_case ON agenda_items(case_id);
-- A decided item never changes.
CREATE TRIGGER agenda_items_decided_locked BEFORE UPDATE ON agenda_items WHEN OLD.decided_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a decided agenda item never changes'); END;

-- One vote per member per item; a dissent note is optional.
CREATE TABLE votes (
    item_id     INTEGER NOT NULL REFERENCES agenda_items(id),
    user_id     INTEGER NOT NULL REFERENCES users(id),
    choice      TEXT    NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
    dissent     TEXT    NOT NULL DEFAULT '' CHECK (length(dissent) <= 2000),
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT    NOT NULL,
    PRIMARY KEY (item_id, user_id)
) WITHOUT ROWID;
CREATE TRIGGER votes_no_update BEFORE UPDATE ON votes BEGIN SELECT RAISE(ABORT, 'a vote never changes'); END;
CREATE TRIGGER votes_no_delete BEFORE DELETE ON votes BEGIN SELECT RAISE(ABORT, 'a vote is never deleted'); END;

-- The minutes: Markdown drafted by the secretary, approved by the chair (or by a vote at a later meeting).
CREATE TABLE meeting_minutes (
    meeting_id          INTEGER PRIMARY KEY REFERENCES meetings(id),
    markdown            TEXT    NOT NULL,
    html                TEXT    NOT NULL,
    status              TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
    updated_by          INTEGER NOT NULL REFERENCES users(id),
    updated_at          TEXT    NOT NULL,
    approved_by         INTEGER REFERENCES users(id),
    approved_at         TEXT,
    approved_in_meeting INTEGER REFERENCES meetings(id),
    CHECK ((status = 'approved') = (approved_by IS NOT NULL AND approved_at IS NOT NULL))
);
-- Approved minutes are locked: no change, no deletion.
CREATE TRIGGER meeting_minutes_locked BEFORE UPDATE ON meeting_minutes WHEN OLD.status = 'approved'
BEGIN SELECT RAISE(ABORT, 'approved minutes never change'); END;
CREATE TRIGGER meeting_minutes_no_delete BEFORE DELETE ON meeting_minutes WHEN OLD.status = 'approved'
BEGIN SELECT RAISE(ABORT, 'approved minutes are never deleted'); END;

-- The minutes cut at their numbered headings ("## 2. …"), each part rendered once at saving: a reader
-- who may not see agenda item 2 gets "Confidential item" in place of its part.
CREATE TABLE meeting_minutes_parts (
    meeting_id INTEGER NOT NULL REFERENCES meeting_minutes(meeting_id),
    ordinal    INTEGER NOT NULL,
    item_id    INTEGER REFERENCES agenda_items(id),
    html       TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, ordinal)
) WITHOUT ROWID;
CREATE TRIGGER meeting_minutes_parts_locked_insert BEFORE INSERT ON meeting_minutes_parts
WHEN (SELECT status FROM meeting_minutes WHERE meeting_id = NEW.meeting_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'approved minutes never change'); END;
CREATE TRIGGER meeting_minutes_parts_locked_update BEFORE UPDATE ON meeting_minutes_parts
WHEN (SELECT status FROM meeting_minutes WHERE meeting_id = OLD.meeting_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'approved minutes never change'); END;
CREATE TRIGGER meeting_minutes_parts_locked_delete BEFORE DELETE ON meeting_minutes_parts
WHEN (SELECT status FROM meeting_minutes WHERE meeting_id = OLD.meeting_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'approved minutes never change'); END;
