-- The meeting lifecycle (issue 14): a planned meeting can be changed or cancelled with a reason; each change
-- raises the sequence its calendar file carries; the secretary closes a held meeting after its last item;
-- invitees answer their invitation. SQLite cannot change a CHECK in place, so `meetings` is rebuilt
-- (the migrator runs with foreign keys off and checks them at the end); its index is created again.
-- Legacy renaming leaves the triggers and views that read `meetings` (search) as they are: they name the
-- table, which exists again once the rebuilt one takes its name.
PRAGMA legacy_alter_table = ON;
CREATE TABLE meetings_rebuilt (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- UTC ISO 8601 timestamp; entered and shown in the committee's time zone.
    starts_at     TEXT    NOT NULL,
    duration      INTEGER NOT NULL DEFAULT 120 CHECK (duration BETWEEN 15 AND 720),
    place         TEXT    NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    video_url     TEXT    NOT NULL DEFAULT '' CHECK (length(video_url) <= 500),
    status        TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'closed', 'cancelled')),
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    TEXT    NOT NULL,
    -- The iCalendar SEQUENCE: raised by every change and by the cancellation, so calendars update the event.
    sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    -- Why it was cancelled: present exactly when it is.
    cancel_reason TEXT    NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 2000),
    CHECK (place <> '' OR video_url <> ''),
    CHECK ((status = 'cancelled') = (cancel_reason <> ''))
);
INSERT INTO meetings_rebuilt (id, title, starts_at, duration, place, video_url, status, created_by, created_at)
SELECT id, title, starts_at, duration, place, video_url, status, created_by, created_at FROM meetings;
DROP TABLE meetings;
ALTER TABLE meetings_rebuilt RENAME TO meetings;
CREATE INDEX meetings_by_start ON meetings(starts_at);

-- Upcoming meetings are planned and in the future; the list pages both halves by date.
CREATE INDEX meetings_by_status_start ON meetings(status, starts_at);

-- A closed or cancelled meeting never changes; only its minutes do, until approved (their own triggers).
CREATE TRIGGER meetings_final_locked BEFORE UPDATE ON meetings WHEN OLD.status IN ('closed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a closed or cancelled meeting never changes'); END;
CREATE TRIGGER agenda_items_final_insert BEFORE INSERT ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('closed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a closed or cancelled meeting never changes'); END;
CREATE TRIGGER agenda_items_final_update BEFORE UPDATE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('closed', 'cancelled')
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('closed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a closed or cancelled meeting never changes'); END;
CREATE TRIGGER agenda_items_final_delete BEFORE DELETE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('closed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a closed or cancelled meeting never changes'); END;
-- An agenda item is removed only while its meeting is planned and before anything was decided on it.
CREATE TRIGGER agenda_items_planned_delete BEFORE DELETE ON agenda_items
WHEN OLD.decided_at IS NOT NULL OR (SELECT status FROM meetings WHERE id = OLD.meeting_id) <> 'planned'
BEGIN SELECT RAISE(ABORT, 'an agenda item is removed only while its meeting is planned'); END;
CREATE TRIGGER votes_final_insert BEFORE INSERT ON votes
WHEN (SELECT m.status FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = NEW.item_id) IN ('closed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a closed or cancelled meeting never changes'); END;

-- Each invitee's answer to the invitation, changed until the meeting opens.
ALTER TABLE meeting_invitees ADD COLUMN rsvp TEXT CHECK (rsvp IS NULL OR rsvp IN ('attending', 'excused', 'unsure'));
ALTER TABLE meeting_invitees ADD COLUMN rsvp_at TEXT;
CREATE TRIGGER meeting_invitees_final_insert BEFORE INSERT ON meeting_invitees
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('closed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a closed or cancelled meeting never changes'); END;
CREATE TRIGGER meeting_invitees_final_update BEFORE UPDATE ON meeting_invitees
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('closed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a closed or cancelled meeting never changes'); END;
CREATE TRIGGER meeting_invitees_final_delete BEFORE DELETE ON meeting_invitees
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('closed', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a closed or cancelled meeting never changes'); END;
-- An answer is given only while the meeting is planned.
CREATE TRIGGER meeting_invitees_rsvp_planned BEFORE UPDATE OF rsvp ON meeting_invitees
WHEN NEW.rsvp IS NOT OLD.rsvp AND (SELECT status FROM meetings WHERE id = OLD.meeting_id) <> 'planned'
BEGIN SELECT RAISE(ABORT, 'an invitation is answered only while the meeting is planned'); END;

-- Invitees are told when a meeting is planned, changed or cancelled: three more kinds of notification.
-- The kind CHECK changes, so `notifications` is rebuilt the same way (its outbox rows keep their ids).
CREATE TABLE notifications_rebuilt (
    id           INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES users(id),
    kind         TEXT    NOT NULL CHECK (kind IN ('reviewer_assigned', 'question_asked', 'case_decided', 'document_published',
                                                  'minutes_to_approve', 'review_due_soon', 'review_overdue',
                                                  'condition_due_soon', 'condition_overdue',
                                                  'meeting_planned', 'meeting_changed', 'meeting_cancelled')),
    record_type  TEXT    NOT NULL CHECK (record_type IN ('case', 'meeting', 'document_version')),
    record_id    INTEGER NOT NULL,
    params       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
    dedupe_key   TEXT    UNIQUE,
    created_at   TEXT    NOT NULL,
    read_at      TEXT
);
INSERT INTO notifications_rebuilt SELECT id, recipient_id, kind, record_type, record_id, params, dedupe_key, created_at, read_at
FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;
CREATE INDEX notifications_unread ON notifications(recipient_id) WHERE read_at IS NULL;
CREATE INDEX notifications_by_recipient ON notifications(recipient_id, id);
CREATE INDEX notifications_by_record ON notifications(record_type, record_id, recipient_id);
PRAGMA legacy_alter_table = OFF;
