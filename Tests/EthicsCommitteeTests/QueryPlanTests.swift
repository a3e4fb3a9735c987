import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// Query plans and shortcuts the load benchmark relies on (bench/README.md).
@Suite struct QueryPlanTests {
    @Test func theOverdueFlagOfTheCaseListLooksUpConditionsByCase() async throws {
        // Given the case list's overdue condition, when SQLite plans it
        let app = try await TestApp.make()
        let plan: [String] = try await app.database.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT c.id,
                    EXISTS (SELECT 1 FROM case_conditions k WHERE k.case_id = c.id AND k.status = 'open' AND k.due_on < ?)
                FROM cases c ORDER BY c.id DESC LIMIT 25
                """, arguments: ["2026-01-01"]).map { $0["detail"] as String }
        }
        // Then it searches the conditions of each listed case, not every open condition of the committee
        #expect(plan.contains { $0.contains("case_conditions_by_case_status") }, "\(plan)")
        #expect(!plan.contains { $0.contains("case_conditions_open") }, "\(plan)")
    }

    @Test func theAuditCountIsTheNumberOfEntries() async throws {
        let app = try await TestApp.make()
        #expect(try await app.services.audit.count() == 0)
        for index in 0..<7 {
            try await app.database.writer.write { db in
                try AuditStore.append(db, by: .system("test"), action: "test.step", targetId: "\(index)", at: Date())
            }
        }
        // A write that fails after its audit entry rolls back and leaves no gap in the numbering.
        _ = try? await app.database.writer.write { db in
            try AuditStore.append(db, by: .system("test"), action: "test.rolled_back", at: Date())
            throw DatabaseError(resultCode: .SQLITE_ABORT)
        }
        try await app.database.writer.write { db in try AuditStore.append(db, by: .system("test"), action: "test.after", at: Date()) }
        #expect(try await app.services.audit.count() == 8)
        #expect(try await app.services.audit.verify().checked == 8)
    }

    /// The plan of `sql` with `arguments`, one line per step.
    private func plan(_ app: TestApp, _ sql: String, _ arguments: StatementArguments) async throws -> [String] {
        try await app.database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    @Test func anExportBatchStartsFromItsIdAndReadsItsConditionsByCase() async throws {
        // Given a member's export (the access rule in the query), when SQLite plans a batch
        let app = try await TestApp.make()
        let (visible, arguments) = CaseStore.visibility(Requester(userId: 7, role: .member))
        var caseArguments = arguments
        caseArguments += [5_000, ReportStore.exportBatchSize]
        let cases = try await plan(app, ReportStore.exportCasesSQL(visible), caseArguments)
        // Then the cases are read by primary key from the batch's first id, not scanned from the first case
        #expect(cases.first == "SEARCH c USING INTEGER PRIMARY KEY (rowid>?)", "\(cases)")
        #expect(!cases.contains { $0.hasPrefix("SCAN c") || $0.contains("TEMP B-TREE") }, "\(cases)")
        // And the conditions by the case index over the batch's range
        var conditionArguments = arguments
        conditionArguments += [5_001, 5_500]
        let conditions = try await plan(app, ReportStore.exportConditionsSQL(visible), conditionArguments)
        #expect(conditions.first?.hasPrefix("SEARCH k USING INDEX case_conditions_by_case (case_id>? AND case_id<?)") == true, "\(conditions)")
        #expect(!conditions.contains { $0.contains("TEMP B-TREE") }, "\(conditions)")
    }

    @Test func anyPageOfTheWholeAuditTrailIsFoundById() async throws {
        let app = try await TestApp.make()
        let steps = try await plan(app, AuditStore.pageByIdSQL, [100_000, 50])
        #expect(steps == ["SEARCH audit_log USING INTEGER PRIMARY KEY (rowid<?)"], "\(steps)")
    }

    @Test func theLateReviewsAreReadFromTheIndexOfReviewsOwedInDueOrder() async throws {
        // Given the secretary's late-reviews list, when SQLite plans it
        let app = try await TestApp.make()
        let steps = try await plan(app, HomeStore.lateReviewsSQL, ["2026-11-26"])
        // Then it walks the partial index of reviews owed by due date and stops after its lines: no case in review probed,
        // no sort of every late review
        #expect(steps.first == "SEARCH r USING INDEX case_reviewers_owed_by_due (due_on<?)", "\(steps)")
        #expect(!steps.contains { $0.contains("TEMP B-TREE") || $0.contains("cases_by_status") }, "\(steps)")
    }

    @Test func theHomeQueuesReadTheirFirstLinesFromAnIndexInTheirOrder() async throws {
        // Given the home pages' queues, when SQLite plans them
        let app = try await TestApp.make()
        let triage = try await plan(app, HomeStore.awaitingTriageSQL, [])
        let minutes = try await plan(app, HomeStore.minutesAwaitingApprovalSQL, [])
        let (visible, visibleArguments) = DeliverableStore.visibility(Requester(userId: 2, role: .secretary))
        var arguments: StatementArguments = [2]
        arguments += visibleArguments
        let owned = try await plan(app, HomeStore.deliverablesOwnedSQL(visible), arguments)
        // Then the submitted cases and a person's open deliverables come in index order, with no sort of all of them
        #expect(triage == ["SEARCH c USING INDEX cases_by_status_submitted (status=?)"], "\(triage)")
        #expect(owned.first == "SEARCH d USING INDEX deliverables_open_by_owner (owner_id=?)", "\(owned)")
        #expect(!owned.contains { $0.contains("TEMP B-TREE") }, "\(owned)")
        // And the draft minutes from their partial index, not a scan of every meeting's minutes
        #expect(minutes.first == "SCAN n USING INDEX meeting_minutes_drafts", "\(minutes)")
    }

    @Test func theFiguresCountTheRolesOfTheYearsCasesOnly() async throws {
        // Given the figures' count of AI Act roles for the staff, when SQLite plans it
        let app = try await TestApp.make()
        let steps = try await plan(app, ReportStore.aiActRolesSQL("1"), ["2026-01-01", "2027-01-01"])
        // Then it reads the year's cases from their date index, then each one's labels, not every label of every year
        #expect(steps.first == "SEARCH c USING COVERING INDEX cases_by_created (created_at>? AND created_at<?)", "\(steps)")
        #expect(steps.contains("SEARCH l USING PRIMARY KEY (case_id=?)"), "\(steps)")
    }

    @Test func theSystemsPastDueAreReadFromTheirDueIndexes() async throws {
        // Given the secretary's lists of missed attestations and of systems overdue for review, when SQLite plans them
        let app = try await TestApp.make()
        let missed = try await plan(app, SystemStore.missedAttestationsSQL("1"), ["2026-11-26", nil, nil, 20])
        let overdue = try await plan(app, SystemStore.overdueForReviewSQL("1 AND " + SystemStore.overdueCondition), ["2026-11-26", 10])
        // Then the attestations come in due order from their index, with no sort of every system in service
        #expect(missed.first == "SEARCH s USING INDEX systems_attestation_due (status=? AND attestation_due_on<?)", "\(missed)")
        #expect(!missed.contains { $0.contains("TEMP B-TREE") }, "\(missed)")
        // And the reviews overdue are searched by status and date, so only they are sorted
        #expect(overdue.first == "SEARCH s USING INDEX systems_review_due (status=? AND next_review_on<?)", "\(overdue)")
    }

    @Test func searchRanksAtMostTheBoundOfMatchesReadNewestFirstFromTheIndex() async throws {
        // Given the staff's search page (the index alone), when SQLite plans it
        let app = try await TestApp.make()
        let steps = try await plan(app, SearchStore.pageSQL("FROM search_index s WHERE search_index MATCH ?"),
                                   ["chatbot", ListBound.countLimit, 20, 0])
        // Then FTS5 hands the matches over newest first, the bound stops it, and only the bounded set is sorted by rank
        #expect(steps.contains { $0.hasPrefix("SCAN s VIRTUAL TABLE") }, "\(steps)")
        #expect(steps.filter { $0.contains("TEMP B-TREE") }.count == 1, "\(steps)")
    }
}
