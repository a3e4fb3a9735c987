import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The meeting pack: each reader gets the papers of the items they may open, and "Not in your pack" for the rest.
@Suite struct MeetingPackTests {
    @Test func eachReaderGetsThePapersOfWhatTheyMayOpen() async throws {
        // Given the meeting committee (Turing reviews the open case only; Bob is recused from it; Carol alone
        // reviews the confidential one) and a planned meeting with both cases and a free item
        let c = try await MeetingFlowTests.committee()
        let s = c.app.services
        // Turing attends as an observer: without a vote he does not read the confidential case (a voter would)
        try await s.members.saveSeat(userId: c.turing.id, external: true, position: .none, voting: false, termStart: nil, termEnd: nil, by: .system())
        let actor = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        let meeting = try await s.meetings.create(MeetingDraft(title: "December plenary", startsAt: "2030-12-03T13:00:00Z", duration: 120,
                                                               place: "Room 4", videoURL: "", invitees: [c.ada.id, c.bob.id, c.carol.id, c.turing.id]),
                                                  by: actor)
        try await s.agenda.add(meetingId: meeting, kind: .case, caseId: c.open, by: actor)
        try await s.agenda.add(meetingId: meeting, kind: .case, caseId: c.secret, by: actor)
        try await s.agenda.add(meetingId: meeting, kind: .free, title: "Annual report planning", by: actor)
        try await c.app.test { client in
            // The invited observer: the open case he reviews in full, the confidential one left out without its title
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            let pack = try await turing.get("/meetings/\(meeting)/pack")
            #expect(pack.status == .ok)
            for expected in ["Meeting pack — December plenary", "Chatbot for claims", "<p>About</p>", "Readiness assessment",
                             "2. Not in your pack", "Annual report planning", "Prepared for Alan Turing on", "Quorum within reach"] {
                #expect(pack.body.contains(expected), Comment(rawValue: expected))
            }
            #expect(!pack.body.contains("Secret voice cloning"))

            // Bob, recused from the open case, does not get its papers
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            let bobs = try await bob.get("/meetings/\(meeting)/pack")
            #expect(bobs.body.contains("1. Not in your pack") && !bobs.body.contains("Chatbot for claims"))

            // The secretary's pack holds both cases; a project owner gets 404
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let full = try await secretary.get("/meetings/\(meeting)/pack")
            #expect(full.body.contains("Chatbot for claims") && full.body.contains("Secret voice cloning"))
            #expect(full.body.components(separatedBy: "<p>About</p>").count == 3)  // both cases' papers
            #expect(!full.body.contains("Not in your pack"))
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            #expect(try await owner.get("/meetings/\(meeting)/pack").status == .notFound)

            // The meeting page links it
            #expect(try await turing.get("/meetings/\(meeting)").body.contains("/meetings/\(meeting)/pack"))
        }
        // Each generation goes to the view log
        let logged = try await c.app.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'meeting.pack_generated'")
        }
        #expect(logged == 3)
    }
}
