import Foundation

/// The forms of the case page, each decoded and checked on its own. What needs the database (a reviewer
/// among the candidates, a condition's owner) is checked by the controller, on the same field names.

/// A comment in the internal discussion (also its correction).
struct CommentForm: PageForm {
    let body: String
    init(_ fields: FormFields) { body = fields.raw("body").trimmingCharacters(in: .whitespacesAndNewlines) }
    var values: [String: String] { ["body": body] }
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if body.isEmpty { errors.add("body", .error_comment_empty) }
        if let problem = Validate.text(body, max: FieldLimits.longText, required: false) { errors.add("body", problem) }
        return errors
    }
}

/// A question to the project owner.
struct QuestionForm: PageForm {
    let question: String
    init(_ fields: FormFields) { question = fields["question"] }
    var values: [String: String] { ["question": question] }
    func validate() -> FieldErrors {
        Validate.text(question, max: FieldLimits.question).map { FieldErrors.on("question", $0) } ?? FieldErrors()
    }
}

/// A reviewer's recommendation and reasoning.
struct ReviewForm: PageForm {
    let recommendation: Recommendation?
    let rawRecommendation: String
    let reasoning: String
    init(_ fields: FormFields) {
        rawRecommendation = fields["recommendation"]
        recommendation = Recommendation(rawValue: rawRecommendation)
        reasoning = fields.raw("reasoning").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var values: [String: String] { ["recommendation": rawRecommendation, "reasoning": reasoning] }
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if recommendation == nil { errors.add("recommendation", .error_recommendation) }
        if reasoning.isEmpty { errors.add("reasoning", .error_reasoning) }
        if let problem = Validate.text(reasoning, max: FieldLimits.longText, required: false) { errors.add("reasoning", problem) }
        return errors
    }
}

/// Assigning a reviewer with a due date.
struct AssignmentForm: PageForm {
    /// An e-mail or a name (the reviewer field suggests candidates; `CaseReviewStore.candidate` resolves it).
    let rawReviewer: String
    let dueOn: String
    let conflictChecked: Bool
    init(_ fields: FormFields) {
        rawReviewer = fields["reviewer_id"].trimmingCharacters(in: .whitespaces)
        dueOn = fields["due_on"]
        conflictChecked = fields["conflict_checked"] == "1"
    }
    /// The box stays ticked only when it was (templates treat any string as true).
    var values: [String: String] {
        var values = ["reviewer_id": rawReviewer, "due_on": dueOn]
        if conflictChecked { values["conflict_checked"] = "1" }
        return values
    }
    /// The due date is checked against the committee's today by the controller.
    func validate() -> FieldErrors {
        rawReviewer.isEmpty ? FieldErrors.on("reviewer_id", .error_reviewer_choice)
            : rawReviewer.count > 254 ? FieldErrors.on("reviewer_id", .error_reviewer_unknown) : FieldErrors()
    }
}

/// A declaration of conflict of interest.
struct RecusalForm: PageForm {
    let reason: String
    init(_ fields: FormFields) { reason = fields["reason"] }
    var values: [String: String] { ["reason": reason] }
    func validate() -> FieldErrors {
        Validate.text(reason, max: FieldLimits.recusalReason).map { FieldErrors.on("reason", $0 == .error_required ? .error_recusal_reason : $0) }
            ?? FieldErrors()
    }
}

/// The project owner's answers to the open questions, one field per question (`answer.<id>`).
struct AnswersForm: PageForm {
    let answers: [String: String]
    init(_ fields: FormFields) {
        var answers: [String: String] = [:]
        for name in fields.names where name.hasPrefix("answer.") { answers[name] = fields[name] }
        self.answers = answers
    }
    var values: [String: String] { answers }
    func validate() -> FieldErrors { FieldErrors() }
    /// Checks the answer to each open question.
    func validate(open questionIds: [Int64]) -> FieldErrors {
        var errors = FieldErrors()
        for id in questionIds {
            let field = "answer.\(id)"
            if let problem = Validate.text(answers[field] ?? "", max: FieldLimits.answer) {
                errors.add(field, problem == .error_required ? .error_answer_required : problem)
            }
        }
        return errors
    }
}

/// Conditions typed in rows `condition_text_N`, `condition_owner_N`, `condition_due_N` (decision and vote forms).
struct ConditionRows: Sendable {
    struct Row: Sendable {
        let index: Int
        let text: String
        let owner: String
        let dueOn: String
    }
    let rows: [Row]

