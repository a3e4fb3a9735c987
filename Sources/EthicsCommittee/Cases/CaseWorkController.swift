import Foundation
import GRDB
import Hummingbird

/// The review work on a case: reviewers, recusal, reviews, discussion, questions to the submitter,
/// the conditions of its decision (decided by a meeting's vote or a written procedure, `WrittenCaseController`). Each form re-renders the case page with its message on error.
struct CaseWorkController {
    let cases: CaseStore
    let reviews: CaseReviewStore
    let decisions: CaseDecisionStore
    let users: UserStore
    let charter: CharterStore
    let sessions: SessionStore
    let renderer: Renderer
    let builder: CaseShowBuilder
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post(RouterPath(Paths.caseReviewersPattern), use: assign)
        router.post(RouterPath(Paths.caseRecusePattern), use: recuse)
        router.post(RouterPath(Paths.caseReviewPattern), use: review)
        router.post(RouterPath(Paths.caseCommentsPattern), use: comment)
        router.post(RouterPath(Paths.caseCommentEditPattern), use: editComment)
        router.post(RouterPath(Paths.caseQuestionsPattern), use: ask)
        router.post(RouterPath(Paths.caseAnswersPattern), use: answer)
        router.post(RouterPath(Paths.caseConditionMetPattern), use: meetCondition)
    }

    private func done(_ found: Case, _ flash: MessageKey, _ context: AppRequestContext) async throws -> Response {
        return try await sessions.redirect(to: Paths.case(found.id), flash: flash, context)
    }

    private func refuse(_ found: Case, _ facts: CaseFacts, _ key: String, _ context: AppRequestContext) async throws -> Response {
        try await builder.refusal(found, facts, key, context: context, renderer: renderer)
    }

    /// The case page again with one refused form kept as sent, its messages beside its fields.
    private func refuse(_ found: Case, _ facts: CaseFacts, _ context: AppRequestContext,
                        _ form: WritableKeyPath<CaseShowForms, FormState>, _ state: FormState) async throws -> Response {
        var forms = CaseShowForms()
        forms[keyPath: form] = state
        return try await builder.refusal(found, facts, forms: forms, context: context, renderer: renderer)
    }

    func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.manageCase(facts))
        let form = AssignmentForm(context.form), language = context.language
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            try await refuse(found, facts, context, \.assignment, form.refused(errors, message: message, language))
        }
        guard [.submitted, .inReview].contains(found.status) else { return try await refused(FieldErrors(), "transition_not_from_status") }
        var errors = form.validate()
        // The field holds an e-mail or a name, resolved among the candidates; someone else is refused next to it.
        let candidate = errors.isEmpty
            ? try await reviews.candidate(caseId: found.id, team: found.team, vendor: found.vendor, named: form.rawReviewer) : nil
        if errors.isEmpty && candidate == nil { errors.add("reviewer_id", .error_reviewer_unknown) }
        if !Formats.isISODate(form.dueOn) || form.dueOn < formats.localISODate() { errors.add("due_on", .error_due_date) }
        guard errors.isEmpty, let candidate else { return try await refused(errors) }
        // Only someone who accepted the charter in force may review against it.
        guard try await charter.hasAcknowledgedCurrentSubstantive(userId: candidate.userId) else {
            return try await refused(.on("reviewer_id", .error_reviewer_not_acknowledged))
        }
        // A likely conflict must be confirmed: the secretary ticks that it was checked.
        if candidate.conflictWith != nil && !form.conflictChecked { return try await refused(.on("conflict_checked", .error_reviewer_conflict)) }
        try await reviews.assign(caseId: found.id, userId: candidate.userId, dueOn: form.dueOn, by: context.auditActor)
        return try await done(found, .flash_reviewer_assigned, context)
    }

    func recuse(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.reviewCase(facts))
        let form = RecusalForm(context.form), language = context.language
        // The page no longer offers the form: the message goes at the top.
        guard Policy.decide(context.actor, .recuse(facts)) == .allow else { return try await refuse(found, facts, "error_recusal_closed", context) }
        let errors = form.validate()
        // Irreversible: the form's "I understand" box must be ticked.
        guard errors.isEmpty, Confirmation.given(context.form) else {
            return try await refuse(found, facts, context, \.recusal,
                                    form.refused(errors, message: errors.isEmpty ? "error_confirm_recusal" : nil, language))
        }
        try await reviews.recuse(caseId: found.id, userId: context.session!.user.id, reason: form.reason, by: context.auditActor)
        // The case is no longer theirs to see: back to their list.
        return try await sessions.redirect(to: Paths.cases, flash: .flash_recused, context)
    }

    func review(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.reviewCase(facts))
        let form = ReviewForm(context.form), language = context.language
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            try await refuse(found, facts, context, \.review, form.refused(errors, message: message, language))
        }
        guard found.status == .inReview else { return try await refused(FieldErrors(), "transition_not_from_status") }
        let errors = form.validate()
        guard errors.isEmpty, let recommendation = form.recommendation else { return try await refused(errors) }
        guard let html = try? Markdown.html(form.reasoning) else { return try await refused(.on("reasoning", .error_markdown_too_large)) }
        do {
            try await reviews.review(caseId: found.id, reviewerId: context.session!.user.id, recommendation: recommendation,
                                     reasoning: form.reasoning, reasoningHTML: html, by: context.auditActor)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return try await refused(FieldErrors(), "error_already_reviewed")
        }
        return try await done(found, .flash_reviewed, context)
    }

    func comment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.viewCaseInternals(facts))
        let form = CommentForm(context.form)
        // The page no longer offers the form: the message goes at the top.
        guard Policy.decide(context.actor, .comment(facts)) == .allow else { return try await refuse(found, facts, "error_comments_closed", context) }
        let errors = form.validate()
        guard errors.isEmpty, let html = try? Markdown.html(form.body) else {
            let state = form.refused(errors.isEmpty ? .on("body", .error_too_long) : errors, context.language)
            return try await refuse(found, facts, context, \.comment, state)
        }
        try await reviews.comment(caseId: found.id, body: form.body, bodyHTML: html, by: context.auditActor)
        return try await done(found, .flash_commented, context)
    }

    /// Comments can be corrected by their author for a short while, then they are frozen.
    static let commentEditWindow: TimeInterval = 15 * 60

    func editComment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.viewCaseInternals(facts))
        guard let comment = context.parameters.get("comment", as: Int64.self) else { throw Refusal.notFound }
        let form = CommentForm(context.form), language = context.language
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            var forms = CaseShowForms()
            forms.commentEdit = form.refused(errors, message: message, language)
            forms.commentEditId = comment
            return try await builder.refusal(found, facts, forms: forms, context: context, renderer: renderer)
        }
        guard Policy.decide(context.actor, .comment(facts)) == .allow else { return try await refuse(found, facts, "error_comments_closed", context) }
        let errors = form.validate()
        guard errors.isEmpty else { return try await refused(errors) }
        guard let html = try? Markdown.html(form.body) else { return try await refused(.on("body", .error_too_long)) }
        guard try await reviews.editComment(id: comment, caseId: found.id, body: form.body, bodyHTML: html, window: Self.commentEditWindow,
                                            by: context.auditActor)
        else { return try await refuse(found, facts, "error_comment_frozen", context) }
        return try await done(found, .flash_comment_edited, context)
    }

    func ask(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.manageCase(facts))
        let form = QuestionForm(context.form), errors = form.validate()
        guard errors.isEmpty else { return try await refuse(found, facts, context, \.question, form.refused(errors, context.language)) }
        guard Policy.moveRefusal(context.actor, facts, .askInfo) == nil else {
            return try await refuse(found, facts, context, \.question, form.refused(message: "transition_not_from_status", context.language))
        }
        try await reviews.ask(caseId: found.id, from: found.status, question: form.question, by: context.auditActor)
        return try await done(found, .flash_question_asked, context)
    }

    func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.moveCase(facts))
        let form = AnswersForm(context.form)
        guard Policy.moveRefusal(context.actor, facts, .resubmit) == nil else {
            return try await refuse(found, facts, context, \.answers, form.refused(message: "transition_not_from_status", context.language))
        }
        let open = try await reviews.questions(caseId: found.id).filter { $0.answer == nil }.map(\.id)
        let errors = form.validate(open: open)
        guard errors.isEmpty else { return try await refuse(found, facts, context, \.answers, form.refused(errors, context.language)) }
        var answers: [Int64: String] = [:]
        for id in open { answers[id] = form.answers["answer.\(id)"] ?? "" }
        try await reviews.answerAndResubmit(caseId: found.id, answers: answers, by: context.auditActor)
        return try await done(found, .flash_answered, context)
    }

    func meetCondition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.manageCase(facts))
        guard let condition = context.parameters.get("condition", as: Int64.self) else { throw Refusal.notFound }
        let evidence = context.form["evidence"]
        if let problem = Validate.text(evidence, max: FieldLimits.evidence) { return try await refuse(found, facts, problem == .error_required ? "error_evidence" : problem.name, context) }
        let closed = try await decisions.meet(conditionId: condition, caseId: found.id, evidence: evidence, by: context.auditActor)
        return try await done(found, closed ? .flash_case_closed : .flash_condition_met, context)
    }
}
