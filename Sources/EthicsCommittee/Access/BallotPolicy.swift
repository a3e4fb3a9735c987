/// What the policy needs to know about the vote on one agenda item (members voting themselves, in session).
public struct ItemVoteFacts: Sendable, Equatable {
    public let meetingHeld: Bool
    /// The secretary opened the vote to the members' ballots.
    public let opened: Bool
    /// The item has its result: the vote is closed (or the secretary recorded the roll).
    public let decided: Bool
    public init(meetingHeld: Bool, opened: Bool, decided: Bool) {
        self.meetingHeld = meetingHeld; self.opened = opened; self.decided = decided
    }
    /// Ballots may be cast and changed.
    public var isOpen: Bool { meetingHeld && opened && !decided }
}

/// What the policy needs to know about one person's ballot on an item.
public struct BallotFacts: Sendable, Equatable {
    public let vote: ItemVoteFacts
    public let invited: Bool
    public let present: Bool
    /// Their seat carries a vote.
    public let voting: Bool
    /// Recused from the item's case.
    public let recused: Bool
    public init(vote: ItemVoteFacts, invited: Bool, present: Bool, voting: Bool, recused: Bool) {
        self.vote = vote; self.invited = invited; self.present = present; self.voting = voting; self.recused = recused
    }
}

extension Policy {
    /// Opening, following, closing a vote and recording a show of hands are the secretary's; a ballot is the
    /// voter's own, and only while the vote is open (`ballotRefusal` says why not).
    static func decideBallot(_ actor: Requester, _ action: Action) -> Decision {
        let staff = actor.role == .admin || actor.role == .secretary
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .openVote(let vote):
            return allow(staff && vote.meetingHeld && !vote.opened && !vote.decided)
        case .followVote(let vote):
            return allow(staff && vote.opened)
        case .closeVote(let vote), .recordBallot(let vote):
            return allow(staff && vote.isOpen)
        case .castBallot(let facts):
            return allow(hasBallot(actor) && ballotRefusal(facts) == nil)
        default:
            return .notFound
        }
    }

    /// Who has a ballot at all: the members and experts who sit on the committee (never the staff nor project
    /// owners). One of them who may see the meeting is told why they may not vote now (`ballotRefusal`).
    static func hasBallot(_ actor: Requester) -> Bool { actor.role.sitsOnCommittee }

    /// Why this person may not cast a ballot now (a catalogue key), or nil when they may. The store asks the
    /// same question inside its write, from the rows as they are then, so a race meets the same rule.
    static func ballotRefusal(_ facts: BallotFacts) -> String? {
        let vote = facts.vote
        if vote.decided { return "ballot_error_closed" }
        if !vote.meetingHeld || !vote.opened { return "ballot_error_not_open" }
        if !facts.invited || !facts.present { return "ballot_error_not_present" }
        if !facts.voting { return "ballot_error_not_voting" }
        if facts.recused { return "ballot_error_recused" }
        return nil
    }
}
