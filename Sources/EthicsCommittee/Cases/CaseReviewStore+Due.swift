import Foundation
import GRDB

extension CaseReviewStore {
    /// Reviews not yet written, of reviewers not recused, on cases in review, due on or before `date` (the sweep's).
    static func reviewsDue(_ db: Database, by date: String) throws -> [DueItem] {
        try DueItem.fetchAll(db.cachedStatement(sql: """
            SELECT r.case_id AS id, r.case_id, r.user_id AS recipient_id, r.due_on, c.title
            FROM case_reviewers r JOIN cases c ON c.id = r.case_id
            WHERE c.status = 'in_review' AND r.recused_at IS NULL AND r.due_on <= ?
                AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = r.case_id AND v.reviewer_id = r.user_id)
            """), arguments: [date])
    }
}
