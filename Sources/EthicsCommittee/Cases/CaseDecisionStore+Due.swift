import Foundation
import GRDB

extension CaseDecisionStore {
    /// Open conditions due on or before `date`, with their owner (the sweep's).
    static func conditionsDue(_ db: Database, by date: String) throws -> [DueItem] {
        try DueItem.fetchAll(db.cachedStatement(sql: """
            SELECT k.id, k.case_id, k.owner_id AS recipient_id, k.due_on, c.title FROM case_conditions k JOIN cases c ON c.id = k.case_id
            WHERE k.status = 'open' AND k.due_on <= ?
            """), arguments: [date])
    }
}
