import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// `case_reviewers.owed` (migration 0037) is kept by triggers; the late-reviews list, the member's reviews due, the case
/// list's "to review" and overdue filters and the due-date sweep read it instead of asking every case in review.
/// It must say exactly what it replaced: not recused, no review written, the case in review.
@Suite struct ReviewsOwedTests {
    /// Reviewer rows (case, person) whose flag differs from the definition it stands for.
    static func disagreements(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT r.case_id, r.user_id, r.owed, (r.recused_at IS NULL AND c.status = 'in_review'
                AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = r.case_id AND v.reviewer_id = r.user_id)) AS defined
            FROM case_reviewers r JOIN cases c ON c.id = r.case_id
            """).filter { ($0["owed"] as Int) != ($0["defined"] as Int) }.map { "case \($0["case_id"] as Int64) user \($0["user_id"] as Int64)" }
    }

    static func owed(_ app: TestApp, _ caseId: Int64, _ userId: Int64) async throws -> Bool {
        try await app.database.writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT owed FROM case_reviewers WHERE case_id = ? AND user_id = ?", arguments: [caseId, userId]) ?? false
        }
    }

    @Test func theFlagFollowsAssignmentReviewRecusalAndTheCaseStatus() async throws {
        let c = try await CaseFlowTests.committee()
        let sec = try #require(try await c.app.services.users.credentials(email: "sec@example.org")?.0)
        let actor = AuditActor(id: sec.id, label: sec.email, client: "")
        let reviews = c.app.services.caseReviews
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Voice bot"))
            // Assigned: the first assignment starts the review, so both reviewers owe one
            try await reviews.assign(caseId: id, userId: c.ada.id, dueOn: "2026-11-01", by: actor)
            try await reviews.assign(caseId: id, userId: c.arendt.id, dueOn: "2026-11-02", by: actor)
            #expect(try await Self.owed(c.app, id, c.ada.id))
            #expect(try await Self.owed(c.app, id, c.arendt.id))
            #expect(try await HomeStore(db: c.app.database).lateReviews(today: "2026-11-26").map(\.detail) == ["Ada Lovelace", "Hannah Arendt"])
            // A written review and a recusal each end what is owed
            try await reviews.review(caseId: id, reviewerId: c.ada.id, recommendation: .favourable, reasoning: "Fine.",
                                     reasoningHTML: "<p>Fine.</p>", by: actor)
            try await reviews.recuse(caseId: id, userId: c.arendt.id, reason: "Adviser", by: actor)
            #expect(try await !Self.owed(c.app, id, c.ada.id))
            #expect(try await !Self.owed(c.app, id, c.arendt.id))
            #expect(try await HomeStore(db: c.app.database).lateReviews(today: "2026-11-26").isEmpty)
            // A reviewer assigned while the case is in review owes one until the case leaves review, and again when it returns
            try await reviews.assign(caseId: id, userId: c.turing.id, dueOn: "2026-11-03", by: actor)
            #expect(try await Self.owed(c.app, id, c.turing.id))
            try await c.app.database.writer.write { db in try db.execute(sql: "UPDATE cases SET status = 'needs_info' WHERE id = ?", arguments: [id]) }
            #expect(try await !Self.owed(c.app, id, c.turing.id))
            try await c.app.database.writer.write { db in try db.execute(sql: "UPDATE cases SET status = 'in_review' WHERE id = ?", arguments: [id]) }
            #expect(try await Self.owed(c.app, id, c.turing.id))
            // A review removed (no page does it; the trigger keeps the flag true to its definition all the same)
            try await c.app.database.writer.write { db in
                try db.execute(sql: "DELETE FROM reviews WHERE case_id = ? AND reviewer_id = ?", arguments: [id, c.ada.id])
            }
            #expect(try await Self.owed(c.app, id, c.ada.id))
            #expect(try await c.app.database.writer.read { db in try Self.disagreements(db) }.isEmpty)
        }
    }

    @Test func theFlagAgreesWithItsDefinitionOnEveryReviewerOfTheDemo() async throws {
        // Given the small demo (assignments, reviews, recusals, decisions, withdrawals written through the stores)
        let (app, _) = try await SQLRuleAgreementTests.demo()
        let counts = try await app.database.writer.read { db in
            try (Int.fetchOne(db, sql: "SELECT count(*) FROM case_reviewers WHERE owed = 1") ?? 0,
                 Int.fetchOne(db, sql: "SELECT count(*) FROM case_reviewers WHERE owed = 0") ?? 0)
        }
        // Then both kinds of reviewer are there, and every flag says what the definition says
        #expect(counts.0 > 0 && counts.1 > 0, "\(counts)")
        #expect(try await app.database.writer.read { db in try Self.disagreements(db) }.isEmpty)
    }
}
