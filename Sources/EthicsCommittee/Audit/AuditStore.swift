import Foundation
import GRDB

/// The append-only trail. `append` is called by other stores inside their own write transaction,
/// so a change and its audit entry commit together or not at all.
public struct AuditStore: Sendable {
    let db: AppDatabase
    public init(db: AppDatabase) { self.db = db }

    /// Appends one entry chained to the last one; call inside a write transaction.
    static func append(_ database: Database, by actor: AuditActor, action: String, targetType: String = "",
                       targetId: String = "", detail: String = "", at date: Date) throws {
        let prev = try String.fetchOne(database, sql: "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1") ?? "genesis"
        let at = Timestamp.string(date)
        let hash = AuditEntry.chainHash(prev: prev, at: at, actorId: actor.id, actor: actor.label, action: action,
                                        targetType: targetType, targetId: targetId, detail: detail, client: actor.client)
        try database.execute(
            sql: """
                INSERT INTO audit_log (at, actor_id, actor, action, target_type, target_id, detail, client, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [at, actor.id, actor.label, action, targetType, targetId, detail, actor.client, prev, hash])
    }

    /// One page of entries, newest first.
    public func page(offset: Int, limit: Int) async throws -> [AuditEntry] {
        try await db.writer.read { db in
            try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?",
                                    arguments: [limit, offset])
        }
    }

    /// Number of entries: the last id. The trail is append-only (triggers refuse DELETE) and `append` lets
    /// SQLite number entries max(id) + 1, so ids run 1…n; reading the last one is a primary-key lookup where
    /// count(*) scanned every entry (a few ms per audit page at 200,000 entries, bench/README.md).
    public func count() async throws -> Int {
        try await db.writer.read { db in try Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log") ?? 0 }
    }

    /// Walks the chain in order; returns the id of the first entry whose links or hash do not hold.
    public func verify() async throws -> AuditVerification {
        try await db.writer.read { db in
            var prev = "genesis"
            var checked = 0
            let cursor = try AuditEntry.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
            while let entry = try cursor.next() {
                let expected = AuditEntry.chainHash(
                    prev: prev, at: entry.at, actorId: entry.actorId, actor: entry.actor, action: entry.action,
                    targetType: entry.targetType, targetId: entry.targetId, detail: entry.detail, client: entry.client)
                guard entry.prevHash == prev, entry.hash == expected else {
                    return AuditVerification(checked: checked, firstBrokenId: entry.id)
                }
                prev = entry.hash
                checked += 1
            }
            return AuditVerification(checked: checked, firstBrokenId: nil)
        }
    }
}

public struct AuditVerification: Sendable, Equatable {
    public let checked: Int
    public let firstBrokenId: Int64?
    public var holds: Bool { firstBrokenId == nil }
}
