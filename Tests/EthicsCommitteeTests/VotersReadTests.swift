import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// "Whoever has a vote on an item may read what it decides" (PRODUCT.md): the rule in `Policy`, the same rule in
/// SQL, and the chair reading the cases of the meeting she chairs.
@Suite struct VotersReadTests {
    @Test(arguments: [
        // (role, status, voter, recused, expected)
        (Role.member, CaseStatus.inReview, true, false, true),
        (Role.expert, CaseStatus.inReview, true, false, true),
        (Role.member, CaseStatus.inReview, false, false, false),
        (Role.expert, CaseStatus.inReview, false, false, false),
        (Role.expert, CaseStatus.inReview, true, true, false),   // recused: no vote, no access
        (Role.member, CaseStatus.decided, true, false, false),   // decided: the vote is over
        (Role.expert, CaseStatus.submitted, true, false, false),
        (Role.submitter, CaseStatus.inReview, true, false, false),
    ])
    func aVoteOpensAConfidentialCaseUntilItIsDecided(role: Role, status: CaseStatus, voter: Bool, recused: Bool, expected: Bool) {
        let me: Int64 = 7
        let facts = CaseFacts(submitterId: 1, confidential: true, status: status, recused: recused ? [me] : [],
                              voters: voter ? [me] : [])
        #expect((Policy.decide(Requester(userId: me, role: role), .viewCase(facts)) == .allow) == expected)
        // Owning a condition outlives the vote: a vote alone never makes someone an owner
        #expect(Policy.decide(Requester(userId: me, role: role), .ownCondition(facts)) == .notFound)
    }

    @Test func theListsAgreeAndTheChairReadsTheCasesOfHerMeeting() async throws {
        // Given the confidential case (Carol reviews it) on a planned meeting's agenda; Ada chairs the committee and
        // is not invited; Bob is invited with a vote; Turing is invited as an observer; an expert is not invited
        let c = try await MeetingFlowTests.committee()
        let s = c.app.services
        let arendt = try await c.app.user("arendt@uni.example", role: .expert, name: "Hannah Arendt")
        try await s.members.saveSeat(userId: c.turing.id, external: true, position: .none, voting: false, termStart: nil, termEnd: nil, by: .system())
        let by = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        let meeting = try await s.meetings.create(MeetingDraft(title: "Plenary", startsAt: "2030-12-03T13:00:00Z", duration: 120, place: "Room 1",
                                                               videoURL: "", invitees: [c.bob.id, c.carol.id, c.turing.id]), by: by)
        try await s.agenda.add(meetingId: meeting, kind: .case, caseId: c.secret, by: by)

        func agree(_ expectations: [(User, Bool)]) async throws {
            for (user, sees) in expectations {
                let actor = Requester(userId: user.id, role: user.role)
                let (_, facts) = try #require(try await s.cases.find(id: c.secret))
                let (rows, _) = try await s.cases.list(for: actor, filter: CaseFilter(), today: "2030-01-01", offset: 0, limit: 100)
                #expect((Policy.decide(actor, .viewCase(facts)) == .allow) == sees, Comment(rawValue: user.name))
                #expect(rows.contains { $0.id == c.secret } == sees, Comment(rawValue: "list of \(user.name)"))
            }
        }
        // Then the voters read it (the chair too, invited or not); the observer and the uninvited expert do not
        try await agree([(c.ada, true), (c.bob, true), (c.carol, true), (c.turing, false), (arendt, false)])
        try await c.app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            #expect(try await ada.get("/cases/\(c.secret)").status == .ok)
            let meetingPage = try await ada.get("/meetings/\(meeting)")
            #expect(meetingPage.body.contains("Secret voice cloning") && !meetingPage.body.contains("Confidential item"))
        }
        // Each voter's view of a confidential case goes to the view log
        let viewed = try await c.app.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'case.viewed' AND actor_id = ?", arguments: [c.ada.id])
        }
        #expect(viewed == 1)

        // Once its item is decided (set directly here: the vote's own rules are tested elsewhere), the vote is over
        try await c.app.database.writer.write { db in
            try db.execute(sql: "UPDATE agenda_items SET decided_at = '2030-12-03T15:00:00Z' WHERE meeting_id = ?", arguments: [meeting])
        }
        try await agree([(c.ada, false), (c.bob, false), (c.carol, true), (c.turing, false), (arendt, false)])
    }

    @Test func theChairApprovingMinutesReadsEveryItemUnlessRecused() async throws {
        // Given a held meeting whose confidential case item is decided, and its draft minutes
        let c = try await MeetingFlowTests.committee()
        let s = c.app.services
        let by = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        let meeting = try await s.meetings.create(MeetingDraft(title: "Plenary", startsAt: "2030-12-03T13:00:00Z", duration: 120, place: "Room 1",
                                                               videoURL: "", invitees: [c.bob.id, c.carol.id]), by: by)
        try await s.agenda.add(meetingId: meeting, kind: .case, caseId: c.secret, by: by)
        try await s.meetings.hold(meetingId: meeting, by: by)
        try await c.app.database.writer.write { db in
            try db.execute(sql: "UPDATE agenda_items SET decided_at = '2030-12-03T15:00:00Z' WHERE meeting_id = ?", arguments: [meeting])
        }
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/meetings/\(meeting)/minutes")
            let saved = try await secretary.post("/meetings/\(meeting)/minutes", ["markdown": "## 1. Secret voice cloning\n\nThe cloning was discussed at length."])
            #expect(saved.status == .seeOther)
            // Then the chair, who no longer reads the decided case, reads its part of the minutes she approves
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            #expect(try await ada.get("/cases/\(c.secret)").status == .notFound)
            let page = try await ada.get("/meetings/\(meeting)/minutes")
            #expect(page.body.contains("The cloning was discussed at length.") && !page.body.contains("Confidential item"))
            #expect(page.body.contains("/meetings/\(meeting)/minutes/approve"))
            // A member without a vote on it still does not
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            #expect(!(try await bob.get("/meetings/\(meeting)/minutes")).body.contains("The cloning was discussed at length."))
        }
        // Once the chair is recused from the case, she neither reads its part nor approves alone: the page says why
        try await s.caseReviews.assign(caseId: c.secret, userId: c.ada.id, dueOn: "2030-12-31", by: by)
        try await c.app.database.writer.write { db in
            try db.execute(sql: "UPDATE case_reviewers SET recused_at = '2030-12-01T10:00:00Z', recusal_reason = 'Conflict' WHERE case_id = ? AND user_id = ?",
                           arguments: [c.secret, c.ada.id])
        }
        try await c.app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let page = try await ada.get("/meetings/\(meeting)/minutes")
            #expect(!page.body.contains("The cloning was discussed at length."))
            #expect(page.body.contains("You were recused from item 1") && !page.body.contains("/meetings/\(meeting)/minutes/approve\""))
            #expect(try await ada.post("/meetings/\(meeting)/minutes/approve", ["confirm": "1"]).status == .conflict)
        }
    }
}
