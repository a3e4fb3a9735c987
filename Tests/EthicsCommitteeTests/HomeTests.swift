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

    /// The part of a page under a section heading.
    static func section(_ html: String, _ heading: String) -> String? {
        let parts = html.components(separatedBy: "<h2>\(heading)</h2>")
        return parts.count > 1 ? parts[1].components(separatedBy: "</section>")[0] : nil
    }

    @Test func meetingsMinutesAndDeliverablesReachThoseConcerned() async throws {
        let c = try await MeetingFlowTests.committee()
        let services = c.app.services
        let sec = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        func plan(_ title: String, _ invitees: [User], on day: Int) async throws -> Int64 {
            try await services.meetings.create(MeetingDraft(title: title, startsAt: "2026-12-\(day)T13:00:00.000Z", duration: 120,
                                                             place: "Room 4", videoURL: "", invitees: invitees.map(\.id)), by: sec)
        }
        let full = try await plan("December plenary", [c.ada, c.bob, c.carol, c.turing], on: 10)
        _ = try await plan("Expert hearing", [c.turing], on: 12)
        let held = try await plan("Extraordinary session", [c.ada, c.bob, c.carol], on: 1)
        try await services.meetings.hold(meetingId: held, by: sec)
        try await services.minutes.save(meetingId: held, markdown: "# Minutes", html: "<h1>Minutes</h1>", parts: [], by: sec)
        _ = try await services.deliverables.create(
            DeliverableDraft(kind: .benchmark, title: "Benchmark of chatbot vendors", ownerId: c.bob.id, dueOn: "2026-11-01",
                             caseId: nil, meetingId: nil, body: ""), bodyHTML: "", by: sec)
        try await c.app.test { client in
            // The chair: the minutes to approve, and only the meetings she is invited to
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let adaHome = try await ada.get("/").body
            #expect(Self.section(adaHome, "Minutes for me to approve")?.contains("Extraordinary session") == true)
            let adaMeetings = try #require(Self.section(adaHome, "My next meetings"))
            #expect(adaMeetings.contains("December plenary") && !adaMeetings.contains("Expert hearing"))
            #expect(adaMeetings.contains("/meetings/\(full)"))
            #expect(Self.section(adaHome, "Deliverables I own") == nil)
            // A member who is not the chair approves nothing; his late deliverable is on his page
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            let bobHome = try await bob.get("/").body
            #expect(Self.section(bobHome, "Minutes for me to approve") == nil)
            let owned = try #require(Self.section(bobHome, "Deliverables I own"))
            #expect(owned.contains("Benchmark of chatbot vendors") && owned.contains("Overdue"))
            // The invited expert sees the hearing
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            #expect(Self.section(try await turing.get("/").body, "My next meetings")?.contains("Expert hearing") == true)
            // The secretary: the hearing cannot reach the quorum (1 of 4 voting members invited), the plenary can;
            // the minutes wait for the chair
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let secHome = try await secretary.get("/").body
            let risks = try #require(Self.section(secHome, "Meetings at risk of missing the quorum"))
            #expect(risks.contains("Expert hearing") && risks.contains("1 of 4 voting members invited"))
            #expect(!risks.contains("December plenary"))
            #expect(Self.section(secHome, "Minutes waiting for the chair&#39;s approval")?.contains("Extraordinary session") == true)
            let next = try #require(Self.section(secHome, "Next meetings"))
            #expect(next.contains("December plenary") && next.contains("Expert hearing") && !next.contains("Extraordinary session"))
        }
    }

    @Test func longListsShowTheFirstTenAndLinkToTheRest() async throws {
        let c = try await CaseFlowTests.committee()
        let store = c.app.services.cases
        for index in 0..<12 {
            let draft = CaseDraft(title: "Waiting case \(index)", team: "T", vendor: "", kind: .tool, customerFacing: false,
                                  personalData: false, confidential: false, description: "d", answers: [:], notes: [:])
            let id = try await store.create(draft, descriptionHTML: "d", submitterId: c.owner.id, by: .system())
            try await store.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        }
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let triage = try #require(Self.section(try await secretary.get("/").body, "Cases waiting for triage"))
            #expect(triage.components(separatedBy: "<li").count - 1 == 10)
            #expect(triage.contains("href=\"/cases?status=submitted\">See them all</a>"))
            // A short list has no such link
            let late = try #require(Self.section(try await secretary.get("/").body, "Late reviews"))
            #expect(!late.contains("See them all"))
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
