/// View models of a vote open to the members' ballots, shown inside its agenda item on the meeting page.
enum BallotPages {
    /// One entitled voter in the secretary's count: whether they have voted, never how, until the vote closes.
    struct CountRow: Sendable {
        let name: String
        let status: String
        let voted: Bool
    }

    struct ItemVote: Sendable {
        let number: Int
        /// "Vote open": ballots may be cast now.
        let open: Bool
        /// The secretary's button to open the vote (held meeting, undecided item).
        let openAction: String?
        /// The secretary's count: who has voted, not how.
        let follow: Bool
        let countLine: String
        let countRows: [CountRow]
        let refreshHref: String
        /// The count as a small fragment, for `Public/js/ballot-count.js`.
        let countHref: String
        let script = Paths.ballotCountScript
        /// Recording a vote by show of hands.
        let handsAction: String?
        let handsVoters: [Choice]
        let handsChoices: [Choice]
        var handsForm: FormState
        /// Closing the vote: the proposal, the decision's text, conditions, "I understand".
        let closeAction: String?
        let closeOutcomes: [Choice]
        var closeForm: FormState
        let isCase: Bool
        var conditionRows: [ConditionRowView]
        /// The AI Act obligations of the item's case offered as conditions on the close form (set by the meeting page).
        var aiActCloseOffer: AIActOfferView? = nil
        /// The voter's own ballot form (also shown again, with what was typed, when it was refused).
        let ballotAction: String?
        let ballotChoices: [Choice]
        var ballotForm: FormState
        let dissent: String
        /// "Your vote: For — 25 Nov 2026, 14:02", and whether the secretary recorded it.
        let mine: String?
        /// Why an invitee has no ballot on this item (recused, not present, no vote).
        let notVoting: String?
    }
}
