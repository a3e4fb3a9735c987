import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// Closings at once (the last ballot, the sweep, another closing) give one result and one decision.
@Suite struct WrittenProcedureRaceTests {
    @Test func closingsAtOnceGiveOneResult() async throws {
        let f = try await WrittenProcedureTests.fixture()
        let procedure = try await WrittenProcedureTests.motionWithCase(f)
        for voter in [f.ada, f.bob, f.carol] {
            try await f.s.written.cast(id: procedure, userId: voter.id, choice: .for, reasoning: "", by: f.actor(voter))
        }
        try await f.s.written.declare(id: procedure, userId: f.turing.id, .noConflict, by: f.actor(f.turing))
        let store = f.s.written, turing = f.actor(f.turing), turingId = f.turing.id
        // When the last ballot, two closings and the sweep arrive at the same moment
        let closings = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await store.cast(id: procedure, userId: turingId, choice: .against, reasoning: "", by: turing)) ?? false }
            for _ in 0..<4 { group.addTask { try await store.close(id: procedure, by: .system("race")) } }
            group.addTask { try await store.closeDue() > 0 }
            var results: [Bool] = []
            for try await closed in group { results.append(closed) }
            return results
        }
        // Then exactly one of them closed it, with one audit entry and one decision
        #expect(closings.filter { $0 }.count == 1)
        #expect(try f.app.auditActions().filter { $0 == "written.closed" }.count == 1)
        #expect(try f.app.auditActions().filter { $0 == "case.decide" || $0 == "case.defer_" }.count == 1)
        let decisions = try await f.app.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM case_decisions") }
        #expect(decisions == 1)
    }
}
