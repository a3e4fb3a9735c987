import Foundation

/// The forms of the meeting page that carry text, each decoded and checked on its own.

/// A free agenda item: a title and a Markdown note.
struct AgendaItemForm: PageForm {
    let title: String
    let note: String
    init(_ fields: FormFields) {
        title = fields["title"]
        note = fields.raw("note").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var values: [String: String] { ["title": title, "note": note] }
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if let problem = Validate.text(title, max: FieldLimits.title) { errors.add("title", problem == .error_required ? .agenda_error_title : problem) }
        if let problem = Validate.text(note, max: FieldLimits.longText, required: false) { errors.add("note", problem) }
        return errors
    }
}

/// The roll of votes on one item (`vote_<user>`, `dissent_<user>`), the proposal, the decision's text and
/// its conditions. Who may vote is known only from the meeting, so the voters are checked with `validate(voters:)`.
struct VoteForm: PageForm {
    let fields: [String: String]
    let rawOutcome: String
    let decision: String
    let conditions: ConditionRows
    /// AI Act obligations of the item's case ticked to become conditions, each with its owner and due date.
    let obligations: AIActObligationChoice

    init(_ form: FormFields) {
        var fields: [String: String] = [:]
        for name in form.names where name.hasPrefix("vote_") || name.hasPrefix("dissent_") { fields[name] = form[name] }
        self.fields = fields
        rawOutcome = form["outcome"]
        decision = form.raw("decision").trimmingCharacters(in: .whitespacesAndNewlines)
        conditions = ConditionRows(form)
        obligations = AIActObligationChoice(form)
    }

    var values: [String: String] {
        fields.merging(conditions.values) { $1 }.merging(["outcome": rawOutcome, "decision": decision]) { $1 }
            .merging(obligations.values) { $1 }
    }

    func choice(_ userId: Int64) -> VoteChoice? { VoteChoice(rawValue: fields["vote_\(userId)"] ?? "") }
    func dissent(_ userId: Int64) -> String { fields["dissent_\(userId)"] ?? "" }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if decision.isEmpty { errors.add("decision", .vote_error_decision) }
        if let problem = Validate.text(decision, max: FieldLimits.longText, required: false) { errors.add("decision", problem) }
        return errors
    }

    /// A choice for every eligible voter, dissents within the limit.
    func validate(voters: [Int64]) -> FieldErrors {
        var errors = FieldErrors()
        for id in voters {
            if choice(id) == nil { errors.add("vote_\(id)", .error_vote_choice) }
            if let problem = Validate.text(dissent(id), max: FieldLimits.dissent, required: false) { errors.add("dissent_\(id)", problem) }
        }
        return errors
    }
}
