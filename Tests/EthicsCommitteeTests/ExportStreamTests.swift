import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The case exports stream in batches (`ReportStore.exportBatches`): an export of more cases than three batches
/// hold is complete, in order, with each case's conditions, and leaves out exactly what the case list leaves out
/// for the same reader (the access rule in SQL).
@Suite struct ExportStreamTests {
    static let count = ExportFixture.count

    /// Case i: a draft when i % 4 == 0, else submitted, in review or closed; confidential when i % 7 == 0, with Ada as
    /// reviewer when i % 14 == 0; Ada recused when i % 11 == 0; two conditions (one met, the open one past due) when i % 3 == 0; a title with
    /// a comma and quotes when i % 10 == 0. Written in one statement: the stores would take minutes for this many.
    static func archive() async throws -> (app: TestApp, secretary: User, ada: User) {
        let (app, secretary, ada, owner) = try await ExportFixture.people()
        try await app.database.writer.write { db in
            let at = ExportFixture.at
            try db.execute(sql: """
                INSERT INTO cases (id, title, team, kind, customer_facing, personal_data, confidential, description, description_html,
                                   status, risk_tier, submitter_id, created_at, updated_at, submitted_at)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                SELECT i, 'Case ' || i || CASE WHEN i % 10 = 0 THEN ', "quoted"' ELSE '' END, 'Team ' || (i % 5), 'tool', 0, 0,
                       i % 7 = 0, 'd', '<p>d</p>',
                       CASE i % 4 WHEN 0 THEN 'draft' WHEN 1 THEN 'submitted' WHEN 2 THEN 'in_review' ELSE 'closed' END,
                       'medium', ?, ?, ?, CASE WHEN i % 4 = 0 THEN NULL ELSE ? END
                FROM n
                """, arguments: [count, owner.id, at, at, at])
            try db.execute(sql: """
                INSERT INTO case_reviewers (case_id, user_id, assigned_by, assigned_at, due_on, recused_at)
                SELECT id, ?, ?, ?, '2026-12-01', CASE WHEN id % 11 = 0 THEN ? END FROM cases WHERE id % 14 = 0 OR id % 11 = 0
                """, arguments: [ada.id, secretary.id, at, at])
            try db.execute(sql: """
                INSERT INTO case_conditions (case_id, text, owner_id, due_on, status, met_at)
                SELECT id, 'Condition A of ' || id, ?, '2026-11-01', 'open', NULL FROM cases WHERE id % 3 = 0
                UNION ALL SELECT id, 'Condition B of ' || id, ?, '2027-03-01', 'met', ? FROM cases WHERE id % 3 = 0
                ORDER BY 1, 2
                """, arguments: [owner.id, owner.id, at])
        }
        return (app, secretary, ada)
    }

    /// Ada's cases by the rule written out in Swift: not drafts, not recused, confidential ones only as their reviewer.
    static func adaSees(_ i: Int) -> Bool {
        i % 4 != 0 && i % 11 != 0 && (i % 7 != 0 || i % 14 == 0)
    }


    @Test func theCSVOfManyCasesIsCompleteAndInOrder() async throws {
        let (app, _, _) = try await Self.archive()
        try await app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let response = try await secretary.get("/cases/export.csv")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(secretary.lastBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = response.body.dropFirst().components(separatedBy: "\r\n")
            #expect(lines[0].hasPrefix("Number,Title,Submitting team,Status,"))
            #expect(lines.count == Self.count + 2 && lines.last == "")  // header, every case, the final line end
            #expect(ExportFixture.csvIds(response.body) == (1...Int64(Self.count)).map { $0 })
            // A case on each side of a batch's edge, with its conditions counted (total, met, open, overdue)
            #expect(lines.contains { $0.hasPrefix("500,\"Case 500, \"\"quoted\"\"\",Team 0,Draft,") })
            #expect(lines.contains { $0.hasPrefix("501,Case 501,Team 1,Submitted,") && $0.hasSuffix(",2,1,1,1,,") })
            #expect(lines.contains { $0.hasPrefix("1001,Case 1001,Team 1,Submitted,Medium,yes,") && $0.hasSuffix(",0,0,0,0,,") })
            // The list's filters apply across batches
            let closed = try await secretary.get("/cases/export.csv?status=closed")
            #expect(ExportFixture.csvIds(closed.body) == (1...Int64(Self.count)).filter { $0 % 4 == 3 })
        }
    }

    @Test func theJSONOfManyCasesIsCompleteWithItsConditions() async throws {
        let (app, _, _) = try await Self.archive()
        try await app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let response = try await secretary.get("/cases/export.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(secretary.lastBytes)) as? [String: Any])
            #expect(Set(document.keys) == ["generated_at", "cases"])
            #expect((document["generated_at"] as? String).map(Timestamp.date) != nil)
            let cases = try #require(document["cases"] as? [[String: Any]])
            #expect(cases.compactMap { ($0["id"] as? NSNumber)?.int64Value } == (1...Int64(Self.count)).map { $0 })
            let quoted = try #require(cases.first { ($0["id"] as? NSNumber)?.int64Value == 1_230 })
            #expect(quoted["title"] as? String == "Case 1230, \"quoted\"" && quoted["confidential"] as? Bool == false)
            let conditions = try #require(quoted["conditions"] as? [[String: Any]])
            #expect(conditions.map { $0["text"] as? String } == ["Condition A of 1230", "Condition B of 1230"])
            #expect(conditions.map { $0["overdue"] as? Bool } == [true, false])
            #expect(cases.filter { ($0["conditions"] as? [Any])?.isEmpty == false }.count == Self.count / 3)
        }
    }

    @Test func aMembersExportsLeaveOutWhatTheirCaseListLeavesOut() async throws {
        let (app, _, ada) = try await Self.archive()
        let expected = (1...Int64(Self.count)).filter { Self.adaSees(Int($0)) }
        let (listed, total) = try await app.services.cases.list(for: Requester(userId: ada.id, role: .member), filter: CaseFilter(),
                                                                today: "2026-12-18", offset: 0, limit: 10_000)
        #expect(Array(listed.map(\.id).reversed()) == expected && total == expected.count)
        try await app.test { client in
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            #expect(ExportFixture.csvIds(try await member.get("/cases/export.csv").body) == expected)
            try await member.get("/cases/export.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(member.lastBytes)) as? [String: Any])
            let cases = try #require(document["cases"] as? [[String: Any]])
            #expect(cases.compactMap { ($0["id"] as? NSNumber)?.int64Value } == expected)
            // Filtered and access-ruled at once
            let inReview = try await member.get("/cases/export.csv?status=in_review")
            #expect(ExportFixture.csvIds(inReview.body) == expected.filter { $0 % 4 == 2 })
        }
    }

    @Test func anEmptyExportIsStillADocument() async throws {
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        try await app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/export.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(secretary.lastBytes)) as? [String: Any])
            #expect((document["cases"] as? [Any])?.isEmpty == true)
            let csv = try await secretary.get("/cases/export.csv")
            #expect(csv.body.components(separatedBy: "\r\n").count == 2)
        }
    }
}
