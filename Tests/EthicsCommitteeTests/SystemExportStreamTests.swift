import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The register's CSV streams in keyset batches like the case and incident exports (`SystemStore.exportBatches`): more
/// systems than three batches hold come out complete, in number order, and exactly those the register's page lists for
/// the same reader and `Policy` allows (the access rule in SQL), with the status and overdue filters across batches.
@Suite struct SystemExportStreamTests {
    static let count = ExportFixture.count

    /// System i: linked to its own decided case when i % 3 == 0, that case confidential when i % 7 == 0 too; overdue for
    /// review when i % 5 == 0; suspended when i % 4 == 0; a name with a comma and quotes when i % 10 == 0.
    static func register() async throws -> (app: TestApp, secretary: User, ada: User) {
        let (app, secretary, ada, owner) = try await ExportFixture.people()
        try await app.database.writer.write { db in
            let at = ExportFixture.at
            try db.execute(sql: """
                INSERT INTO cases (id, title, team, kind, customer_facing, personal_data, confidential, description, description_html,
                                   status, risk_tier, submitter_id, created_at, updated_at, submitted_at)
                WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 3 FROM n WHERE i + 3 <= ?)
                SELECT i, 'Case ' || i, 'Team', 'tool', 0, 0, i % 7 = 0, 'd', '<p>d</p>', 'decided', 'medium', ?, ?, ?, ? FROM n
                """, arguments: [count, owner.id, at, at, at])
            try db.execute(sql: """
                INSERT INTO systems (id, name, owner_id, risk_tier, status, next_review_on, created_by, created_at, updated_at)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                SELECT i, 'System ' || i || CASE WHEN i % 10 = 0 THEN ', "quoted"' ELSE '' END, ?, 'medium',
                       CASE WHEN i % 4 = 0 THEN 'suspended' ELSE 'in_service' END,
                       CASE WHEN i % 5 = 0 THEN '2026-01-01' ELSE '2030-01-01' END, ?, ?, ? FROM n
                """, arguments: [count, owner.id, secretary.id, at, at])
            try db.execute(sql: "INSERT INTO system_cases (system_id, case_id, kind, linked_at) SELECT id, id, 'approval', ? FROM cases",
                           arguments: [at])
            try db.execute(sql: """
                INSERT INTO case_decisions (case_id, outcome, opinion, opinion_html, procedure, decided_by, decided_at)
                SELECT id, 'favourable', 'Fine.', '<p>Fine.</p>', 'written', ?, ? FROM cases
                """, arguments: [secretary.id, at])
        }
        return (app, secretary, ada)
    }


    @Test func theCSVOfManySystemsIsCompleteInOrderAndAgreesWithThePageAndThePolicy() async throws {
        let (app, _, ada) = try await Self.register()
        let store = app.services.systems
        let everything = try await store.allFacts()
        try await app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let response = try await secretary.get("/systems/export.csv")
            #expect(response.status == .ok && response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(secretary.lastBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = response.body.dropFirst().components(separatedBy: "\r\n")
            #expect(lines.count == Self.count + 2 && lines.last == "")  // header, every system, the final line end
            #expect(ExportFixture.csvIds(response.body) == (1...Int64(Self.count)).map { $0 })
            #expect(lines.contains { $0.hasPrefix("500,\"System 500, \"\"quoted\"\"\",") })
            #expect(lines.contains { $0.hasPrefix("501,System 501,") && $0.hasSuffix(",no") })  // reviewed: its case was decided
            #expect(lines.contains { $0.hasPrefix("1001,System 1001,") && $0.hasSuffix(",yes") })  // no case: never reviewed
            // The filters apply across batches
            let overdue = try await secretary.get("/systems/export.csv?overdue=1")
            #expect(ExportFixture.csvIds(overdue.body) == (1...Int64(Self.count)).filter { $0 % 5 == 0 })
            let suspended = try await secretary.get("/systems/export.csv?status=suspended")
            #expect(ExportFixture.csvIds(suspended.body) == (1...Int64(Self.count)).filter { $0 % 4 == 0 })

            // A member: what Policy allows, what the register's pages list, what the CSV holds: the same systems
            let actor = Requester(userId: ada.id, role: .member)
            let allowed = everything.filter { Policy.decide(actor, .viewSystem($0.1)) == .allow }.map(\.0).sorted()
            #expect(allowed.count == Self.count - (1...Self.count).filter { $0 % 21 == 0 }.count)
            var listed: [Int64] = []
            var page = 1
            while true {
                let (shown, counts) = try await store.list(for: actor, status: nil, page: page, size: 500)
                #expect(counts.total == allowed.count)
                listed += shown.rows.map(\.id)
                guard shown.hasNext else { break }
                page += 1
            }
            #expect(listed.sorted() == allowed)
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            #expect(ExportFixture.csvIds(try await member.get("/systems/export.csv").body) == allowed)
            let overdueAllowed = allowed.filter { $0 % 5 == 0 }
            #expect(ExportFixture.csvIds(try await member.get("/systems/export.csv?overdue=1").body) == overdueAllowed)
            #expect(try await store.overdueForReview(for: actor, today: "2026-11-18", limit: 5000).count == overdueAllowed.count)
            #expect(try await member.get("/systems").body.contains(">System 1</a>"), "the register's first page lists it")
        }
    }
}

extension SystemStore {
    /// Every batch of the export, gathered (tests compare the whole export with the policy).
    func exportAll(for actor: Requester, status: SystemStatus?, overdueOnly: Bool, today: String) async throws -> [SystemListRow] {
        var rows: [SystemListRow] = []
        for try await batch in exportBatches(for: actor, status: status, overdueOnly: overdueOnly, today: today) { rows += batch }
        return rows
    }
}
