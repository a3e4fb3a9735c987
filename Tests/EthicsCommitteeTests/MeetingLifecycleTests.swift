import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The meeting lifecycle through HTTP: planning in the future, changing and rescheduling, cancelling with a
/// reason, closing after the last item, the invitees told and their calendar file updated, answers to the
/// invitation until the meeting opens, the agenda edited while planned, and the list split by date.
@Suite struct MeetingLifecycleTests {
    typealias Committee = MeetingFlowTests.Committee

    static func plan(_ secretary: Browser, _ c: Committee, title: String = "December plenary", at: String = "2026-12-10T14:00",
                     invitees: [User]? = nil) async throws -> Int64 {
        try await secretary.get("/meetings/new")
        var pairs = [("title", title), ("starts_at", at), ("duration", "120"), ("place", "Room 4, Paris")]
        for user in invitees ?? [c.ada, c.bob, c.carol, c.turing] { pairs.append(("invitees", "\(user.id)")) }
        let created = try await secretary.postRaw("/meetings", pairs)
        #expect(created.status == .seeOther)
        return try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
    }

    static func editPairs(_ c: Committee, title: String = "December plenary", at: String, invitees: [User]) -> [(String, String)] {
        [("title", title), ("starts_at", at), ("duration", "90"), ("place", "Room 5, Lyon")] + invitees.map { ("invitees", "\($0.id)") }
    }

    /// What a person was told about meetings, newest first (case notifications left out).
    static func kinds(_ app: TestApp, _ user: User) async throws -> [NotificationKind] {
        try await app.services.notifications.latest(userId: user.id).map(\.kind)
            .filter { [.meetingPlanned, .meetingChanged, .meetingCancelled].contains($0) }
    }

    static func lines(_ ics: String) -> [String] { MeetingCalendarTests.unfolded(ics) }

    @Test func planChangeAndCancelTellTheInviteesAndUpdateTheCalendarFile() async throws {
        let c = try await MeetingFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            // Given a planned meeting with a case on its agenda
            let meeting = try await Self.plan(secretary, c, invitees: [c.ada, c.bob, c.turing])
            try await secretary.get("/meetings/\(meeting)")
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.open)"])
            #expect(try await c.app.services.agenda.casesReady().map(\.id) == [c.secret])
            // Then each invitee is told, with a link to the meeting pack
            let planned = try await c.app.services.notifications.latest(userId: c.ada.id)
            #expect(planned.map(\.kind).filter { $0 == .meetingPlanned } == [.meetingPlanned])
            #expect(planned.first?.packPath == "/meetings/\(meeting)/pack")
            #expect(try await Self.kinds(c.app, c.carol).isEmpty)
            let first = try await secretary.get("/meetings/\(meeting).ics")
            let uid = try #require(Self.lines(first.body).first { $0.hasPrefix("UID:") })
            #expect(Self.lines(first.body).contains("SEQUENCE:0"))
            #expect(Self.lines(first.body).contains("METHOD:PUBLISH"))

            // When the secretary reschedules it and invites Carol instead of Bob
            try await secretary.get("/meetings/\(meeting)/edit")
            let moved = try await secretary.postRaw("/meetings/\(meeting)/edit",
                                                    Self.editPairs(c, at: "2026-12-11T09:30", invitees: [c.ada, c.carol, c.turing]))
            #expect(moved.status == .seeOther)
            // Then the invitees are told, the sequence rose, the UID stayed
            #expect(try await Self.kinds(c.app, c.ada) == [.meetingChanged, .meetingPlanned])
            #expect(try await Self.kinds(c.app, c.carol) == [.meetingChanged])
            let second = try await secretary.get("/meetings/\(meeting).ics")
            #expect(Self.lines(second.body).contains("SEQUENCE:1"))
            #expect(Self.lines(second.body).contains(uid))
            #expect(Self.lines(second.body).contains("LOCATION:Room 5\\, Lyon"))
            #expect(try c.app.auditActions().contains("meeting.rescheduled"))

