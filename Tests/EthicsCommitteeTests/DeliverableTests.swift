import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Deliverables: creation with validation, the lifecycle to delivered (then frozen, also in the
/// database), overdue ones standing out, access, the opinion a decision creates, and the audit trail.
@Suite struct DeliverableTests {
    @Test func lifecycleFromPlannedToFrozen() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary, name: "Sam Secretary")
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        try await app.user("owner@example.org", role: .submitter)
        try await app.user("turing@uni.example", role: .expert, name: "Alan Turing")
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            try await browser.get("/deliverables/new")
            // Given an invalid form: the values are kept and the problems named
            let invalid = try await browser.post("/deliverables", ["kind": "benchmark", "title": "", "owner_id": "\(ada.id)", "due_on": "tomorrow"])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.body.contains("Give a due date."))
            #expect(invalid.body.contains("This field is required") || invalid.body.contains("class=\"error\""))
            // When it is valid, it is created planned and, being past due, stands out as overdue
            let created = try await browser.post("/deliverables", ["kind": "benchmark", "title": "Benchmark of chatbot vendors",
                                                                   "owner_id": "\(ada.id)", "due_on": "2026-01-31", "body": "Compare **five** vendors."])
            #expect(created.status == .seeOther)
            let id = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let shown = try await browser.get("/deliverables/\(id)")
            #expect(shown.body.contains("<strong>five</strong>"))
            #expect(shown.body.contains("Overdue"))
            let list = try await browser.get("/deliverables?status=planned&owner=\(ada.id)")
            #expect(list.body.contains("Benchmark of chatbot vendors"))
            #expect(list.body.contains("class=\"overdue\""))
            #expect(!(try await browser.get("/deliverables?status=delivered")).body.contains("Benchmark of chatbot vendors"))

            // It moves to in progress, then delivered; a delivered deliverable is frozen
            #expect(try await browser.post("/deliverables/\(id)/status", ["status": "in_progress"]).status == .seeOther)
            #expect(try await browser.post("/deliverables/\(id)/status", ["status": "planned"]).status == .unprocessableContent)
            #expect(try await browser.post("/deliverables/\(id)/status", ["status": "delivered", "confirm": "1"]).status == .seeOther)
            let delivered = try await browser.get("/deliverables/\(id)")
            #expect(delivered.body.contains("frozen"))
            #expect(!delivered.body.contains("Overdue"))
            #expect(try await browser.post("/deliverables/\(id)/status", ["status": "cancelled"]).status == .unprocessableContent)
            let edit = try await browser.post("/deliverables/\(id)/edit", ["kind": "benchmark", "title": "Changed", "owner_id": "\(ada.id)", "due_on": "2027-01-31"])
            #expect(edit.status == .unprocessableContent)
            #expect(try await app.services.deliverables.find(id: id)?.0.title == "Benchmark of chatbot vendors")
            #expect(throws: DatabaseError.self) {
                try app.database.writer.write { db in try db.execute(sql: "UPDATE deliverables SET title = 'x' WHERE id = ?", arguments: [id]) }
            }
            #expect(throws: DatabaseError.self) {
                try app.database.writer.write { db in try db.execute(sql: "DELETE FROM deliverables WHERE id = ?", arguments: [id]) }
            }

            // Project owners never see deliverables; an expert only their own; a member sees it
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            #expect(try await owner.get("/deliverables").status == .notFound)
            #expect(try await owner.get("/deliverables/\(id)").status == .notFound)
            let expert = Browser(client)
            try await expert.signIn("turing@uni.example")
            #expect(try await expert.get("/deliverables/\(id)").status == .notFound)
            #expect(!(try await expert.get("/deliverables")).body.contains("Benchmark of chatbot vendors"))
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            #expect(try await member.get("/deliverables/\(id)").status == .ok)
            #expect(try await member.post("/deliverables/\(id)/status", ["status": "cancelled"]).status == .notFound)
        }
        _ = secretary
        let actions = try app.auditActions()
        for action in ["deliverable.created", "deliverable.in_progress", "deliverable.delivered"] { #expect(actions.contains(action)) }
    }

    @Test func aWrittenDecisionCreatesTheOpinion() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let draft = CaseDraft(title: "Low-risk FAQ bot", team: "Care", vendor: "", kind: .tool, customerFacing: false, personalData: false,
                              confidential: true, description: "d", answers: [:], notes: [:])
        let id = try await app.services.cases.create(draft, descriptionHTML: "", submitterId: owner.id, by: .system())
        try await app.services.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        try await app.services.cases.move(id: id, from: .submitted, to: .inReview, transition: .startReview, by: .system())
        let actor = AuditActor(id: secretary.id, label: "sec", client: "")
        try await app.services.caseDecisions.decide(caseId: id, outcome: .favourable, opinion: "Fine.", opinionHTML: "<p>Fine.</p>",
                                                    charterVersion: nil, articles: "", procedure: "written", meetingOn: nil,
                                                    conditions: [], by: actor)
        let opinions = try await app.services.deliverables.all()
        #expect(opinions.count == 1)
        let (opinion, facts) = try #require(opinions.first)
        #expect(opinion.kind == .opinion && opinion.status == .delivered && opinion.caseId == id && opinion.title == "Low-risk FAQ bot")
        // It follows the case's confidentiality: a member who may not see the case does not see its opinion
        #expect(Policy.decide(Requester(userId: 99, role: .member), .viewDeliverable(facts)) == .notFound)
        #expect(Policy.decide(Requester(userId: secretary.id, role: .secretary), .viewDeliverable(facts)) == .allow)
    }

    @Test func theListIsPagedInSQLAndAPageNumberPastTheEndShowsTheLast() async throws {
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        let size = DeliverableController.pageSize
        for i in 0..<(size + 3) {
            let day = String(format: "2027-01-%02d", i % 28 + 1)
            _ = try await app.services.deliverables.create(
                DeliverableDraft(kind: .benchmark, title: "Deliverable \(i)", ownerId: ada.id, dueOn: day, caseId: nil, meetingId: nil, body: ""),
                bodyHTML: "", by: .system())
        }
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            func titles(_ body: String) -> Int { body.components(separatedBy: "\">Deliverable ").count - 1 }
            let first = try await browser.get("/deliverables")
            #expect(titles(first.body) == size)
            #expect(first.body.contains("\(size + 3) deliverables"))
            #expect(first.body.contains("1 / 2"))
            #expect(first.body.contains("href=\"/deliverables?page=2\""))
            let second = try await browser.get("/deliverables?page=2")
            #expect(titles(second.body) == 3)
            // Past the end, or unreadable: the last page, or the first; never an empty page, never a 500
            #expect(titles(try await browser.get("/deliverables?page=99").body) == 3)
            #expect(titles(try await browser.get("/deliverables?page=-4").body) == size)
            // A filter keeps its value in the pager's links
            let filtered = try await browser.get("/deliverables?owner=\(ada.id)")
            #expect(filtered.body.contains("href=\"/deliverables?owner=\(ada.id)&amp;page=2\""))
            // The owner filter is a field: an e-mail (any case) filters, kept in the field and the pager's links
            let byEmail = try await browser.get("/deliverables?owner=\(ada.email.uppercased())")
            #expect(byEmail.body.contains("\(size + 3) deliverables") && byEmail.body.contains("value=\"\(ada.email.uppercased())\""))
            #expect(byEmail.body.contains("owner=\(ada.email.uppercased())&amp;page=2"))
            // Someone unknown: the message next to the field, nothing listed
            let unknown = try await browser.get("/deliverables?owner=nobody%40example.org")
            #expect(unknown.status == .ok && unknown.body.contains("id=\"owner-error\">Nobody who may be chosen here"))
            #expect(titles(unknown.body) == 0 && unknown.body.contains("value=\"nobody@example.org\""))
        }
    }
}
