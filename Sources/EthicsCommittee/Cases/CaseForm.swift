import Foundation

/// Decodes and validates the case form; on failure the page is re-rendered with these values.
struct CaseForm: Sendable {
    var draft: CaseDraft
    var submitterId: Int64?
    /// The project owner field of a new case filed by the staff: an e-mail or a name (empty: the staff member).
    var submitter = ""
    var errors = FieldErrors()

    init(draft: CaseDraft, submitterId: Int64? = nil) { self.draft = draft; self.submitterId = submitterId }

    static var empty: CaseForm {
        CaseForm(draft: CaseDraft(title: "", team: "", vendor: "", kind: .tool, customerFacing: false, personalData: false,
                                  confidential: false, description: "", answers: [:], notes: [:]))
    }

    init(_ fields: FormFields) {
        var answers: [String: Readiness.Answer] = [:], notes: [String: String] = [:]
        for question in Readiness.questionIds {
            if let answer = Readiness.Answer(rawValue: fields["answer." + question]) { answers[question] = answer }
            let note = fields["note." + question]
            if !note.isEmpty { notes[question] = note }
        }
        draft = CaseDraft(title: fields["title"], team: fields["team"], vendor: fields["vendor"],
                          kind: CaseKind(rawValue: fields["kind"]) ?? .other, customerFacing: fields["customer_facing"] == "1",
                          personalData: fields["personal_data"] == "1", confidential: fields["confidential"] == "1",
                          description: fields.raw("description").trimmingCharacters(in: .whitespacesAndNewlines),
                          answers: answers, notes: notes)
        draft.aiActAnswers = AIActFormSection.answers(fields)
        submitter = fields["submitter_id"].trimmingCharacters(in: .whitespaces)
        if CaseKind(rawValue: fields["kind"]) == nil { errors.add("kind", .error_choice) }
        if let problem = Validate.text(draft.title, max: 200) { errors.add("title", problem) }
        if let problem = Validate.text(draft.team, max: 200) { errors.add("team", problem) }
        if let problem = Validate.text(draft.vendor, max: 200, required: false) { errors.add("vendor", problem) }
        if draft.description.isEmpty { errors.add("description", .error_required) }
        if draft.description.utf8.count > Markdown.maxBytes { errors.add("description", .error_markdown_too_large) }
        for (question, note) in notes where note.count > 1000 { errors.add("note." + question, .error_too_long) }
        // Contradictions in the AI Act answers are refused at once; unanswered questions only block submission.
        for problem in AIActClassifier.problems(draft.aiActAnswers) { errors.add(AIActFormSection.field(problem.question), runtime: problem.key) }
    }

    /// Every readiness question must be answered before the case is submitted (a draft may be partial).
    var unansweredQuestions: [String] { Readiness.questionIds.filter { draft.answers[$0] == nil } }
}
