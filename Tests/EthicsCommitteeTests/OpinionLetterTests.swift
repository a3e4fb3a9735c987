import Foundation
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The opinion letter: the decision, its reasons, conditions with due dates, the charter version in force, the
/// chair's name; for whoever may open the decided case, 404 for anyone else and before the decision.
@Suite struct OpinionLetterTests {
    @Test func theOwnerPrintsTheLetterOfTheirDecidedCase() async throws {
        let c = try await CaseFlowTests.committee()
        let app = c.app
        // Given a published charter, a chair, and a low-risk case decided with two conditions
        let admin = try await app.user("admin@example.org", role: .admin)
        let publisher = AuditActor(id: admin.id, label: admin.email, client: "test")
        let document = try #require(try await app.services.charter.document(kind: "charter"))
        let revision = try await app.services.charter.saveDraft(documentId: document.id, markdown: "# Charter\n\nArt. 1.", basedOn: 0, by: publisher)
        _ = try await app.services.charter.publish(documentId: document.id, changeNote: "First", change: .substantive, basedOn: revision, by: publisher)
        try await app.services.members.saveSeat(userId: c.ada.id, external: false, position: .chair, voting: true, termStart: nil, termEnd: nil, by: .system("test"))
        try await app.user("other@example.org", role: .submitter)
        try await app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Invoice triage assistant", customerFacing: false,
                                                                                   personalData: false, overrides: [:]))
            // Before the decision there is no letter
            #expect(try await owner.get("/cases/\(id)/opinion-letter").status == .notFound)
            let arendt = Browser(client)
            try await arendt.signIn("arendt@uni.example")
            try await arendt.get("/documents/charter")
            try await arendt.post("/documents/charter/acknowledge", ["number": "1"])
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.arendt.id)", "due_on": "2030-12-31"])
            try await arendt.get("/cases/\(id)")
            try await arendt.post("/cases/\(id)/review", ["recommendation": "conditions", "reasoning": "Fine with a log."])
            try await secretary.get("/cases/\(id)")
            let decided = try await secretary.post("/cases/\(id)/written-procedure", [
                "text": "By written procedure.", "deadline": "2030-06-30T12:00",
                "outcome": "conditions", "opinion": "The assistant may be deployed.\n\nIts answers must be logged.", "articles": "Art. 4, Art. 7",
                "condition_text_1": "Keep a log of every answer", "condition_owner_1": "\(c.owner.id)", "condition_due_1": "2027-03-31",
                "condition_text_2": "Train the agents", "condition_owner_2": "\(c.owner.id)", "condition_due_2": "2027-06-30",
            ])
            #expect(decided.status == .seeOther)
            try await WrittenProcedureTests.allVoteFor(c.app, caseId: id)

            // When the owner opens the case, the letter is offered, and prints
            #expect(try await owner.get("/cases/\(id)").body.contains("/cases/\(id)/opinion-letter"))
            let letter = try await owner.get("/cases/\(id)/opinion-letter")
            #expect(letter.status == .ok)
            for text in ["Opinion of the committee", "Invoice triage assistant (case no. \(id))", "Favourable with conditions",
                         "<p>The assistant may be deployed.</p>", "<p>Its answers must be logged.</p>", "Art. 4, Art. 7",
                         "Keep a log of every answer", "31 March 2027", "Train the agents", "30 June 2027", "Olivia Owner",
                         "by written procedure", "version 1 of", "Ada Lovelace", "Chair of the committee", "letter-print.css"] {
                #expect(letter.body.contains(text), Comment(rawValue: text))
            }
            // Nothing internal: the review's reasoning stays out
            #expect(!letter.body.contains("Fine with a log."))

            // And another project owner gets 404
            let other = Browser(client)
            try await other.signIn("other@example.org")
            #expect(try await other.get("/cases/\(id)/opinion-letter").status == .notFound)
        }
    }
}
