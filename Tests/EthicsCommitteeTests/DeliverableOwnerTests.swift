import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// A deliverable linked to a case follows that case, so its owner must be someone who may open the case: otherwise they
/// would own a deliverable they cannot open (404), and its page would link them to a case that answers 404. The owner
/// field refuses them, next to the field, with everything typed kept; the page links the case only for whoever may open it.
@Suite struct DeliverableOwnerTests {
    @Test func anOwnerWhoMayNotOpenTheLinkedCaseIsRefusedAndTheLinkIsShownOnlyToThoseWhoMay() async throws {
        let c = try await MeetingFlowTests.committee()
        let app = c.app
        try await app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/deliverables/new")
            // Turing, an external expert, does not review the confidential case: refused as its deliverable's owner
            var fields = ["kind": "benchmark", "title": "Voice cloning opinion", "owner_id": c.turing.email, "due_on": "2030-01-31",
                          "case_id": "\(c.secret)", "meeting_id": "", "body": "Draft the **opinion**."]
            let refused = try await secretary.post("/deliverables", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"owner_id-error\">This person may not open the linked case"))
            #expect(refused.body.contains("value=\"\(c.turing.email)\"") && refused.body.contains("value=\"Voice cloning opinion\""))
            #expect(refused.body.contains("value=\"\(c.secret)\"") && refused.body.contains("Draft the **opinion**."))
            // Carol reviews it: accepted, and she opens both the deliverable and the case it links
            fields["owner_id"] = c.carol.email
            let created = try await secretary.post("/deliverables", fields)
            #expect(created.status == .seeOther)
            let id = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let carol = Browser(client)
            try await carol.signIn("carol@example.org")
            let page = try await carol.get("/deliverables/\(id)")
            #expect(page.status == .ok && page.body.contains("href=\"/cases/\(c.secret)\""))
            #expect(try await carol.get("/cases/\(c.secret)").status == .ok)
            // Turing, on the open case he reviews, may own one; editing it to the confidential case is refused
            fields["owner_id"] = c.turing.email
            fields["case_id"] = "\(c.open)"
            let his = try await secretary.post("/deliverables", fields)
            #expect(his.status == .seeOther)
            let hisId = try #require(his.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            let hisPage = try await turing.get("/deliverables/\(hisId)")
            #expect(hisPage.status == .ok && hisPage.body.contains("href=\"/cases/\(c.open)\""))
            fields["case_id"] = "\(c.secret)"
            let moved = try await secretary.post("/deliverables/\(hisId)/edit", fields)
            #expect(moved.status == .unprocessableContent)
            #expect(moved.body.contains("id=\"owner_id-error\">This person may not open the linked case"))
        }
    }
}
