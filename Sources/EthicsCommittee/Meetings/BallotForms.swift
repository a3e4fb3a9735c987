import Foundation

/// The forms of a vote open to the members' ballots, each decoded and checked on its own.

/// A member's own ballot: for, against or abstain, and an optional dissent note.
struct BallotForm: PageForm {
    let rawChoice: String
    let dissent: String
    init(_ fields: FormFields) {
        rawChoice = fields["choice"]
        dissent = fields.raw("dissent").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var choice: VoteChoice? { VoteChoice(rawValue: rawChoice) }
    var values: [String: String] { ["choice": rawChoice, "dissent": dissent] }
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if choice == nil { errors.add("choice", .error_vote_choice) }
        if let problem = Validate.text(dissent, max: FieldLimits.dissent, required: false) { errors.add("dissent", problem) }
        return errors
    }
}

/// The secretary recording a member's vote by show of hands: who, their choice, an optional dissent note.
struct HandsForm: PageForm {
    let rawVoter: String
    let ballot: BallotForm
    init(_ fields: FormFields) {
        rawVoter = fields["voter_id"]
        ballot = BallotForm(fields)
    }
    var voterId: Int64? { RequestNumber.id(rawVoter) }
    var values: [String: String] { ballot.values.merging(["voter_id": rawVoter]) { $1 } }
    func validate() -> FieldErrors {
        var errors = ballot.validate()
        if voterId == nil { errors.add("voter_id", .ballot_error_voter) }
        return errors
    }
}

/// Closing the vote: the proposal put to the vote, the decision's text, its conditions, and the "I understand"
/// box (no ballot changes once the vote is closed).
struct CloseVoteForm: PageForm {
    let rawOutcome: String
    let decision: String
    let conditions: ConditionRows
    /// AI Act obligations of the item's case ticked to become conditions, each with its owner and due date.
    let obligations: AIActObligationChoice
    let confirmed: Bool
    init(_ fields: FormFields) {
        rawOutcome = fields["outcome"]
        decision = fields.raw("decision").trimmingCharacters(in: .whitespacesAndNewlines)
        conditions = ConditionRows(fields)
        obligations = AIActObligationChoice(fields)
        confirmed = Confirmation.given(fields)
    }
    /// The box stays ticked only if it was ticked (an empty string would still tick it in the template).
    var values: [String: String] {
        conditions.values.merging(["outcome": rawOutcome, "decision": decision]) { $1 }
            .merging(confirmed ? [Confirmation.field: "1"] : [:]) { $1 }.merging(obligations.values) { $1 }
    }
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if decision.isEmpty { errors.add("decision", .vote_error_decision) }
        if let problem = Validate.text(decision, max: FieldLimits.longText, required: false) { errors.add("decision", problem) }
        if !confirmed { errors.add(Confirmation.field, .vote_close_confirm_required) }
        return errors
    }
}
