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

/// The outbox's rules: how long mail may wait, how often it is tried, how long between tries
/// (`EmailOutboxStore` keeps the rows).
enum EmailOutbox {
    /// Mail not sent within this time is dropped rather than sent late (e.g. when SMTP is configured
    /// long after the notifications were made): the in-app list still has it.
    static let maxAge: TimeInterval = 2 * 86400
    /// After this many failed attempts a mail is given up.
    static let maxAttempts = 8

    /// Delay before the next attempt after `attempts` failures: 1, 2, 4… minutes, at most 2 hours.
    static func backoff(attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(attempts - 1, 0))), 7200)
    }
}
