import Foundation
import Testing
@testable import EthicsCommittee

/// The meetings list filters in SQL (`MeetingStore.list`); the meeting page asks `Policy` (`.viewMeeting`).
/// Both must say the same for every role, or a list would offer a meeting that then answers 404 (or hide one).
@Suite struct MeetingVisibilityTests {
    @Test func theListAndThePolicyAgreeForEveryRole() async throws {
        let app = try await TestApp.make()
        let s = app.services
        let admin = try await app.user("admin@example.org", role: .admin)
        let sec = try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member)
        let turing = try await app.user("turing@uni.example", role: .expert)
        let arendt = try await app.user("arendt@uni.example", role: .expert)
        let owner = try await app.user("owner@example.org", role: .submitter)
        for (day, invitees) in [(3, [ada.id, turing.id]), (10, [ada.id]), (17, [arendt.id, turing.id]), (24, [ada.id, arendt.id])] {
            _ = try await s.meetings.create(MeetingDraft(title: "Plenary \(day)", startsAt: "2030-12-\(day)T09:00:00.000Z", duration: 120,
                                                         place: "Room 1", videoURL: "", invitees: invitees), by: AuditActor(id: sec.id, label: sec.email, client: ""))
        }
        var all: [(Int64, MeetingFacts)] = []
        for id in Int64(1)...4 { if let (meeting, facts) = try await s.meetings.find(id: id) { all.append((meeting.id, facts)) } }
        #expect(all.count == 4)
        for user in [admin, sec, ada, turing, arendt, owner] {
            let actor = Requester(userId: user.id, role: user.role)
            let allowed = Set(all.filter { Policy.decide(actor, .viewMeeting($0.1)) == .allow }.map(\.0))
            let listed = Set(try await s.meetings.list(for: actor).map(\.id))
            #expect(listed == allowed, "\(user.role) \(user.email)")
            // The paged halves of the meetings page (issue 14) together list the same meetings
            let upcoming = try await s.meetings.list(for: actor, upcoming: true, now: "2030-12-12T00:00:00.000Z", page: 1).rows
            let past = try await s.meetings.list(for: actor, upcoming: false, now: "2030-12-12T00:00:00.000Z", page: 1).rows
            #expect(Set((upcoming + past).map(\.id)) == allowed, "paged, \(user.role) \(user.email)")
            #expect(upcoming.allSatisfy { $0.startsAt >= "2030-12-12" } && past.allSatisfy { $0.startsAt < "2030-12-12" })
        }
    }
}
