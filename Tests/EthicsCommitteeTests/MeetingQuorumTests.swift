import GRDB
import Testing
@testable import EthicsCommittee

/// The quorum rule per agenda item, counted after recusals, as a table.
@Suite struct MeetingQuorumTests {
    static let voters = [Quorum.Voter(id: 1, external: false), Quorum.Voter(id: 2, external: false),
                         Quorum.Voter(id: 3, external: false), Quorum.Voter(id: 4, external: true)]

    @Test(arguments: [
        // rule, requires external, present, recused, expected
        (QuorumRule.majority, false, [1, 2, 3], [], Quorum.Result.ok),
        (.majority, false, [1, 2], [], .refused("quorum_not_reached_majority")),        // 2 of 4 is not more than half
        (.majority, false, [1, 2], [3], .ok),                                            // 2 of 3 once 3 is recused
        (.majority, false, [1, 2, 3], [3], .ok),                                         // a recused member present does not count…
        (.majority, false, [1, 3], [3], .refused("quorum_not_reached_majority")),        // …so 1 of 3
        (.half, false, [1, 2], [], .ok),
        (.half, false, [1], [2], .refused("quorum_not_reached_half")),
        (.twoThirds, false, [1, 2], [], .refused("quorum_not_reached_two_thirds")),
        (.twoThirds, false, [1, 2], [3], .ok),
        (.twoThirds, false, [1, 2, 4], [], .ok),
        (.majority, true, [1, 2, 3], [], .refused("quorum_no_external")),
        (.majority, true, [1, 2, 4], [], .ok),
        (.majority, true, [1, 2, 4], [4], .refused("quorum_no_external")),              // the external member is recused
        (.majority, false, [], [], .refused("quorum_no_voters")),
        (.majority, false, [1], [1, 2, 3, 4], .refused("quorum_no_voters")),
        (.majority, false, [9, 10, 11], [], .refused("quorum_no_voters")),              // present people who do not vote
    ] as [(QuorumRule, Bool, [Int64], [Int64], Quorum.Result)])
    func quorum(_ rule: QuorumRule, _ external: Bool, _ present: [Int64], _ recused: [Int64], _ expected: Quorum.Result) {
        #expect(Quorum.check(rule: rule, requiresExternal: external, voters: Self.voters, present: Set(present),
                             recused: Set(recused)) == expected)
    }

    @Test func everyRefusalHasAMessageInBothLanguages() {
        let keys = ["quorum_no_voters", "quorum_no_external", "quorum_ok"] + QuorumRule.allCases.map { "quorum_not_reached_\($0.rawValue)" }
        for language in Language.allCases {
            for key in keys { #expect(Catalog.messages(language)[runtime: key] != nil, "\(language) \(key)") }
        }
    }

    @Test func meetingAccessTable() {
        let facts = MeetingFacts(invitees: [4])
        let cases: [(Role, Int64, Action, Decision)] = [
            (.secretary, 1, .viewMeeting(facts), .allow), (.admin, 1, .viewMeeting(facts), .allow),
            (.member, 2, .viewMeeting(facts), .allow), (.expert, 4, .viewMeeting(facts), .allow),
            (.expert, 5, .viewMeeting(facts), .notFound), (.submitter, 6, .viewMeeting(facts), .notFound),
            (.submitter, 6, .viewMeetings, .notFound), (.expert, 5, .viewMeetings, .allow),
            (.secretary, 1, .manageMeetings, .allow), (.member, 2, .manageMeetings, .notFound), (.expert, 4, .manageMeetings, .notFound),
            (.member, 2, .approveMinutes(chairId: 2), .allow), (.member, 3, .approveMinutes(chairId: 2), .notFound),
            (.secretary, 1, .approveMinutes(chairId: nil), .notFound),
            (.submitter, 6, .viewDeliverables, .notFound), (.member, 2, .viewDeliverables, .allow),
            (.expert, 4, .viewDeliverable(DeliverableFacts(ownerId: 4, linkedCase: nil)), .allow),
            (.expert, 5, .viewDeliverable(DeliverableFacts(ownerId: 4, linkedCase: nil)), .notFound),
            // A voter of an open written procedure on it reads what they decide; a project owner never.
            (.expert, 5, .viewDeliverable(DeliverableFacts(ownerId: 4, linkedCase: nil, voters: [5])), .allow),
            (.submitter, 6, .viewDeliverable(DeliverableFacts(ownerId: 4, linkedCase: nil, voters: [6])), .notFound),
            (.member, 2, .viewDeliverable(DeliverableFacts(ownerId: 4, linkedCase: CaseFacts(submitterId: 6, confidential: true, status: .decided))), .notFound),
            (.member, 2, .viewDeliverable(DeliverableFacts(ownerId: 4, linkedCase: CaseFacts(submitterId: 6, confidential: false, status: .decided))), .allow),
            (.member, 2, .manageDeliverables, .notFound), (.secretary, 1, .manageDeliverables, .allow),
        ]
        for (role, id, action, expected) in cases {
            #expect(Policy.decide(Requester(userId: id, role: role), action) == expected, "\(role) \(action)")
        }
        #expect(Policy.decide(nil, .viewMeetings) == .signInRequired)
    }

    @Test func calendarFileIsRFC5545() {
        var meeting = Meeting(row: ["id": 7, "title": "Plenary; budget, AI\nreview", "starts_at": "2026-11-24T13:00:00.000Z", "duration": 90,
                                    "place": "Room 4, Paris", "video_url": "", "status": "planned", "created_at": "2026-11-01T00:00:00.000Z"])
        meeting.title += String(repeating: "é", count: 60)
        let text = MeetingCalendar.ics(meeting, committee: "Comité", host: "ethics.example", now: Timestamp.date("2026-11-02T10:00:00.000Z")!)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.contains("DTSTART:20261124T130000Z\r\n"))
        #expect(text.contains("DTEND:20261124T143000Z\r\n"))
        #expect(text.contains("DTSTAMP:20261102T100000Z\r\n"))
        #expect(text.contains("SUMMARY:Comité — Plenary\\; budget\\, AI\\nreview"))
        #expect(text.contains("LOCATION:Room 4\\, Paris"))
        #expect(text.contains("UID:meeting-7@ethics.example"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }
}

@Suite struct MinutesRedactionTests {
    /// Minutes typed in a browser arrive with CRLF line breaks; each numbered section must still be
    /// tied to its agenda item, or a confidential item's section would be shown to everyone.
    @Test func sectionsSplitWhateverTheLineBreaks() throws {
        let items = [AgendaItem.testItem(id: 11), AgendaItem.testItem(id: 12)]
        for separator in ["\n", "\r\n", "\r"] {
            let markdown = ["Opening words.", "## 1. First case", "Votes: 3 for.", "## 2. Secret case", "Decided."].joined(separator: separator)
            let parts = try MinutesDraft.parts(markdown, items: items)
            #expect(parts.map(\.itemId) == [nil, 11, 12], "\(separator.debugDescription)")
            #expect(parts[2].html.contains("Secret case"))
        }
    }
}

extension AgendaItem {
    static func testItem(id: Int64) -> AgendaItem {
        AgendaItem(row: ["id": id, "meeting_id": 1, "position": Int(id), "kind": "free", "title": "Item \(id)", "note_html": "",
                         "decision": "", "decision_html": ""])
    }
}
