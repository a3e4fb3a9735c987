import Foundation
import GRDB

extension SystemStore {
    /// The systems a person may see (the register's visibility rule in SQL, as its page), for the CSV export, in number
    /// order, in keyset batches read one at a time as the download is written (`KeysetBatches`, as the case and incident
    /// exports): all of them, one status, or only those overdue for review today (`overdueCondition`, the figures' and
    /// the annual report's rule). No bound: the whole register, however large, in one batch's memory.
    func exportBatches(for actor: Requester, status: SystemStatus?, overdueOnly: Bool, today: String, size: Int = 500) -> KeysetBatches<SystemListRow> {
        let (visible, visibleArguments) = Self.visibility(actor)
        var conditions = [visible], arguments = visibleArguments
        if let status { conditions.append("s.status = ?"); arguments += [status.rawValue] }
        if overdueOnly { conditions.append(Self.overdueCondition); arguments += [today] }
        let sql = Self.listColumns + " WHERE " + conditions.joined(separator: " AND ") + " AND s.id > ? ORDER BY s.id LIMIT ?"
        let filterArguments = arguments
        let db = self.db
        return KeysetBatches(start: 0, read: { after in
            var batchArguments = filterArguments
            batchArguments += [after, size]
            let bound = batchArguments
            return try await db.writer.read { db in try SystemListRow.fetchAll(db.cachedStatement(sql: sql), arguments: bound) }
        }, key: { $0.id })
    }
}
