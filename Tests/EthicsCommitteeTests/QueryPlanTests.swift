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
}
