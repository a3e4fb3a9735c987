import Foundation
import GRDB

extension SystemStore {
    /// The most rows the register's export holds: far more systems than a company runs.
    static let exportLimit = 10_000

    /// The systems a person may see (the register's visibility rule in SQL), by name, for the CSV export: all of them, one
    /// status, or only those overdue for review today (`overdueCondition`, the figures' and the annual report's rule).
    public func export(for actor: Actor, status: SystemStatus?, overdueOnly: Bool, today: String) async throws -> [SystemListRow] {
        let (visible, visibleArguments) = Self.visibility(actor)
        var conditions = [visible], arguments = visibleArguments
        if let status { conditions.append("s.status = ?"); arguments += [status.rawValue] }
        if overdueOnly { conditions.append(Self.overdueCondition); arguments += [today] }
        arguments += [Self.exportLimit]
        let sql = Self.listColumns + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY s.name, s.id LIMIT ?"
        let bound = arguments
        return try await db.writer.read { db in try SystemListRow.fetchAll(db, sql: sql, arguments: bound) }
    }
}
