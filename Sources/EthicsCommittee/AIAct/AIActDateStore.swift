import Foundation
import GRDB

/// One row of the obligation dates table as the administrator's page lists it.
public struct AIActDateRow: Sendable, Equatable {
    public var code: String
    public var appliesOn: String
    public var source: String
    public var updatedAt: String
    public var updatedBy: String?
}

/// SQL for the obligation dates table (dates as data: amending acts move them, the administrator follows).
public struct AIActDateStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// Every date, in the order they apply (a handful of rows, seeded by the migration).
    public func rows() async throws -> [AIActDateRow] {
        try await db.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.code, d.applies_on, d.source, d.updated_at, u.name FROM ai_act_obligation_dates d
                LEFT JOIN users u ON u.id = d.updated_by ORDER BY d.applies_on, d.code LIMIT 100
                """).map { AIActDateRow(code: $0["code"], appliesOn: $0["applies_on"], source: $0["source"], updatedAt: $0["updated_at"],
                                        updatedBy: $0["name"]) }
        }
    }

    /// Changes one date and its source, with the former and new values in the audit trail. An unknown code is
    /// not found; the table's CHECK constraints stand behind the form's validation.
    public func update(code: String, appliesOn: String, source: String, by actor: AuditActor) async throws {
        let now = clock.now
        try await db.writer.write { db in
            guard let before = try Row.fetchOne(db, sql: "SELECT applies_on, source FROM ai_act_obligation_dates WHERE code = ?",
                                                arguments: [code]) else { throw Refusal.notFound }
            try db.execute(sql: """
                UPDATE ai_act_obligation_dates SET applies_on = ?, source = ?, updated_at = ?, updated_by = ? WHERE code = ?
                """, arguments: [appliesOn, source, Timestamp.string(now), actor.id, code])
            let former: String = before["applies_on"], formerSource: String = before["source"]
            try AuditStore.append(db, by: actor, action: "aiact.date_updated", targetType: "aiact_date", targetId: code,
                                  detail: "from=\(former) to=\(appliesOn)" + (formerSource == source ? "" : " source_changed"), at: now)
        }
    }
}
