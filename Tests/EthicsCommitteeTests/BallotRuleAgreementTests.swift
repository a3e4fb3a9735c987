import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// The ballot rule is read in three places: the page (`MeetingRecord.ballotFacts` + `Policy.ballotRefusal`), the
/// store's write (`BallotStore.facts`, from the rows) and the home page's list (`HomeStore.openBallots`, in SQL).
/// For every person in every situation, they agree.
@Suite struct BallotRuleAgreementTests {
    @Test func pageStoreAndHomeListAgreeForEveryoneInEverySituation() async throws {
        let c = try await MeetingFlowTests.committee()
        // Ada present; Bob present but recused from the case; Carol absent; Turing present without a vote
        try await c.app.services.members.saveSeat(userId: c.turing.id, external: true, position: .none, voting: false, termStart: nil,
                                                  termEnd: nil, by: .system())
        let (meeting, caseItem, freeItem) = try await BallotTests.heldMeeting(c, present: [c.ada, c.bob, c.turing])
        let secretary = AuditActor(id: c.secretary.id, label: c.secretary.email, client: "")
        // The case item's vote is open, the free item's not yet; then both, then the case item closed by the roll path
        let views = MeetingViews(meetings: c.app.services.meetings, agenda: c.app.services.agenda, minutes: c.app.services.minutes,
                                 settings: c.app.services.settings, formats: c.app.services.formats)
        let people = [c.ada, c.bob, c.carol, c.turing, c.secretary, c.owner]
        var checked = 0, allowed = 0
        func check() async throws {
            let record = try #require(try await views.record(meeting))
            for person in people {
                let listed = Set(try await HomeStore(db: c.app.database).openBallots(userId: person.id).map(\.number))
                for (index, item) in record.items.enumerated() {
                    let page = record.ballotFacts(item, userId: person.id)
                    let rows = try await c.app.database.writer.read { db in
                        try BallotStore.facts(db, itemId: item.id, meetingId: meeting, userId: person.id)
                    }
                    #expect(page == rows, Comment(rawValue: "\(person.email) item \(index + 1)"))
                    let mayVote = Policy.ballotRefusal(page) == nil
                    #expect(listed.contains(index + 1) == mayVote, Comment(rawValue: "\(person.email) item \(index + 1) home list"))
                    checked += 1
                    if mayVote { allowed += 1 }
                }
            }
        }
        try await check()
        try await c.app.services.agenda.ballots.openVote(itemId: caseItem, meetingId: meeting, by: secretary)
        try await check()
        try await c.app.services.agenda.ballots.openVote(itemId: freeItem, meetingId: meeting, by: secretary)
        try await check()
        try await c.app.services.agenda.ballots.cast(itemId: freeItem, meetingId: meeting, voterId: c.ada.id, choice: .for, dissent: "",
                                                     by: AuditActor(id: c.ada.id, label: c.ada.email, client: ""))
        _ = try await c.app.services.agenda.ballots.close(itemId: freeItem, meetingId: meeting, meetingDate: "2026-11-24",
                                                          proposal: ItemDecision(outcome: .adopted, text: "Adopted.", html: "<p>Adopted.</p>"),
                                                          by: secretary)
        try await check()
        // The table covered people who may vote and people who may not
        #expect(checked == 4 * people.count * 2 && allowed == 5)  // Ada on the case (three times), Ada and Bob on the free item once
    }
}
