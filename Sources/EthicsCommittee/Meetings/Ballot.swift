import GRDB

/// A member's ballot on an item whose vote is open: their own, or recorded for them by the secretary from a
/// show of hands. It changes until the vote closes, when it is copied into the item's `votes`.
public struct Ballot: Sendable, Equatable, FetchableRecord {
    public var itemId: Int64
    public var userId: Int64
    public var name: String
    public var choice: VoteChoice
    public var dissent: String
    public var castBy: Int64
    public var castAt: String

    /// Recorded by the secretary for the member (a show of hands), not cast on the member's own device.
    public var bySecretary: Bool { castBy != userId }

    public init(row: Row) {
        itemId = row["item_id"]; userId = row["user_id"]; name = row["name"]
        choice = VoteChoice(rawValue: row["choice"]) ?? .abstain; dissent = row["dissent"]
        castBy = row["cast_by"]; castAt = row["cast_at"]
    }
}

extension MeetingRecord {
    /// The vote on an item as the policy needs it.
    func voteFacts(_ item: AgendaItem) -> ItemVoteFacts {
        ItemVoteFacts(meetingHeld: meeting.status == .held, opened: item.voteOpenedAt != nil, decided: item.decidedAt != nil)
    }

    /// One person's ballot on an item as the policy needs it, from the record (`BallotStore.facts` reads the same from the rows).
    func ballotFacts(_ item: AgendaItem, userId: Int64) -> BallotFacts {
        let invitee = invitees.first { $0.userId == userId }
        return BallotFacts(vote: voteFacts(item), invited: invitee != nil, present: invitee?.attendance == .present,
                           voting: voters.contains { $0.userId == userId }, recused: recused(item).contains(userId))
    }
}
