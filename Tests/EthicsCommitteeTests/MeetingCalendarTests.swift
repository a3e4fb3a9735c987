import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

@Suite struct MeetingCalendarTests {
    static func meeting(title: String = "Plenary", place: String = "", video: String = "") -> Meeting {
        Meeting(row: Row(["id": 7, "title": title, "starts_at": "2026-11-24T13:00:00.000Z", "duration": 120, "place": place,
                          "video_url": video, "status": "planned", "created_at": "2026-11-01T09:00:00.000Z"]))
    }

    static func ics(_ meeting: Meeting) -> String {
        MeetingCalendar.ics(meeting, committee: "Acme ethics", host: "ethics.example", now: Date(timeIntervalSince1970: 1_795_000_000))
    }

    /// The content lines once unfolded (RFC 5545 3.1).
    static func unfolded(_ ics: String) -> [String] {
        ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test(arguments: ["https://meet.example/a?b=c&d=e", "https://meet.example", "HTTPS://meet.example/x"])
    func goodVideoLinksPass(_ link: String) {
        #expect(VideoLink.isValid(link))
    }

    @Test(arguments: ["https://meet.example/a\r\nATTENDEE:mailto:evil@example.org", "https://meet.example/\n", "https://meet.example/\t",
                      "https://meet .example", "http://meet.example", "javascript:alert(1)", "https://", "https:///path",
                      "https://meet.example/\u{202E}", "ftp://meet.example", "https://meet.example/\"x", "https://meet.example/\\x"])
    func hostileVideoLinksAreRefused(_ link: String) {
        #expect(!VideoLink.isValid(link))
    }

    @Test func aStoredLinkWithLineBreaksAddsNoLine() {
        // Given a row saved before the form refused CR/LF
        let ics = Self.ics(Self.meeting(video: "https://meet.example/x\r\nATTENDEE:mailto:evil@example.org\r\nBEGIN:VALARM"))
        // Then the file carries no injected property
        let lines = Self.unfolded(ics)
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") || $0.hasPrefix("BEGIN:VALARM") })
        #expect(lines.filter { $0.hasPrefix("BEGIN:") }.count == 2)
    }

    @Test func textValuesAreEscapedAndEveryLineIsFolded() {
        let title = "Budget; risks, and \\ more\r\nATTENDEE:mailto:evil@example.org\u{7}" + String(repeating: "é", count: 80)
        let ics = Self.ics(Self.meeting(title: title, place: "Room 4, Paris\nBEGIN:VALARM", video: "https://meet.example/" + String(repeating: "a", count: 120)))
        let physical = ics.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(!ics.contains("\u{7}"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = Self.unfolded(ics)
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") || $0.hasPrefix("BEGIN:VALARM") })
        let summary = lines.first { $0.hasPrefix("SUMMARY:") }
        #expect(summary?.hasPrefix("SUMMARY:Acme ethics — Budget\\; risks\\, and \\\\ more\\nATTENDEE:mailto:evil@example.org") == true)
        #expect(lines.contains("LOCATION:Room 4\\, Paris\\nBEGIN:VALARM"))
        #expect(lines.contains("URL:https://meet.example/" + String(repeating: "a", count: 120)))
    }

    @Test func theMeetingFormRefusesALinkWithLineBreaks() async throws {
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/meetings/new")
            let refused = try await secretary.postRaw("/meetings", [
                ("title", "Plenary"), ("starts_at", "2026-11-24T14:00"), ("duration", "120"), ("place", ""),
                ("video_url", "https://meet.example/x\r\nATTENDEE:mailto:evil@example.org"), ("invitees", "\(ada.id)"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Give a video link starting with https://."))
        }
        let count = try await app.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meetings") }
        #expect(count == 0)
    }
}

/// One event per meeting in every calendar: the UID stays, SEQUENCE rises, a cancellation cancels.
@Suite struct MeetingCalendarSequenceTests {
    static func meeting(status: String, sequence: Int, reason: String = "") -> Meeting {
        Meeting(row: Row(["id": 7, "title": "Plenary", "starts_at": "2026-11-24T13:00:00.000Z", "duration": 120, "place": "Room 4",
                          "video_url": "", "status": status, "created_at": "2026-11-01T09:00:00.000Z", "sequence": sequence,
                          "cancel_reason": reason]))
    }

    @Test func aChangedMeetingKeepsItsUIDAndRaisesItsSequence() {
        let first = MeetingCalendarTests.unfolded(MeetingCalendarTests.ics(Self.meeting(status: "planned", sequence: 0)))
        let changed = MeetingCalendarTests.unfolded(MeetingCalendarTests.ics(Self.meeting(status: "planned", sequence: 3)))
        #expect(first.contains("UID:meeting-7@ethics.example") && changed.contains("UID:meeting-7@ethics.example"))
        #expect(first.contains("SEQUENCE:0") && changed.contains("SEQUENCE:3"))
        #expect(changed.contains("METHOD:PUBLISH") && changed.contains("STATUS:CONFIRMED"))
        // SEQUENCE sits inside the event, not in the calendar
        let event = changed.drop { $0 != "BEGIN:VEVENT" }
        #expect(event.contains("SEQUENCE:3"))
    }

    @Test func aCancelledMeetingIsACancellation() {
        let lines = MeetingCalendarTests.unfolded(MeetingCalendarTests.ics(Self.meeting(status: "cancelled", sequence: 4, reason: "Ill")))
        #expect(lines.contains("METHOD:CANCEL") && lines.contains("STATUS:CANCELLED") && lines.contains("SEQUENCE:4"))
        #expect(!lines.contains("METHOD:PUBLISH") && !lines.contains("STATUS:CONFIRMED"))
        #expect(lines.contains("UID:meeting-7@ethics.example"))
    }
}
