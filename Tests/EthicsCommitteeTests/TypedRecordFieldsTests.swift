import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Records that grow with the archive are typed, not picked from a `<select>` (issue 19): the case added to a meeting's
/// agenda and the deliverable a written motion adopts take a number or a title, suggest a bounded list, and refuse
/// nobody or several found next to the field with what was typed kept. So is an AI Act obligation's owner.
@Suite struct TypedRecordFieldsTests {
    @Test func theCaseAddedToAnAgendaIsTypedByNumberOrTitle() async throws {
        let c = try await MeetingFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/meetings/new")
            let planned = try await secretary.postRaw("/meetings", [
                ("title", "December plenary"), ("starts_at", "2026-12-01T10:00"), ("duration", "60"), ("place", "Room 1"),
                ("invitees", "\(c.ada.id)")])
            let meeting = try #require(planned.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let page = try await secretary.get("/meetings/\(meeting)")
            #expect(!page.body.contains("<select id=\"case_id\""))
            #expect(page.body.contains("<datalist id=\"case_id-cases\"><option value=\"\(c.open)\">Chatbot for claims</option>"))
            // A title no ready case bears: refused next to the field, what was typed kept, the page at the form
            let unknown = try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "Chatbot for refunds"])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.body.contains("id=\"case_id-error\">No case ready for a meeting has this number or title."))
            #expect(unknown.body.contains("value=\"Chatbot for refunds\"") && unknown.body.contains("#agenda-case-form\" id=\"agenda-case-form\""))
            // Its title, in other capitals, adds it; its number adds the other
            #expect(try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "chatbot FOR claims"]).status == .seeOther)
            #expect(try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.secret)"]).status == .seeOther)
            #expect(try await c.app.services.agenda.items(meetingId: meeting).compactMap(\.caseId) == [c.open, c.secret])
            // A case on the agenda already, by number: the store's reason, next to the field
            let twice = try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.open)"])
            #expect(twice.status == .unprocessableContent && twice.body.contains("id=\"case_id-error\">"))
            #expect(twice.body.contains("value=\"\(c.open)\""))
        }
    }

    @Test func theDeliverableAWrittenMotionAdoptsIsTypedByNumberOrTitle() async throws {
        let f = try await WrittenProcedureTests.fixture()
        var ids: [Int64] = []
        for index in 1...35 {
            ids.append(try await f.s.deliverables.create(
                DeliverableDraft(kind: .benchmark, title: "Benchmark \(index)", ownerId: f.ada.id, dueOn: "2030-01-31", caseId: nil,
                                 meetingId: nil, body: ""), bodyHTML: "", by: f.by))
        }
        _ = try await f.s.deliverables.create(DeliverableDraft(kind: .benchmark, title: "Benchmark 7", ownerId: f.bob.id, dueOn: "2030-01-31",
                                                               caseId: nil, meetingId: nil, body: ""), bodyHTML: "", by: f.by)
        let first = ids[0]
        try await f.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/written-procedures/new")
            #expect(!page.body.contains("<select id=\"deliverable_id\""))
            let suggested = page.body.components(separatedBy: "<datalist id=\"deliverable_id-records\">")[1].components(separatedBy: "</datalist>")[0]
            #expect(suggested.components(separatedBy: "<option").count - 1 == CaseShowBuilder.suggestions)
            #expect(!suggested.contains(">Benchmark 1<"))
            var fields = ["title": "Adopt the first benchmark", "text": "Adopt it.", "deadline": "2030-06-30T12:00", "deliverable_id": "Benchmark 7"]
            // Two deliverables bear the title: the number is asked for, next to the field, everything kept
            let several = try await secretary.post("/written-procedures", fields)
            #expect(several.status == .unprocessableContent)
            #expect(several.body.contains("id=\"deliverable_id-error\">Several deliverables have this title"))
            #expect(several.body.contains("value=\"Benchmark 7\"") && several.body.contains("value=\"Adopt the first benchmark\""))
            fields["deliverable_id"] = "Nothing of the sort"
            let unknown = try await secretary.post("/written-procedures", fields)
            #expect(unknown.status == .unprocessableContent && unknown.body.contains("id=\"deliverable_id-error\">No deliverable"))
            // The first one, older than every suggestion, by its title
            fields["deliverable_id"] = "benchmark 1"
            let opened = try await secretary.post("/written-procedures", fields)
            #expect(opened.status == .seeOther)
            let procedure = try #require(opened.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            #expect(try await f.s.written.find(id: procedure, objectionAllowed: true)?.0.deliverableId == first)
        }
    }
}
