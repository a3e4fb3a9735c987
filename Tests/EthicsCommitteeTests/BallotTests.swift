import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Members vote themselves, in session: the secretary opens an item's vote, present voting members who are not
/// recused cast and change their own ballots, the secretary records a show of hands, follows who has voted (not how)
/// and closes the vote, which decides the item through the agenda's one decision path. Refusals keep what was typed.
@Suite struct BallotTests {
    /// The committee of `MeetingFlowTests` (Ada chairs; Bob is recused from the open case; Turing is external) at a
    /// held meeting with the open case and a free item on the agenda; `present` are recorded present, the others absent.
    static func heldMeeting(_ c: MeetingFlowTests.Committee, present: [User]) async throws -> (meeting: Int64, caseItem: Int64, freeItem: Int64) {
        let secretary = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        let invitees = [c.ada, c.bob, c.carol, c.turing]
        let meeting = try await c.app.services.meetings.create(
            MeetingDraft(title: "December plenary", startsAt: "2026-11-24T13:00:00.000Z", duration: 120, place: "Room 4",
                         videoURL: "", invitees: invitees.map(\.id)), by: secretary)
        try await c.app.services.agenda.add(meetingId: meeting, kind: .case, caseId: c.open, by: secretary)
        try await c.app.services.agenda.add(meetingId: meeting, kind: .free, title: "Adopt the annual report", by: secretary)
        try await c.app.services.meetings.hold(meetingId: meeting, by: secretary)
        let presentIds = Set(present.map(\.id))
        try await c.app.services.meetings.recordAttendance(
            meetingId: meeting, Dictionary(uniqueKeysWithValues: invitees.map { ($0.id, presentIds.contains($0.id) ? Attendance.present : .absent) }),
            by: secretary)
        let items = try await c.app.services.agenda.items(meetingId: meeting)
        return (meeting, items[0].id, items[1].id)
    }

    static let close: [String: String] = ["outcome": "favourable", "decision": "Favourable: the fallback is in place.", "confirm": "1"]

