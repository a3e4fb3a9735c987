import Foundation
import GRDB

extension CaseReviewStore {
    /// Reviews not yet written, of reviewers not recused, on cases in review, due on or before `date` (the sweep's).
    /// Reviews owed (not recused, not written, case in review: kept by migration 0037's triggers), from their partial index.
    static func reviewsDue(_ db: Database, by date: String) throws -> [DueItem] {
        try DueItem.fetchAll(db.cachedStatement(sql: """
            SELECT r.case_id AS id, r.case_id, r.user_id AS recipient_id, r.due_on, c.title
            FROM case_reviewers r JOIN cases c ON c.id = r.case_id
            WHERE r.owed = 1 AND r.due_on <= ?
            """), arguments: [date])
    }
}
