import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// A written procedure copies its proposal's conditions into the case when it closes, days after they were typed. Each
/// owner is asked the same `Policy` question as on every decision form (`Policy.mayOwnCondition`) at that moment: one
/// who may no longer own a condition of the case hands it to the project owner, and the secretary who opened the vote
/// is told.
@Suite struct WrittenConditionOwnersTests {
    @Test func aConditionWhoseOwnerMayNoLongerOwnItGoesToTheProjectOwnerAndTheSecretaryIsTold() async throws {
        let f = try await WrittenProcedureTests.fixture()
        let store = f.s.written
        let id = try await store.open(WrittenProposal(
            kind: .case, caseId: f.low, deliverableId: nil, title: "", text: "Vote.", textHTML: "<p>Vote.</p>", outcome: .conditions,
            opinion: "Fine with conditions.", opinionHTML: "<p>Fine with conditions.</p>", charterVersion: nil, articles: "",
            conditions: [NewCondition(text: "Log every routing", ownerId: f.carol.id, dueOn: "2031-01-31"),
                         NewCondition(text: "Train the agents", ownerId: f.bob.id, dueOn: "2031-02-28")],
            deadline: "2030-06-30T12:00:00.000Z"), by: f.by)
        let voters = try #require(try await store.find(id: id, objectionAllowed: true)).1
        #expect(voters.contains { $0.userId == f.carol.id })
        // Everyone but Bob votes for; then Carol leaves the committee (her account deactivated); Bob's ballot closes it
        for voter in voters where voter.userId != f.bob.id {
            let actor = AuditActor(id: voter.userId, label: voter.name, client: "")
            if voter.mustDeclare { try await store.declare(id: id, userId: voter.userId, .noConflict, by: actor) }
            try await store.cast(id: id, userId: voter.userId, choice: .for, reasoning: "", by: actor)
        }
        try await f.s.users.deactivate(id: f.carol.id, by: f.by)
        try await store.cast(id: id, userId: f.bob.id, choice: .for, reasoning: "", by: f.actor(f.bob))

        let conditions = try await f.s.caseDecisions.conditions(caseId: f.low)
        #expect(conditions.map(\.text) == ["Log every routing", "Train the agents"])
        #expect(conditions.map(\.ownerId) == [f.owner.id, f.bob.id])
        #expect(try f.app.auditActions().contains("condition.reassigned"))
        let told = try await f.app.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM notifications WHERE kind = 'condition_reassigned' AND recipient_id = ?",
                             arguments: [f.secretary.id]) ?? 0
        }
        #expect(told == 1)
        try await f.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/notifications")
            #expect(page.body.contains("A condition of the written decision on “Claims triage” went to the project owner"))
        }
    }
}
