import Foundation

/// Opening a written procedure on a case: the decision form (outcome, opinion, references, conditions) plus the
/// procedure's text and deadline. The deadline (committee's local time) is checked against now by the controller.
struct WrittenCaseForm: PageForm {
    let decision: DecisionForm
    let text: String
    let deadline: String

    init(_ fields: FormFields) {
        decision = DecisionForm(fields)
        text = fields.raw("text").trimmingCharacters(in: .whitespacesAndNewlines)
        deadline = fields["deadline"]
    }

    var values: [String: String] { decision.values.merging(["text": text, "deadline": deadline]) { $1 } }

    func validate() -> FieldErrors {
        var errors = decision.validate()
        if let problem = Validate.text(text, max: FieldLimits.longText) { errors.add("text", problem == .error_required ? .error_written_text : problem) }
        if deadline.isEmpty { errors.add("deadline", .error_written_deadline) }
        return errors
    }
}

/// Opening a written procedure on a free motion: a title, a text, a deadline, optionally the deliverable it adopts.
struct WrittenMotionForm: PageForm {
    let title: String
    let text: String
    let deadline: String
    let rawDeliverable: String

    init(_ fields: FormFields) {
        title = fields["title"]
        text = fields.raw("text").trimmingCharacters(in: .whitespacesAndNewlines)
        deadline = fields["deadline"]
        rawDeliverable = fields["deliverable_id"]
    }

    var deliverableId: Int64? { Int64(rawDeliverable) }

    var values: [String: String] { ["title": title, "text": text, "deadline": deadline, "deliverable_id": rawDeliverable] }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if let problem = Validate.text(title, max: FieldLimits.title) { errors.add("title", problem) }
        if let problem = Validate.text(text, max: FieldLimits.longText) { errors.add("text", problem == .error_required ? .error_written_text : problem) }
        if deadline.isEmpty { errors.add("deadline", .error_written_deadline) }
        if !rawDeliverable.isEmpty && deliverableId == nil { errors.add("deliverable_id", .error_choice) }
        return errors
    }
}

/// A voter's ballot: for, against or abstain, with optional reasoning.
struct WrittenBallotForm: PageForm {
    let rawChoice: String
    let choice: VoteChoice?
    let reasoning: String

    init(_ fields: FormFields) {
        rawChoice = fields["choice"]
        choice = VoteChoice(rawValue: rawChoice)
        reasoning = fields.raw("reasoning").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var values: [String: String] { ["choice": rawChoice, "reasoning": reasoning] }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if choice == nil { errors.add("choice", .error_written_choice) }
        if let problem = Validate.text(reasoning, max: FieldLimits.dissent, required: false) { errors.add("reasoning", problem) }
        return errors
    }
}
