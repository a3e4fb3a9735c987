import Testing
@testable import EthicsCommittee

/// The ballot questions of the policy as a table: who may open, follow, close a vote, record a show of hands, and
/// cast a ballot, in every state of the vote and of the voter.
@Suite struct BallotPolicyTests {
    static let planned = ItemVoteFacts(meetingHeld: false, opened: false, decided: false)
    static let held = ItemVoteFacts(meetingHeld: true, opened: false, decided: false)
    static let open = ItemVoteFacts(meetingHeld: true, opened: true, decided: false)
    static let closed = ItemVoteFacts(meetingHeld: true, opened: true, decided: true)
    static let rolled = ItemVoteFacts(meetingHeld: true, opened: false, decided: true)

    @Test(arguments: Role.allCases)
    func theSecretaryRunsTheVote(_ role: Role) {
        let actor = Requester(userId: 7, role: role)
        let staff = role == .admin || role == .secretary
        func decide(_ action: Action) -> Decision { Policy.decide(actor, action) }
        #expect(decide(.openVote(Self.held)) == (staff ? .allow : .notFound))
        for vote in [Self.planned, Self.open, Self.closed, Self.rolled] { #expect(decide(.openVote(vote)) == .notFound) }
        #expect(decide(.closeVote(Self.open)) == (staff ? .allow : .notFound))
        #expect(decide(.recordBallot(Self.open)) == (staff ? .allow : .notFound))
        #expect(decide(.followVote(Self.open)) == (staff ? .allow : .notFound))
        for vote in [Self.planned, Self.held, Self.closed, Self.rolled] {
            #expect(decide(.closeVote(vote)) == .notFound)
            #expect(decide(.recordBallot(vote)) == .notFound)
        }
        #expect(Policy.decide(nil, .openVote(Self.held)) == .signInRequired)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let facts: BallotFacts
        let refusal: String?
        var testDescription: String { "\(facts) → \(refusal ?? "may vote")" }
    }

    static let rows: [Row] = [
        Row(facts: BallotFacts(vote: open, invited: true, present: true, voting: true, recused: false), refusal: nil),
        Row(facts: BallotFacts(vote: closed, invited: true, present: true, voting: true, recused: false), refusal: "ballot_error_closed"),
        Row(facts: BallotFacts(vote: rolled, invited: true, present: true, voting: true, recused: false), refusal: "ballot_error_closed"),
        Row(facts: BallotFacts(vote: held, invited: true, present: true, voting: true, recused: false), refusal: "ballot_error_not_open"),
        Row(facts: BallotFacts(vote: planned, invited: true, present: false, voting: true, recused: false), refusal: "ballot_error_not_open"),
        Row(facts: BallotFacts(vote: open, invited: true, present: false, voting: true, recused: false), refusal: "ballot_error_not_present"),
        Row(facts: BallotFacts(vote: open, invited: false, present: false, voting: true, recused: false), refusal: "ballot_error_not_present"),
        Row(facts: BallotFacts(vote: open, invited: true, present: true, voting: false, recused: false), refusal: "ballot_error_not_voting"),
        Row(facts: BallotFacts(vote: open, invited: true, present: true, voting: true, recused: true), refusal: "ballot_error_recused"),
    ]

    @Test(arguments: rows)
    func aBallotIsTheVotersOwnWhileTheVoteIsOpen(_ row: Row) {
        #expect(Policy.ballotRefusal(row.facts) == row.refusal)
        for role in Role.allCases {
            let expected: Decision = row.refusal == nil && (role == .member || role == .expert) ? .allow : .notFound
            #expect(Policy.decide(Requester(userId: 7, role: role), .castBallot(row.facts)) == expected, Comment(rawValue: role.rawValue))
        }
        #expect(Policy.decide(Requester(userId: 7, role: .member, onboarded: false), .castBallot(row.facts)) == .onboardingRequired)
    }
}