            // When a change gives a past date, the form comes back with what was typed
            let past = try await secretary.postRaw("/meetings/\(meeting)/edit",
                                                   Self.editPairs(c, title: "Kept title", at: "2026-01-05T09:00", invitees: [c.ada]))
            #expect(past.status == .unprocessableContent)
            #expect(past.body.contains("A planned meeting must be in the future"))
            #expect(past.body.contains("value=\"Kept title\""))
            #expect(past.body.contains("value=\"2026-01-05T09:00\""))
            #expect(past.body.contains("action=\"/meetings/\(meeting)/edit#meeting-form\""))

            // When it is cancelled: first the page, a reason is required, then it is done
            let ask = try await secretary.get("/meetings/\(meeting)/cancel")
            #expect(ask.status == .ok && ask.body.contains("name=\"confirm\" value=\"1\""))
            let noReason = try await secretary.post("/meetings/\(meeting)/cancel", ["confirm": "1", "reason": "  "])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.body.contains("Say why the meeting is cancelled."))
            let unconfirmed = try await secretary.post("/meetings/\(meeting)/cancel", ["reason": "Chair ill"])
            #expect(unconfirmed.status == .ok)
            #expect(try await c.app.services.meetings.find(id: meeting)?.0.status == .planned)
            let cancelled = try await secretary.post("/meetings/\(meeting)/cancel", ["confirm": "1", "reason": "The chair is ill."])
            #expect(cancelled.status == .seeOther)
            // Then the meeting keeps its page with the reason, its case is to be scheduled again, the invitees are told
            let page = try await secretary.get("/meetings/\(meeting)")
            #expect(page.body.contains("This meeting is cancelled.") && page.body.contains("The chair is ill."))
            #expect(!page.body.contains("/meetings/\(meeting)/edit"))
            #expect(try await c.app.services.agenda.casesReady().map(\.id).sorted() == [c.open, c.secret].sorted())
            #expect(try await Self.kinds(c.app, c.ada).first == .meetingCancelled)
            let third = try await secretary.get("/meetings/\(meeting).ics")
            let lines = Self.lines(third.body)
            #expect(lines.contains("METHOD:CANCEL") && lines.contains("STATUS:CANCELLED") && lines.contains("SEQUENCE:2") && lines.contains(uid))
            // And a cancelled meeting is not changed again, nor cancelled twice
            let again = try await secretary.postRaw("/meetings/\(meeting)/edit", Self.editPairs(c, at: "2026-12-12T09:30", invitees: [c.ada]))
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("no longer planned"))
            let twice = try await secretary.post("/meetings/\(meeting)/cancel", ["confirm": "1", "reason": "Again"])
            #expect(twice.status == .unprocessableContent)
            #expect(try c.app.auditActions().contains("meeting.cancelled"))
        }
    }

    @Test func aPlannedMeetingMustLieInTheFuture() async throws {
        let c = try await MeetingFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/meetings/new")
            let refused = try await secretary.postRaw("/meetings", [
                ("title", "September plenary"), ("starts_at", "2026-09-20T14:00"), ("duration", "120"), ("place", "Room 4"),
                ("invitees", "\(c.ada.id)"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("A planned meeting must be in the future"))
            #expect(refused.body.contains("value=\"September plenary\"") && refused.body.contains("value=\"2026-09-20T14:00\""))
            #expect(refused.body.contains("id=\"invitee-\(c.ada.id)\" name=\"invitees\" type=\"checkbox\" value=\"\(c.ada.id)\" checked"))
        }
    }

    @Test func onlyTheSecretaryChangesCancelsOrClosesAMeeting() async throws {
        let c = try await MeetingFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let meeting = try await Self.plan(secretary, c)
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            let page = try await member.get("/meetings/\(meeting)")
            #expect(page.status == .ok && !page.body.contains("/meetings/\(meeting)/cancel"))
            #expect(try await member.get("/meetings/\(meeting)/edit").status == .notFound)
            #expect(try await member.get("/meetings/\(meeting)/cancel").status == .notFound)
            #expect(try await member.post("/meetings/\(meeting)/cancel", ["confirm": "1", "reason": "x"]).status == .notFound)
            #expect(try await member.post("/meetings/\(meeting)/close", ["confirm": "1"]).status == .notFound)
            #expect(try await member.postRaw("/meetings/\(meeting)/edit", Self.editPairs(c, at: "2026-12-12T09:30", invitees: [c.ada])).status == .notFound)
            #expect(try await c.app.services.meetings.find(id: meeting)?.0.status == .planned)
        }
    }

    @Test func inviteesAnswerUntilTheMeetingOpensAndAttendanceIsPrefilled() async throws {
        let c = try await MeetingFlowTests.committee()
        let outsider = try await c.app.user("eve@example.org", role: .member, name: "Eve Outsider")
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let meeting = try await Self.plan(secretary, c)
            let ada = Browser(client), carol = Browser(client), eve = Browser(client)
            try await ada.signIn("ada@example.org")
            try await carol.signIn("carol@example.org")
            try await eve.signIn("eve@example.org")
            // Given an invitee's page offers the answer
            let page = try await ada.get("/meetings/\(meeting)")
            #expect(page.body.contains("action=\"/meetings/\(meeting)/rsvp#rsvp\""))
            #expect(try await ada.post("/meetings/\(meeting)/rsvp", ["answer": "unsure"]).status == .seeOther)
            #expect(try await ada.post("/meetings/\(meeting)/rsvp", ["answer": "attending"]).status == .seeOther)
            try await carol.get("/meetings/\(meeting)")
            #expect(try await carol.post("/meetings/\(meeting)/rsvp", ["answer": "excused"]).status == .seeOther)
            #expect(try await carol.post("/meetings/\(meeting)/rsvp", ["answer": "maybe"]).status == .unprocessableContent)
            // A member not invited sees the meeting but has no invitation to answer
            let other = try await eve.get("/meetings/\(meeting)")
            #expect(other.status == .ok && !other.body.contains("/rsvp"))
            #expect(try await eve.post("/meetings/\(meeting)/rsvp", ["answer": "attending"]).status == .notFound)
            // Then the secretary sees every answer
            let shown = try await secretary.get("/meetings/\(meeting)")
            #expect(shown.body.contains("Answers: 1 attending, 1 excused, 0 not sure, 2 without an answer."))
            // When the meeting opens, attendance is prefilled and answers end
            try await secretary.post("/meetings/\(meeting)/hold")
            let invitees = try await c.app.services.meetings.invitees(meetingId: meeting)
            #expect(invitees.first { $0.userId == c.ada.id }?.attendance == .present)
            #expect(invitees.first { $0.userId == c.carol.id }?.attendance == .excused)
            #expect(invitees.first { $0.userId == c.bob.id }?.attendance == nil)
            try await ada.get("/meetings/\(meeting)")
            let late = try await ada.post("/meetings/\(meeting)/rsvp", ["answer": "excused"])
            #expect(late.status == .unprocessableContent)
            #expect(late.body.contains("can no longer be answered"))
            #expect(try await c.app.services.meetings.invitees(meetingId: meeting).first { $0.userId == c.ada.id }?.rsvp == .attending)
            _ = outsider
        }
    }

    @Test func aClosedMeetingChangesNoMoreExceptItsMinutes() async throws {
        let c = try await MeetingFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let meeting = try await Self.plan(secretary, c)
            try await secretary.get("/meetings/\(meeting)")
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.open)"])
            #expect(try await secretary.get("/meetings/\(meeting)/close").status == .unprocessableContent)  // not held yet
            try await secretary.post("/meetings/\(meeting)/hold")
            let held = try await secretary.get("/meetings/\(meeting)")
            #expect(held.body.contains("href=\"/meetings/\(meeting)/close\""))
            // Closing asks first, then closes; the undecided case is to be scheduled again
            let ask = try await secretary.post("/meetings/\(meeting)/close")
            #expect(ask.status == .ok && ask.body.contains("Close the meeting"))
            #expect(try await secretary.post("/meetings/\(meeting)/close", ["confirm": "1"]).status == .seeOther)
            #expect(try await c.app.services.meetings.find(id: meeting)?.0.status == .closed)
            #expect(try await c.app.services.agenda.casesReady().map(\.id).contains(c.open))
            // Attendance is refused; the minutes can still be written
            try await secretary.get("/meetings/\(meeting)")
            let attendance = try await secretary.post("/meetings/\(meeting)/attendance", ["attendance_\(c.ada.id)": "present"])
            #expect(attendance.status == .unprocessableContent)
            try await secretary.get("/meetings/\(meeting)/minutes")
            #expect(try await secretary.post("/meetings/\(meeting)/minutes", ["markdown": "## 1. Chatbot\n\nNot reached."]).status == .seeOther)
            // And the database itself refuses a change to the closed meeting
            #expect(throws: DatabaseError.self) {
                try c.app.database.writer.write { db in try db.execute(sql: "UPDATE meetings SET title = 'x' WHERE id = ?", arguments: [meeting]) }
            }
            #expect(throws: DatabaseError.self) {
                try c.app.database.writer.write { db in
                    try db.execute(sql: "UPDATE meeting_invitees SET attendance = 'present' WHERE meeting_id = ?", arguments: [meeting])
                }
            }
            #expect(try c.app.auditActions().contains("meeting.closed"))
        }
    }

    @Test func agendaItemsAreEditedAndRemovedWhilePlanned() async throws {
        let c = try await MeetingFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let meeting = try await Self.plan(secretary, c)
            try await secretary.get("/meetings/\(meeting)")
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.open)"])
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "free", "title": "Annual report", "note": "Draft"])
            let items = try await c.app.services.agenda.items(meetingId: meeting)
            let form = try await secretary.get("/meetings/\(meeting)/items/\(items[1].id)/edit")
            #expect(form.body.contains("value=\"Annual report\""))
            let empty = try await secretary.post("/meetings/\(meeting)/items/\(items[1].id)/edit", ["title": "", "note": "Kept note"])
            #expect(empty.status == .unprocessableContent && empty.body.contains("Kept note"))
            #expect(try await secretary.post("/meetings/\(meeting)/items/\(items[1].id)/edit", ["title": "Annual report 2026", "note": "**Due** in March"]).status == .seeOther)
            let edited = try await c.app.services.agenda.items(meetingId: meeting)
            #expect(edited[1].title == "Annual report 2026" && edited[1].noteHTML.contains("<strong>Due</strong>"))
            // Removing the case item makes the case ready to schedule again
            try await secretary.get("/meetings/\(meeting)")
            #expect(try await secretary.post("/meetings/\(meeting)/items/\(items[0].id)/remove").status == .seeOther)
            #expect(try await c.app.services.agenda.items(meetingId: meeting).map(\.id) == [items[1].id])
            #expect(try await c.app.services.agenda.casesReady().map(\.id).contains(c.open))
            // Once held, the agenda stays as it is
            try await secretary.post("/meetings/\(meeting)/hold")
            try await secretary.get("/meetings/\(meeting)")
            #expect(try await secretary.post("/meetings/\(meeting)/items/\(items[1].id)/remove").status == .unprocessableContent)
            #expect(try await secretary.post("/meetings/\(meeting)/items/\(items[1].id)/edit", ["title": "Other", "note": ""]).status == .unprocessableContent)
            #expect(try await c.app.services.agenda.items(meetingId: meeting).count == 1)
            #expect(try c.app.auditActions().contains("meeting.item_removed"))
        }
    }

    @Test func theListPutsUpcomingAndPastMeetingsApartAndPagesThem() async throws {
        let c = try await MeetingFlowTests.committee()
        let actor = AuditActor(id: c.secretary.id, label: "sec", client: "")
        let stale = try await c.app.services.meetings.create(MeetingDraft(title: "Stale plenary", startsAt: "2026-11-20T13:00:00.000Z", duration: 60,
                                                                           place: "Room", videoURL: "", invitees: [c.ada.id]), by: actor)
        for day in 1...26 {
            _ = try await c.app.services.meetings.create(MeetingDraft(title: "Future \(day)", startsAt: String(format: "2027-01-%02dT13:00:00.000Z", day),
                                                                      duration: 60, place: "Room", videoURL: "", invitees: [c.ada.id]), by: actor)
        }
        // When the date of the stale one has passed without it being held
        c.app.clock.advance(3 * 86400)
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let list = try await secretary.get("/meetings")
            let past = try #require(list.body.range(of: "<h2>Past meetings</h2>"))
            let staleAt = try #require(list.body.range(of: "Stale plenary"))
            #expect(staleAt.lowerBound > past.lowerBound)
            #expect(list.body.contains("Planned, not held"))
            #expect(list.body.contains("Future 1<") && !list.body.contains("Future 26<"))
            #expect(list.body.contains("href=\"/meetings?upcoming=2&amp;past=1\""))
            let second = try await secretary.get("/meetings?upcoming=2&past=1")
            #expect(second.body.contains("Future 26<") && !second.body.contains("Future 1<"))
            _ = stale
        }
    }

    @Test func theForecastCountsAnswersRecusalsAndDeclaredInterests() async throws {
        let c = try await MeetingFlowTests.committee()
        // Carol declared an interest in the team behind the open case (Customer care)
        try await c.app.services.members.addInterest(userId: c.carol.id, organisation: "customer care", nature: "Manager", since: nil, by: .system())
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let meeting = try await Self.plan(secretary, c)
            try await secretary.get("/meetings/\(meeting)")
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.open)"])
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "free", "title": "Annual report", "note": ""])
            // Voters: Ada, Bob, Carol, Turing (4). Item 1: Bob recused, Carol in conflict → 2 eligible, quorum 2.
            let before = try await secretary.get("/meetings/\(meeting)")
            #expect(before.body.contains("Item 1 can be quorate: 4 voters, 2 recused or in conflict, 0 excused: 2 can attend (0 confirmed), quorum 2."))
            // When Turing is excused, item 1 cannot be quorate any more; item 2 still can
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            try await turing.get("/meetings/\(meeting)")
            try await turing.post("/meetings/\(meeting)/rsvp", ["answer": "excused"])
            let after = try await secretary.get("/meetings/\(meeting)")
            #expect(after.body.contains("Item 1 will not be quorate: 4 voters, 2 recused or in conflict, 1 excused: 1 can attend (0 confirmed), quorum 2."))
            #expect(after.body.contains("alert forecast-red"))
            #expect(after.body.contains("Item 2 can be quorate"))
            // And the secretary's home page flags the meeting
            let home = try await secretary.get("/")
            #expect(home.body.contains("Item 1 will not be quorate"))
        }
    }

    @Test(arguments: [
        // rule, voters, recused, excused, expected quorate, needed
        (QuorumRule.majority, 5, 2, 1, true, 2),
        (QuorumRule.majority, 5, 2, 2, false, 2),
        (QuorumRule.twoThirds, 6, 0, 2, true, 4),
        (QuorumRule.twoThirds, 6, 0, 3, false, 4),
        (QuorumRule.half, 4, 0, 2, true, 2),
        (QuorumRule.half, 4, 1, 2, false, 2),
    ])
    func forecastFollowsTheQuorumRule(_ rule: QuorumRule, _ count: Int, _ recusedCount: Int, _ excusedCount: Int, _ quorate: Bool, _ needed: Int) {
        let voters = (1...count).map { Quorum.Voter(id: Int64($0), external: $0 == count) }
        let recused = Set((1...count).prefix(recusedCount).map(Int64.init))
        var answers: [Int64: RSVP?] = [:]
        for voter in voters { answers[voter.id] = .some(nil) }
        for id in (recusedCount + 1)...(recusedCount + excusedCount) { answers[Int64(id)] = .some(RSVP.excused) }
        let result = QuorumForecast.forecast(rule: rule, requiresExternal: false, voters: voters, answers: answers, recused: recused)
        #expect(result.quorate == quorate)
        #expect(result.needed == needed)
        #expect(result.recused == recusedCount && result.excused == excusedCount)
        #expect(result.expected == count - recusedCount - excusedCount)
    }

    @Test func forecastLeavesOutWhoIsNotInvitedAndWantsAnExternalMember() {
        let voters = [Quorum.Voter(id: 1, external: false), Quorum.Voter(id: 2, external: false), Quorum.Voter(id: 3, external: true)]
        // The external member is excused: enough members come, but no external one
        let answers: [Int64: RSVP?] = [1: RSVP.attending, 2: nil, 3: RSVP.excused]
        let result = QuorumForecast.forecast(rule: .majority, requiresExternal: true, voters: voters, answers: answers, recused: [])
        #expect(!result.quorate && result.outcome == .refused("quorum_no_external"))
        #expect(result.confirmed == 1 && result.expected == 2)
        // Only one of three invited: not quorate
        let few = QuorumForecast.forecast(rule: .majority, requiresExternal: false, voters: voters, answers: [1: nil], recused: [])
        #expect(!few.quorate && few.expected == 1 && few.needed == 2)
    }
}
