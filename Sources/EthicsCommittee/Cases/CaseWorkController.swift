import Foundation
import GRDB
import Hummingbird

/// The review work on a case: reviewers, recusal, reviews, discussion, questions to the submitter,
/// the decision and its conditions. Each form re-renders the case page with its message on error.
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
        router.post(RouterPath(Paths.caseDecisionPattern), use: decide)
        router.post(RouterPath(Paths.caseConditionMetPattern), use: meetCondition)
    }

    private func done(_ found: Case, _ flash: String, _ context: AppRequestContext) async throws -> Response {
        if let session = context.session { try await sessions.setFlash(Flash.encode(flash), idHash: session.idHash) }
        return .redirect(to: Paths.case(found.id))
    }

    private func refuse(_ found: Case, _ facts: CaseFacts, _ key: String, _ context: AppRequestContext) async throws -> Response {
        try await builder.refusal(found, facts, key, context: context, renderer: renderer)
    }

    func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.manageCase(facts))
        guard [.submitted, .inReview].contains(found.status) else { return try await refuse(found, facts, "transition_not_from_status", context) }
        let due = context.form["due_on"]
        guard let userId = Int64(context.form["reviewer_id"]),
              let candidate = try await reviews.candidates(caseId: found.id, team: found.team, vendor: found.vendor)
                .first(where: { $0.userId == userId })
        else { return try await refuse(found, facts, "error_reviewer_choice", context) }
        guard Formats.isISODate(due), due >= formats.localISODate() else { return try await refuse(found, facts, "error_due_date", context) }
        // Only someone who accepted the charter in force may review against it.
        guard try await charter.hasAcknowledgedCurrentSubstantive(userId: userId) else {
            return try await refuse(found, facts, "error_reviewer_not_acknowledged", context)
        }
        // A likely conflict must be confirmed: the secretary ticks that it was checked.
        if candidate.conflictWith != nil && context.form["conflict_checked"] != "1" {
            return try await refuse(found, facts, "error_reviewer_conflict", context)
        }
        try await reviews.assign(caseId: found.id, userId: userId, dueOn: due, by: context.auditActor)
        return try await done(found, "flash_reviewer_assigned", context)
    }

    func recuse(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.reviewCase(facts))
        guard Policy.decide(context.actor, .recuse(facts)) == .allow else { return try await refuse(found, facts, "error_recusal_closed", context) }
        let reason = context.form["reason"]
        if let problem = Validate.text(reason, max: 1000) { return try await refuse(found, facts, problem == "error_required" ? "error_recusal_reason" : problem, context) }
        // Irreversible: the form's "I understand" box must be ticked.
        guard Confirmation.given(context.form) else { return try await refuse(found, facts, "error_confirm_recusal", context) }
        try await reviews.recuse(caseId: found.id, userId: context.session!.user.id, reason: reason, by: context.auditActor)
        // The case is no longer theirs to see: back to their list.
        if let session = context.session { try await sessions.setFlash(Flash.encode("flash_recused"), idHash: session.idHash) }
        return .redirect(to: Paths.cases)
    }

    func review(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.reviewCase(facts))
        guard found.status == .inReview else { return try await refuse(found, facts, "transition_not_from_status", context) }
        guard let recommendation = Recommendation(rawValue: context.form["recommendation"]) else {
            return try await refuse(found, facts, "error_recommendation", context)
        }
        let reasoning = context.form.raw("reasoning").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reasoning.isEmpty else { return try await refuse(found, facts, "error_reasoning", context) }
        guard let html = try? Markdown.html(reasoning) else { return try await refuse(found, facts, "error_markdown_too_large", context) }
        do {
            try await reviews.review(caseId: found.id, reviewerId: context.session!.user.id, recommendation: recommendation,
                                     reasoning: reasoning, reasoningHTML: html, by: context.auditActor)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return try await refuse(found, facts, "error_already_reviewed", context)
        }
        return try await done(found, "flash_reviewed", context)
    }

    func comment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.viewCaseInternals(facts))
        guard Policy.decide(context.actor, .comment(facts)) == .allow else { return try await refuse(found, facts, "error_comments_closed", context) }
        let body = context.form.raw("body").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { return try await refuse(found, facts, "error_comment_empty", context) }
        guard body.utf8.count <= 20_000, let html = try? Markdown.html(body) else { return try await refuse(found, facts, "error_too_long", context) }
        try await reviews.comment(caseId: found.id, body: body, bodyHTML: html, by: context.auditActor)
        return try await done(found, "flash_commented", context)
    }

    /// Comments can be corrected by their author for a short while, then they are frozen.
    static let commentEditWindow: TimeInterval = 15 * 60

    func editComment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.viewCaseInternals(facts))
        guard let comment = context.parameters.get("comment", as: Int64.self) else { throw AppError.notFound }
        guard Policy.decide(context.actor, .comment(facts)) == .allow else { return try await refuse(found, facts, "error_comments_closed", context) }
        let body = context.form.raw("body").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { return try await refuse(found, facts, "error_comment_empty", context) }
        guard body.utf8.count <= 20_000, let html = try? Markdown.html(body) else { return try await refuse(found, facts, "error_too_long", context) }
        guard try await reviews.editComment(id: comment, caseId: found.id, body: body, bodyHTML: html, window: Self.commentEditWindow,
                                            by: context.auditActor)
        else { return try await refuse(found, facts, "error_comment_frozen", context) }
        return try await done(found, "flash_comment_edited", context)
    }

    func ask(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.manageCase(facts))
        let question = context.form["question"]
        if let problem = Validate.text(question, max: 2000) { return try await refuse(found, facts, problem, context) }
        guard case .success = CaseLifecycle.apply(.askInfo, from: found.status, by: .staff) else {
            return try await refuse(found, facts, "transition_not_from_status", context)
        }
        try await reviews.ask(caseId: found.id, from: found.status, question: question, by: context.auditActor)
        return try await done(found, "flash_question_asked", context)
    }

    func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.moveCase(facts))
        guard case .success = CaseLifecycle.apply(.resubmit, from: found.status, by: builder.mover(found, context)) else {
            return try await refuse(found, facts, "transition_not_from_status", context)
        }
        var answers: [Int64: String] = [:]
        for question in try await reviews.questions(caseId: found.id) where question.answer == nil {
            let text = context.form["answer.\(question.id)"]
            if let problem = Validate.text(text, max: 5000) { return try await refuse(found, facts, problem == "error_required" ? "error_answer_required" : problem, context) }
            answers[question.id] = text
        }
        try await reviews.answerAndResubmit(caseId: found.id, answers: answers, by: context.auditActor)
        return try await done(found, "flash_answered", context)
    }

    func decide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.manageCase(facts))
        guard found.status == .inReview else { return try await refuse(found, facts, "transition_not_from_status", context) }
        let form = context.form
        guard let outcome = DecisionOutcome(rawValue: form["outcome"]) else { return try await refuse(found, facts, "error_outcome", context) }
        let opinion = form.raw("opinion").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !opinion.isEmpty else { return try await refuse(found, facts, "error_opinion", context) }
        guard let opinionHTML = try? Markdown.html(opinion) else { return try await refuse(found, facts, "error_markdown_too_large", context) }
        // A high-risk case is decided only in a meeting, through the vote on its agenda item.
        guard Policy.decide(context.actor, .decideOutsideMeeting(facts)) == .allow else {
            return try await refuse(found, facts, "error_decide_in_meeting", context)
        }
        let path = ReviewPath(tier: found.riskTier)
        if outcome != .deferred {
            let reviewers = try await reviews.reviewers(caseId: found.id)
            let written = try await reviews.reviews(caseId: found.id)
            let external = written.filter { review in reviewers.first { $0.userId == review.reviewerId }?.external == true }.count
            if let missing = path.missing(reviews: written.count, externalReviews: external) { return try await refuse(found, facts, missing, context) }
        }
        var conditions: [NewCondition] = []
        if outcome == .conditions {
            for index in 1...5 {
                let text = form["condition_text_\(index)"]
                if text.isEmpty { continue }
                guard text.count <= 1000, let owner = Int64(form["condition_owner_\(index)"]),
                      ConditionOwners.allowed(try await users.find(id: owner), facts),
                      Formats.isISODate(form["condition_due_\(index)"])
                else { return try await refuse(found, facts, "error_condition", context) }
                conditions.append(NewCondition(text: text, ownerId: owner, dueOn: form["condition_due_\(index)"]))
            }
            guard !conditions.isEmpty else { return try await refuse(found, facts, "error_conditions_required", context) }
        }
        let articles = form["articles"]
        guard articles.count <= 500 else { return try await refuse(found, facts, "error_too_long", context) }
        do {
            try await decisions.decide(caseId: found.id, outcome: outcome, opinion: opinion, opinionHTML: opinionHTML,
                                       charterVersion: RequestNumber.int(form["charter_version"], in: 1...1_000_000), articles: articles,
                                       procedure: "written", meetingOn: nil, conditions: conditions, by: context.auditActor)
        } catch let refusal as CaseLifecycle.Refusal {
            // Someone else decided first: say so on the case page, with what this person typed.
            return try await refuse(found, facts, refusal.key, context)
        }
        return try await done(found, outcome == .deferred ? "flash_deferred" : "flash_decided", context)
    }

    func meetCondition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.manageCase(facts))
        guard let condition = context.parameters.get("condition", as: Int64.self) else { throw AppError.notFound }
        let evidence = context.form["evidence"]
        if let problem = Validate.text(evidence, max: 2000) { return try await refuse(found, facts, problem == "error_required" ? "error_evidence" : problem, context) }
        let closed = try await decisions.meet(conditionId: condition, caseId: found.id, evidence: evidence, by: context.auditActor)
        return try await done(found, closed ? "flash_case_closed" : "flash_condition_met", context)
    }
}
