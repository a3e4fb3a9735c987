import Foundation
import GRDB

/// One e-mail to send: the notification, and who it goes to in which language.
struct OutboxEmail: Sendable, FetchableRecord {
    var id: Int64
    var attempts: Int
    var email: String
    var language: Language
    var notification: AppNotification

    init(row: Row) {
        id = row["outbox_id"]; attempts = row["attempts"]; email = row["email"]
        language = (row["language"] as String?).flatMap(Language.init(rawValue:)) ?? .en
        notification = AppNotification(row: row)
    }
}

/// SQL for the e-mail outbox: what is due, and what became of each attempt.
struct EmailOutbox: Sendable {
    let db: AppDatabase
    let clock: AppClock
    /// Mail not sent within this time is dropped rather than sent late (e.g. when SMTP is configured
    /// long after the notifications were made): the in-app list still has it.
    static let maxAge: TimeInterval = 2 * 86400
    /// After this many failed attempts a mail is given up.
    static let maxAttempts = 8

    /// Delay before the next attempt after `attempts` failures: 1, 2, 4… minutes, at most 2 hours.
    static func backoff(attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(attempts - 1, 0))), 7200)
    }

    /// Pending mail whose next attempt is due, oldest first; expires first what is too old to send.
    func due(limit: Int = 50) async throws -> [OutboxEmail] {
        let now = clock.now
        return try await db.writer.write { db in
            try db.execute(sql: """
                UPDATE email_outbox SET status = 'expired', last_error = 'too old to send'
                WHERE status = 'pending' AND notification_id IN (SELECT id FROM notifications WHERE created_at < ?)
                """, arguments: [Timestamp.string(now - Self.maxAge)])
            return try OutboxEmail.fetchAll(db, sql: """
                SELECT o.id AS outbox_id, o.attempts, u.email,
                    COALESCE(u.language, (SELECT value FROM settings WHERE key = 'default_language')) AS language, n.*
                FROM email_outbox o JOIN notifications n ON n.id = o.notification_id JOIN users u ON u.id = n.recipient_id
                WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND u.active = 1
                ORDER BY o.next_attempt_at, o.id LIMIT ?
                """, arguments: [Timestamp.string(now), limit])
        }
    }

    func markSent(id: Int64) async throws {
        let now = clock.now
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE email_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                           arguments: [Timestamp.string(now), id])
        }
    }

    /// Records a failed attempt: retried later with back-off, or given up (`permanent`, or too many attempts).
    func markFailed(id: Int64, attempts: Int, error: String, permanent: Bool) async throws {
        let now = clock.now, tried = attempts + 1
        let giveUp = permanent || tried >= Self.maxAttempts
        try await db.writer.write { db in
            try db.execute(sql: """
                UPDATE email_outbox SET attempts = ?, last_error = ?, status = ?, next_attempt_at = ? WHERE id = ?
                """, arguments: [tried, String(error.prefix(500)), giveUp ? "failed" : "pending",
                                 Timestamp.string(now + Self.backoff(attempts: tried)), id])
        }
    }
}
