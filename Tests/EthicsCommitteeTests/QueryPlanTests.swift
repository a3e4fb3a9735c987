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
        let (visible, arguments) = CaseStore.visibility(Actor(userId: 7, role: .member))
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
}
