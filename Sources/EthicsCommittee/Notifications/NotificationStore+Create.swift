import Foundation
import GRDB

/// The writes `Notifier` makes inside the transaction of the event (another store's write).
extension NotificationStore {
    /// Stores one notification, unless one with the same `dedupeKey` exists (UNIQUE): returns its id when created.
    static func insert(_ db: Database, recipientId: Int64, kind: NotificationKind, record: NotificationRecord, recordId: Int64,
                       params: [String: String], dedupeKey: String?, at: String) throws -> Int64? {
        try db.cachedStatement(sql: """
            INSERT INTO notifications (recipient_id, kind, record_type, record_id, params, dedupe_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
            """).execute(arguments: [recipientId, kind.rawValue, record.rawValue, recordId, NotificationParams.encode(params), dedupeKey, at])
        return db.changesCount == 1 ? db.lastInsertedRowID : nil
    }

    /// Deletes what a person was told about a case (a recusal); their queued mail goes with it (ON DELETE CASCADE).
    static func withdraw(_ db: Database, recipientId: Int64, caseId: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM notifications WHERE record_type = 'case' AND record_id = ? AND recipient_id = ?")
            .execute(arguments: [caseId, recipientId])
    }
}
