-- Notifications: in-app, and by e-mail for those who want it. A row stores data (kind, record,
-- parameters), never rendered text, so each reader gets it in their own language.
CREATE TABLE notifications (
    id           INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES users(id),
    kind         TEXT    NOT NULL CHECK (kind IN ('reviewer_assigned', 'question_asked', 'case_decided', 'document_published',
                                                  'minutes_to_approve', 'review_due_soon', 'review_overdue',
                                                  'condition_due_soon', 'condition_overdue')),
    -- What it is about: a case, a meeting, or a governance document version (governance_versions.id).
    record_type  TEXT    NOT NULL CHECK (record_type IN ('case', 'meeting', 'document_version')),
    record_id    INTEGER NOT NULL,
    -- JSON object of the values the text needs (case title, document kind and number, due date…).
    params       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
    -- Set by the due-date sweep so that running it again creates nothing new.
    dedupe_key   TEXT    UNIQUE,
    created_at   TEXT    NOT NULL,
    read_at      TEXT
);
-- The header's unread count on every page: a partial index holds only the unread rows.
CREATE INDEX notifications_unread ON notifications(recipient_id) WHERE read_at IS NULL;
CREATE INDEX notifications_by_recipient ON notifications(recipient_id, id);
CREATE INDEX notifications_by_record ON notifications(record_type, record_id, recipient_id);

-- Mail to send. The background sender takes due rows, retries with back-off, and survives restarts.
CREATE TABLE email_outbox (
    id              INTEGER PRIMARY KEY,
    notification_id INTEGER NOT NULL UNIQUE REFERENCES notifications(id) ON DELETE CASCADE,
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'expired')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    sent_at         TEXT,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX email_outbox_due ON email_outbox(next_attempt_at) WHERE status = 'pending';

-- Each person's choice; no row means the default: e-mail on.
CREATE TABLE notification_preferences (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id),
    email      INTEGER NOT NULL CHECK (email IN (0, 1)),
    updated_at TEXT    NOT NULL
);
