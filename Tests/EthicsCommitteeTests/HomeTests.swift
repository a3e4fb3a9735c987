import Foundation
import Testing
@testable import EthicsCommittee

/// Each person's home page shows what is theirs to do, and nothing of what they may not see.
@Suite struct HomeTests {
    @Test func eachRoleSeesItsOwnWork() async throws {
        let c = try await CaseFlowTests.committee()
        let sec = try #require(try await c.app.services.users.credentials(email: "sec@example.org")?.0)
        let actor = AuditActor(id: sec.id, label: sec.email, client: "")
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let assigned = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Voice bot"))
            let waiting = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Email triage"))
            try await c.app.services.caseReviews.assign(caseId: assigned, userId: c.ada.id, dueOn: "2026-11-01", by: actor)

            // The member owes a review, already late
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let adaHome = try await ada.get("/")
            #expect(adaHome.body.contains("Reviews I owe"))
            #expect(adaHome.body.contains("Voice bot"))
            #expect(adaHome.body.contains("Overdue"))
            #expect(!adaHome.body.contains("Email triage"))
            // An expert with nothing assigned sees nothing of the committee's cases
            let arendt = Browser(client)
            try await arendt.signIn("arendt@uni.example")
            let arendtHome = try await arendt.get("/")
            #expect(arendtHome.body.contains("No review waiting for you."))
            #expect(!arendtHome.body.contains("Voice bot") && !arendtHome.body.contains("Email triage"))
            // The secretary sees the queue and the late review
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let secHome = try await secretary.get("/")
            let triage = secHome.body.components(separatedBy: "Cases waiting for triage")[1].components(separatedBy: "</section>")[0]
            #expect(triage.contains("Email triage") && !triage.contains("Voice bot"))
            let late = secHome.body.components(separatedBy: "Late reviews")[1].components(separatedBy: "</section>")[0]
            #expect(late.contains("Voice bot") && late.contains("Ada Lovelace"))
            // The project owner sees their cases in progress
            let ownerHome = try await owner.get("/")
            #expect(ownerHome.body.contains("My cases in progress"))
            #expect(ownerHome.body.contains("Voice bot") && ownerHome.body.contains("Email triage"))
            _ = waiting
        }
    }

    @Test func aDeclarationDueIsShownOnTheHomePage() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        app.clock.advance(400 * 86400)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            #expect(try await browser.get("/").body.contains("Your independence declaration is due"))
        }
    }
}
