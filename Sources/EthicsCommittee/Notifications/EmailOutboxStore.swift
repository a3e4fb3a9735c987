import Foundation
import GRDB

/// SQL for the e-mail outbox: mail queued with its notification, what is due, and what became of each attempt.
struct EmailOutboxStore: Sendable {
    let db: AppDatabase
    let clock: AppClock

    /// Queues the mail of a new notification, inside its transaction, unless the recipient turned e-mail off.
    static func queue(_ db: Database, notificationId: Int64, recipientId: Int64, at: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO email_outbox (notification_id, next_attempt_at)
            SELECT ?, ? WHERE COALESCE((SELECT email FROM notification_preferences WHERE user_id = ?), 1) = 1
            """).execute(arguments: [notificationId, at, recipientId])
    }

    /// Drops the person's mail still waiting (they turned e-mail off): the in-app list keeps the notifications.
    static func dropPending(_ db: Database, recipientId: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE email_outbox SET status = 'expired', last_error = 'recipient turned e-mail off'
            WHERE status = 'pending' AND notification_id IN (SELECT id FROM notifications WHERE recipient_id = ?)
            """).execute(arguments: [recipientId])
    }

    /// Pending mail whose next attempt is due, oldest first; expires first what is too old to send.
    func due(limit: Int = 50) async throws -> [OutboxEmail] {
        let now = clock.now
        return try await db.writer.write { db in
            try db.cachedStatement(sql: """
                UPDATE email_outbox SET status = 'expired', last_error = 'too old to send'
                WHERE status = 'pending' AND notification_id IN (SELECT id FROM notifications WHERE created_at < ?)
                """).execute(arguments: [Timestamp.string(now - EmailOutbox.maxAge)])
            return try OutboxEmail.fetchAll(db.cachedStatement(sql: """
                SELECT o.id AS outbox_id, o.attempts, u.email,
                    COALESCE(u.language, (SELECT value FROM settings WHERE key = 'default_language')) AS language, n.*
                FROM email_outbox o JOIN notifications n ON n.id = o.notification_id JOIN users u ON u.id = n.recipient_id
                WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND u.active = 1
                ORDER BY o.next_attempt_at, o.id LIMIT ?
                """), arguments: [Timestamp.string(now), limit])
        }
    }

    /// Records a delivered mail.
    func markSent(id: Int64) async throws {
        let now = clock.now
        try await db.writer.write { db in
            try db.cachedStatement(sql: "UPDATE email_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .execute(arguments: [Timestamp.string(now), id])
        }
    }

    /// Records a failed attempt: retried later with back-off, or given up (`permanent`, or too many attempts).
    func markFailed(id: Int64, attempts: Int, error: String, permanent: Bool) async throws {
        let now = clock.now, tried = attempts + 1
        let giveUp = permanent || tried >= EmailOutbox.maxAttempts
        try await db.writer.write { db in
            try db.cachedStatement(sql: "UPDATE email_outbox SET attempts = ?, last_error = ?, status = ?, next_attempt_at = ? WHERE id = ?")
                .execute(arguments: [tried, String(error.prefix(500)), giveUp ? "failed" : "pending",
                                     Timestamp.string(now + EmailOutbox.backoff(attempts: tried)), id])
        }
    }
}
