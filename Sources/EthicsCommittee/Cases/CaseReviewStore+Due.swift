import Foundation
import GRDB

extension CaseReviewStore {
    /// Reviews owed (not written, reviewer not recused, case in review: kept by migration 0037's triggers) due on or
    /// before `date` (the sweep's), read from their partial index.
    static func reviewsDue(_ db: Database, by date: String) throws -> [DueItem] {
        try DueItem.fetchAll(db.cachedStatement(sql: """
            SELECT r.case_id AS id, r.case_id, r.user_id AS recipient_id, r.due_on, c.title
            FROM case_reviewers r JOIN cases c ON c.id = r.case_id
            WHERE r.owed = 1 AND r.due_on <= ?
            """), arguments: [date])
    }
}
