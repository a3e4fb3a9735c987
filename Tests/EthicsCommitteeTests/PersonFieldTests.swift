import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// A long list of people is a searchable field (issue 19): the reviewer field suggests a bounded list, accepts any
/// candidate by e-mail or name, and refuses anyone else next to the field with what was typed kept.
@Suite struct PersonFieldTests {
    /// The `<option>`s of the reviewer field's suggestions.
    static func suggestions(_ html: String) -> [String] {
        guard let start = html.range(of: "<datalist id=\"reviewer_id-people\">"),
              let end = html[start.upperBound...].range(of: "</datalist>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<option value=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theSuggestionsAreBoundedAndAnyCandidateMayBeTyped() async throws {
        let c = try await CaseFlowTests.committee()
        var created: [User] = []
        for index in 1...40 {
            created.append(try await c.app.user("m\(index)@example.org", role: .member, name: String(format: "Zed Member %02d", index)))
        }
        let members = created
        try await c.app.test { client in
            let (id, secretary) = try await FormsKeepValuesTests.caseInReview(c, client)
            let page = try await secretary.get("/cases/\(id)")
            let offered = Self.suggestions(page.body)
            // The page suggests the first candidates by name, not all 42
            #expect(offered.count == CaseShowBuilder.suggestions)
            #expect(offered.contains(c.arendt.email) && !offered.contains(members[39].email))
            // The last member, not suggested, is assigned by typing their e-mail (any case)
            let typed = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": members[39].email.uppercased(), "due_on": "2030-12-31"])
            #expect(typed.status == .seeOther)
            // And another by their name
            let named = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "zed member 07", "due_on": "2030-12-31"])
            #expect(named.status == .seeOther)
            let reviewers = try await c.app.services.caseReviews.reviewers(caseId: id).map(\.userId)
            #expect(reviewers.contains(members[39].id) && reviewers.contains(members[6].id))
            // Someone already assigned is no longer suggested
            #expect(!Self.suggestions(try await secretary.get("/cases/\(id)").body).contains(c.ada.email))
        }
    }

    @Test func anUnknownPersonIsRefusedNextToTheFieldWithWhatWasTyped() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let (id, secretary) = try await FormsKeepValuesTests.caseInReview(c, client)
            for typed in ["nobody@example.org", c.owner.email, c.ada.email] {  // unknown, a project owner, already assigned
                let refused = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": typed, "due_on": "2030-12-31"])
                #expect(refused.status == .unprocessableContent, "\(typed)")
                #expect(refused.body.contains("value=\"\(typed)\""))
                #expect(refused.body.contains("id=\"reviewer_id-error\">No candidate reviewer has this name or e-mail address."))
                #expect(refused.body.contains("value=\"2030-12-31\""))
                #expect(refused.body.contains("#assign-form\" id=\"assign-form\""))
            }
            let empty = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "", "due_on": "2030-12-31"])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("id=\"reviewer_id-error\">Choose a reviewer"))
        }
    }

    @Test func aCaseFiledOnBehalfNamesTheProjectOwnerByEmailAndRefusesAnyoneElse() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/cases/new")
            #expect(page.body.contains("<datalist id=\"submitter_id-people\"><option value=\"\(c.owner.email)\">Olivia Owner</option>"))
            // A member is not a project owner: refused next to the field, every value kept
            var fields = CaseFlowTests.form(title: "Filed for Olivia")
            fields["submitter_id"] = c.ada.email
            let refused = try await secretary.post("/cases", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"submitter_id-error\">Nobody who may be chosen here"))
            #expect(refused.body.contains("value=\"\(c.ada.email)\"") && refused.body.contains("value=\"Filed for Olivia\""))
            // The project owner's e-mail files it as hers
            fields["submitter_id"] = c.owner.email.uppercased()
            let created = try await secretary.post("/cases", fields)
            #expect(created.status == .seeOther)
            let id = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            #expect(try await c.app.services.cases.find(id: id)?.0.submitterId == c.owner.id)
        }
    }
}