    init(_ fields: FormFields) {
        rows = (1...FieldLimits.conditionRows).map {
            Row(index: $0, text: fields["condition_text_\($0)"], owner: fields["condition_owner_\($0)"], dueOn: fields["condition_due_\($0)"])
        }
    }

    var values: [String: String] {
        var values: [String: String] = [:]
        for row in rows {
            values["condition_text_\(row.index)"] = row.text
            values["condition_owner_\(row.index)"] = row.owner
            values["condition_due_\(row.index)"] = row.dueOn
        }
        return values
    }

    var filled: [Row] { rows.filter { !$0.text.isEmpty } }

    /// Each filled row: a text within the limit, an owner id, a date. The owner's account is checked by the controller.
    func validate(required: Bool) -> FieldErrors {
        var errors = FieldErrors()
        for row in filled {
            if let problem = Validate.text(row.text, max: FieldLimits.condition) { errors.add("condition_text_\(row.index)", problem) }
            if row.owner.isEmpty { errors.add("condition_owner_\(row.index)", .error_condition_owner) }
            if !Formats.isISODate(row.dueOn) { errors.add("condition_due_\(row.index)", .error_condition_due) }
        }
        if required && filled.isEmpty { errors.add("condition_text_1", .error_conditions_required) }
        return errors
    }
}

/// The decision on a case: outcome, opinion, references and conditions.
struct DecisionForm: PageForm {
    let rawOutcome: String
    let outcome: DecisionOutcome?
    let opinion: String
    let meetingOn: String
    let charterVersion: String
    let articles: String
    let conditions: ConditionRows
    /// AI Act obligations ticked to become conditions, each with its owner and due date.
    let obligations: AIActObligationChoice

    init(_ fields: FormFields) {
        rawOutcome = fields["outcome"]
        outcome = DecisionOutcome(rawValue: rawOutcome)
        opinion = fields.raw("opinion").trimmingCharacters(in: .whitespacesAndNewlines)
        meetingOn = fields["meeting_on"]
        charterVersion = fields["charter_version"]
        articles = fields["articles"]
        conditions = ConditionRows(fields)
        obligations = AIActObligationChoice(fields)
    }

    var values: [String: String] {
        conditions.values.merging(["outcome": rawOutcome, "opinion": opinion, "meeting_on": meetingOn,
                                   "charter_version": charterVersion, "articles": articles]) { $1 }
            .merging(obligations.values) { $1 }
    }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if outcome == nil { errors.add("outcome", .error_outcome) }
        if opinion.isEmpty { errors.add("opinion", .error_opinion) }
        if let problem = Validate.text(opinion, max: FieldLimits.longText, required: false) { errors.add("opinion", problem) }
        if let problem = Validate.text(articles, max: FieldLimits.articles, required: false) { errors.add("articles", problem) }
        if !charterVersion.isEmpty && Int(charterVersion) == nil { errors.add("charter_version", .error_charter_version) }
        if outcome == .conditions {
            for (field, key) in conditions.validate(required: obligations.ids.isEmpty).keys { errors.add(field, runtime: key) }
            for (field, key) in obligations.validate().keys { errors.add(field, runtime: key) }
        }
        return errors
    }
}

/// One condition row as the decision and vote forms show it: what was typed, the owners with the one chosen,
/// the messages. `suffix` keeps ids unique when a page holds several such forms.
struct ConditionRowView: Sendable {
    let index: Int
    let suffix: String
    let text: String
    /// The owner field: what was typed, or the default (an e-mail); `owners` are its suggestions.
    let owner: String
    let owners: [Choice]
    let dueOn: String
    let textError: String?
    let ownerError: String?
    let dueError: String?

    /// The rows of a form in `state`, owners suggested from `owners` (e-mail, name), `fallback` typed by default.
    static func rows(_ state: FormState, owners: [(value: String, label: String)], fallback: String?, suffix: String = "") -> [ConditionRowView] {
        let suggestions = owners.map { Choice(value: $0.value, label: $0.label, selected: false) }
        return (1...FieldLimits.conditionRows).map { index in
            ConditionRowView(index: index, suffix: suffix, text: state.value("condition_text_\(index)"),
                             owner: state.values["condition_owner_\(index)"] ?? fallback ?? "", owners: suggestions,
                             dueOn: state.value("condition_due_\(index)"),
                             textError: state.errors["condition_text_\(index)"], ownerError: state.errors["condition_owner_\(index)"],
                             dueError: state.errors["condition_due_\(index)"])
        }
    }
}