    @Test func threeMembersVoteOnTheirOwnDevicesAndTheSecretaryCloses() async throws {
        let c = try await MeetingFlowTests.committee()
        let (meeting, item, _) = try await Self.heldMeeting(c, present: [c.ada, c.bob, c.carol, c.turing])
        let base = "/meetings/\(meeting)/items/\(item)"
        try await c.app.test { client in
            let secretary = Browser(client), ada = Browser(client), bob = Browser(client), carol = Browser(client), turing = Browser(client)
            for (browser, email) in [(secretary, "sec@example.org"), (ada, "ada@example.org"), (bob, "bob@example.org"),
                                     (carol, "carol@example.org"), (turing, "turing@uni.example")] {
                try await browser.signIn(email)
                try await browser.get("/meetings/\(meeting)")
            }

            // Given the vote is not open yet: a ballot is refused with the reason, the dissent typed kept
            let early = try await ada.post("\(base)/ballot", ["choice": "for", "dissent": "Typed before the opening."])
            #expect(early.status == .unprocessableContent)
            #expect(early.body.contains("The vote on this item is not open.") && early.body.contains("Typed before the opening."))
            // Only the secretary opens a vote
            #expect(try await ada.post("\(base)/vote/open").status == .notFound)
            let page = try await secretary.get("/meetings/\(meeting)")
            #expect(page.body.contains("Open the vote to the members"))

            // When the secretary opens it
            #expect(try await secretary.post("\(base)/vote/open").status == .seeOther)
            #expect(try await secretary.post("\(base)/vote/open").status == .unprocessableContent)
            // Then each entitled voter sees their ballot; the recused member is told why not, and refused
            let adaPage = try await ada.get("/meetings/\(meeting)")
            #expect(adaPage.body.contains("Cast my vote") && adaPage.body.contains("id=\"ballot-form-1\""))
            let bobPage = try await bob.get("/meetings/\(meeting)")
            #expect(!bobPage.body.contains("id=\"ballot-form-1\""))
            let recused = try await bob.post("\(base)/ballot", ["choice": "for", "dissent": "I would vote anyway."])
            #expect(recused.status == .unprocessableContent)
            #expect(recused.body.contains("You are recused from this item") && recused.body.contains("I would vote anyway."))
            // The roll is not offered while members vote, and refused
            #expect(!(try await secretary.get("/meetings/\(meeting)")).body.contains("id=\"vote-form-1\""))
            #expect(try await secretary.post("\(base)/vote", ["vote_\(c.ada.id)": "for", "outcome": "favourable", "decision": "x"]).status == .unprocessableContent)

            // Members vote on their own devices; Carol dissents, then changes her note: still one ballot
            #expect(try await ada.post("\(base)/ballot", ["choice": "for"]).status == .seeOther)
            #expect(try await carol.post("\(base)/ballot", ["choice": "for", "dissent": ""]).status == .seeOther)
            #expect(try await carol.post("\(base)/ballot", ["choice": "against", "dissent": "The fallback is not tested."]).status == .seeOther)
            let carolPage = try await carol.get("/meetings/\(meeting)")
            #expect(carolPage.body.contains("Change my vote") && carolPage.body.contains("The fallback is not tested."))
            #expect(try await c.app.services.agenda.ballots.ballots(meetingId: meeting)[item]?.count == 2)
            // An invalid choice is refused, the note kept
            let invalid = try await ada.post("\(base)/ballot", ["choice": "maybe", "dissent": "Hmm."])
            #expect(invalid.status == .unprocessableContent && invalid.body.contains("Hmm."))

            // The secretary sees who has voted, not how; the count fragment says the same
            let count = try await secretary.get("/meetings/\(meeting)")
            #expect(count.body.contains("2 of 3 entitled voters have voted."))
            #expect(!count.body.contains("The fallback is not tested."))
            let fragment = try await secretary.get("\(base)/vote/count")
            #expect(fragment.status == .ok && fragment.body.contains("2 of 3 entitled voters have voted."))
            #expect(!fragment.body.contains("Against") && !fragment.body.contains("For") && !fragment.body.contains("<html"))
            #expect(try await ada.get("\(base)/vote/count").status == .notFound)

            // Turing votes by show of hands: recorded by the secretary; a recused member cannot be recorded either
            let hands = try await secretary.post("\(base)/vote/hands", ["voter_id": "\(c.bob.id)", "choice": "for", "dissent": "Hands up."])
            #expect(hands.status == .unprocessableContent && hands.body.contains("This member is recused from this item") && hands.body.contains("Hands up."))
            #expect(try await secretary.post("\(base)/vote/hands", ["voter_id": "\(c.turing.id)", "choice": "for"]).status == .seeOther)
            #expect((try await turing.get("/meetings/\(meeting)")).body.contains("recorded by the secretary"))
            #expect((try await secretary.get("/meetings/\(meeting)")).body.contains("has voted (recorded by the secretary)"))

            // Closing needs the "I understand" box: refused without it, everything typed kept
            var unconfirmed = Self.close
            unconfirmed["confirm"] = nil
            let refusedClose = try await secretary.post("\(base)/vote/close", unconfirmed)
            #expect(refusedClose.status == .unprocessableContent)
            #expect(refusedClose.body.contains("Tick the box") && refusedClose.body.contains("Favourable: the fallback is in place."))
            #expect(!refusedClose.body.contains("name=\"confirm\" value=\"1\" checked"))
            // A member may not close
            #expect(try await ada.post("\(base)/vote/close", Self.close).status == .notFound)
            #expect(try await secretary.post("\(base)/vote/close", Self.close).status == .seeOther)

            // The decision reached the case; the ballots became the votes, each with who recorded it
            #expect(try await c.app.services.cases.find(id: c.open)?.0.status == .decided)
            #expect(try await c.app.services.caseDecisions.decision(caseId: c.open)?.outcome == .favourable)
            let votes = try #require(try await c.app.services.agenda.votes(meetingId: meeting)[item])
            #expect(votes.count == 3)
            #expect(votes.first { $0.userId == c.carol.id }?.dissent == "The fallback is not tested.")
            #expect(votes.first { $0.userId == c.turing.id }?.recordedBy == c.secretary.id)
            #expect(votes.first { $0.userId == c.ada.id }?.recordedBy == c.ada.id)
            let decided = try await secretary.get("/meetings/\(meeting)")
            #expect(decided.body.contains("(recorded by the secretary)") && decided.body.contains("The fallback is not tested."))

            // After the close: a ballot is refused with a message, what was typed kept; the database refuses it too
            let late = try await ada.post("\(base)/ballot", ["choice": "against", "dissent": "Too late, I know."])
            #expect(late.status == .unprocessableContent)
            #expect(late.body.contains("The vote on this item is closed") && late.body.contains("Too late, I know."))
            #expect(try await secretary.post("\(base)/vote/close", Self.close).status == .unprocessableContent)
        }
        await #expect(throws: DatabaseError.self) {
            try await c.app.database.writer.write { db in
                try db.execute(sql: "UPDATE ballots SET choice = 'against' WHERE item_id = ?", arguments: [item])
            }
        }
        await #expect(throws: DatabaseError.self) {
            try await c.app.database.writer.write { db in try db.execute(sql: "DELETE FROM ballots WHERE item_id = ?", arguments: [item]) }
        }
        // The trail says who opened, cast, recorded and closed; a ballot's entry does not say how
        let actions = try c.app.auditActions()
        for action in ["meeting.vote_opened", "meeting.ballot_cast", "meeting.ballot_recorded", "meeting.vote_closed"] {
            #expect(actions.contains(action), Comment(rawValue: action))
        }
        let details = try await c.app.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action IN ('meeting.ballot_cast', 'meeting.ballot_recorded')")
        }
        #expect(details.count == 4 && !details.contains { $0.contains("for") || $0.contains("against") })
    }

    @Test func absentMembersNeitherVoteNorCountAndAClosedVoteSaysWhyItWasRefused() async throws {
        let c = try await MeetingFlowTests.committee()
        // Only Ada and Bob (recused from the case) are present: no quorum on the case item
        let (meeting, item, free) = try await Self.heldMeeting(c, present: [c.ada, c.bob])
        try await c.app.test { client in
            let secretary = Browser(client), carol = Browser(client), ada = Browser(client)
            try await secretary.signIn("sec@example.org"); try await secretary.get("/meetings/\(meeting)")
            try await carol.signIn("carol@example.org"); try await carol.get("/meetings/\(meeting)")
            try await ada.signIn("ada@example.org"); try await ada.get("/meetings/\(meeting)")
            try await secretary.post("/meetings/\(meeting)/items/\(item)/vote/open")
            // An absent member's ballot is refused
            let absent = try await carol.post("/meetings/\(meeting)/items/\(item)/ballot", ["choice": "for", "dissent": "From home."])
            #expect(absent.status == .unprocessableContent)
            #expect(absent.body.contains("Only members recorded present") && absent.body.contains("From home."))
            // Closing with no ballot is refused; then without quorum, with the reason and the values kept
            let none = try await secretary.post("/meetings/\(meeting)/items/\(item)/vote/close", Self.close)
            #expect(none.status == .unprocessableContent)
            #expect(none.body.contains("not reached") || none.body.contains("No entitled member has voted yet"))
            #expect(try await ada.post("/meetings/\(meeting)/items/\(item)/ballot", ["choice": "for"]).status == .seeOther)
            let noQuorum = try await secretary.post("/meetings/\(meeting)/items/\(item)/vote/close", Self.close)
            #expect(noQuorum.status == .unprocessableContent)
            #expect(noQuorum.body.contains("Quorum") && noQuorum.body.contains("Favourable: the fallback is in place."))
            #expect(try await c.app.services.cases.find(id: c.open)?.0.status == .inReview)

            // On the free item (no recusal) Ada and Bob are two of four voters: still no quorum under "majority"; Carol
            // arrives: three of four. A proposal not carried (one for, one against, one abstaining) is rejected.
            try await secretary.post("/meetings/\(meeting)/attendance", ["attendance_\(c.carol.id)": "present"])
            try await secretary.post("/meetings/\(meeting)/items/\(free)/vote/open")
            let bob = Browser(client)
            try await bob.signIn("bob@example.org"); try await bob.get("/meetings/\(meeting)")
            try await carol.get("/meetings/\(meeting)")
            #expect(try await ada.post("/meetings/\(meeting)/items/\(free)/ballot", ["choice": "for"]).status == .seeOther)
            #expect(try await bob.post("/meetings/\(meeting)/items/\(free)/ballot", ["choice": "against"]).status == .seeOther)
            #expect(try await carol.post("/meetings/\(meeting)/items/\(free)/ballot", ["choice": "abstain"]).status == .seeOther)
            let closed = try await secretary.post("/meetings/\(meeting)/items/\(free)/vote/close",
                                                  ["outcome": "adopted", "decision": "The report is adopted.", "confirm": "1"])
            #expect(closed.status == .seeOther)
            #expect(try await c.app.services.agenda.items(meetingId: meeting).first { $0.id == free }?.outcome == .rejected)
        }
    }

    @Test func sixSecretariesClosingTheSameVoteAtOnceGiveOneResult() async throws {
        let c = try await MeetingFlowTests.committee()
        let (meeting, item, _) = try await Self.heldMeeting(c, present: [c.ada, c.bob, c.carol, c.turing])
        let base = "/meetings/\(meeting)/items/\(item)"
        let statuses = try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org"); try await secretary.get("/meetings/\(meeting)")
            try await secretary.post("\(base)/vote/open")
            for (email, choice) in [("ada@example.org", "for"), ("carol@example.org", "for"), ("turing@uni.example", "against")] {
                let voter = Browser(client)
                try await voter.signIn(email); try await voter.get("/meetings/\(meeting)")
                #expect(try await voter.post("\(base)/ballot", ["choice": choice]).status == .seeOther)
            }
            var sessions: [Browser] = []
            for _ in 0..<6 {
                let browser = Browser(client)
                try await browser.signIn("sec@example.org")
                try await browser.get("/meetings/\(meeting)")
                sessions.append(browser)
            }
            return try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for (index, browser) in sessions.enumerated() {
                    group.addTask {
                        let page = try await browser.post("\(base)/vote/close", ["outcome": "favourable", "decision": "By session \(index).", "confirm": "1"])
                        return (Int(page.status.code), page.body)
                    }
                }
                var all: [(Int, String)] = []
                for try await result in group { all.append(result) }
                return all
            }
        }
        #expect(statuses.filter { $0.0 == 303 }.count == 1)
        for (status, body) in statuses where status != 303 {
            #expect(status == 422)
            #expect(body.contains("already recorded") || body.contains("already open or decided"), Comment(rawValue: "status \(status)"))
        }
        let counts = try await c.app.database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM votes WHERE item_id = ?", arguments: [item]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM case_decisions WHERE case_id = ?", arguments: [c.open]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'meeting.vote_closed'"))
        }
        #expect(counts.0 == 3 && counts.1 == 1 && counts.2 == 1)
    }

    @Test func theDatabaseKeepsOneBallotPerMemberAndNoneOutsideAnOpenVote() async throws {
        let c = try await MeetingFlowTests.committee()
        let (meeting, item, free) = try await Self.heldMeeting(c, present: [c.ada, c.bob, c.carol, c.turing])
        let secretary = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        // Not open: the trigger refuses a ballot written around the store
        await #expect(throws: DatabaseError.self) {
            try await c.app.database.writer.write { db in
                try db.execute(sql: "INSERT INTO ballots (item_id, user_id, choice, cast_by, cast_at) VALUES (?, ?, 'for', ?, 'now')",
                               arguments: [free, c.ada.id, c.ada.id])
            }
        }
        try await c.app.services.agenda.ballots.openVote(itemId: item, meetingId: meeting, by: secretary)
        try await c.app.database.writer.write { db in
            try db.execute(sql: "INSERT INTO ballots (item_id, user_id, choice, cast_by, cast_at) VALUES (?, ?, 'for', ?, 'now')",
                           arguments: [item, c.ada.id, c.ada.id])
        }
        // A second ballot for the same member cannot exist: the primary key refuses it
        await #expect(throws: DatabaseError.self) {
            try await c.app.database.writer.write { db in
                try db.execute(sql: "INSERT INTO ballots (item_id, user_id, choice, cast_by, cast_at) VALUES (?, ?, 'against', ?, 'now')",
                               arguments: [item, c.ada.id, c.ada.id])
            }
        }
        // The store asks the policy's rule inside its write: a recused member is refused there too
        await #expect(throws: MeetingRefusal(key: "ballot_error_recused")) {
            try await c.app.services.agenda.ballots.cast(itemId: item, meetingId: meeting, voterId: c.bob.id, choice: .for, dissent: "",
                                                         by: AuditActor(id: c.bob.id, label: c.bob.email, client: ""))
        }
    }

    @Test func aMemberIsToldOnTheirHomePageThatAVoteAwaitsThem() async throws {
        let c = try await MeetingFlowTests.committee()
        let (meeting, item, _) = try await Self.heldMeeting(c, present: [c.ada, c.bob, c.carol, c.turing])
        try await c.app.test { client in
            let secretary = Browser(client), carol = Browser(client), bob = Browser(client)
            try await secretary.signIn("sec@example.org"); try await secretary.get("/meetings/\(meeting)")
            try await carol.signIn("carol@example.org"); try await bob.signIn("bob@example.org")
            #expect(!(try await carol.get("/")).body.contains("Votes open for you"))
            try await secretary.post("/meetings/\(meeting)/items/\(item)/vote/open")
            let home = try await carol.get("/")
            #expect(home.body.contains("Votes open for you") && home.body.contains("December plenary — item 1")
                    && home.body.contains("your vote is awaited") && home.body.contains("/meetings/\(meeting)#vote-1"))
            // Bob is recused from the item: nothing to flag
            #expect(!(try await bob.get("/")).body.contains("Votes open for you"))
            try await carol.get("/meetings/\(meeting)")
            try await carol.post("/meetings/\(meeting)/items/\(item)/ballot", ["choice": "abstain"])
            #expect((try await carol.get("/")).body.contains("you have voted"))
        }
    }

    @Test func anExternalExpertsCaseListShowsTheCasesTheyVoteOn() async throws {
        let c = try await MeetingFlowTests.committee()
        let secretary = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        // Turing reviews only the open case; the confidential one is on the agenda of a meeting he is invited to
        let meeting = try await c.app.services.meetings.create(
            MeetingDraft(title: "January plenary", startsAt: "2026-12-24T13:00:00.000Z", duration: 120, place: "Room 4",
                         videoURL: "", invitees: [c.ada.id, c.turing.id]), by: secretary)
        try await c.app.services.agenda.add(meetingId: meeting, kind: .case, caseId: c.secret, by: secretary)
        try await c.app.test { client in
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            // His case list starts from every case he may open, not only the reviews he owes
            let list = try await turing.get("/cases")
            #expect(list.body.contains("Secret voice cloning") && list.body.contains("Chatbot for claims"))
            #expect(try await turing.get("/cases/\(c.secret)").status == .ok)
        }
    }

    @Test func aMeetingWithAVoteStillOpenIsNotClosed() async throws {
        let c = try await MeetingFlowTests.committee()
        let (meeting, item, _) = try await Self.heldMeeting(c, present: [c.ada, c.bob, c.carol, c.turing])
        let secretary = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        try await c.app.services.agenda.ballots.openVote(itemId: item, meetingId: meeting, by: secretary)
        await #expect(throws: MeetingRefusal(key: "meeting_error_vote_open")) {
            try await c.app.services.meetings.close(meetingId: meeting, by: secretary)
        }
    }
}
