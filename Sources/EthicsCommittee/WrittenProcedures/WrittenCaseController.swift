import Foundation
import Hummingbird

/// Opening a written procedure on a case, from the case page's form: the proposed decision (as the decision form
/// gives it, checked as a decision is: reviews required by the case's path, condition owners who may open the
/// case), a text and a deadline. A refusal shows the case page again with everything typed (422).
struct WrittenCaseController {
    let cases: CaseStore
    let reviews: CaseReviewStore
    let users: UserStore
    let store: WrittenProcedureStore
    let sessions: SessionStore
    let renderer: Renderer
    let builder: CaseShowBuilder
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post(RouterPath(Paths.caseWrittenPattern), use: open)
    }

    /// The deadline typed in the committee's local time, as a stored UTC timestamp, if it lies in the future;
    /// otherwise a message on the `deadline` field.
    static func deadline(_ input: String, formats: Formats, errors: inout FieldErrors) -> String? {
        guard !input.isEmpty else { return nil }  // already "required"
        guard let stored = formats.storedTimestamp(fromLocal: input) else {
            errors.add("deadline", .error_written_deadline); return nil
        }
        guard stored > Timestamp.string(formats.clock.now) else { errors.add("deadline", .written_error_deadline_past); return nil }
        return stored
    }

    func open(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.manageCase(facts))
        let form = WrittenCaseForm(context.form), language = context.language
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            var forms = CaseShowForms()
            forms.decision = form.refused(errors, message: message, language)
            return try await builder.refusal(found, facts, forms: forms, context: context, renderer: renderer)
        }
        guard found.status == .inReview else { return try await refused(FieldErrors(), "transition_not_from_status") }
        // A high-risk case is decided only in a meeting, through the vote on its agenda item.
        guard Policy.decide(context.actor, .openWrittenProcedure(facts)) == .allow else {
            return try await refused(FieldErrors(), "error_decide_in_meeting")
        }
        var errors = form.validate()
        let deadline = Self.deadline(form.deadline, formats: formats, errors: &errors)
        let decision = form.decision
        if let outcome = decision.outcome, outcome != .deferred {
            let reviewers = try await reviews.reviewers(caseId: found.id)
            let written = try await reviews.reviews(caseId: found.id)
            let external = written.filter { review in reviewers.first { $0.userId == review.reviewerId }?.external == true }.count
            if let missing = ReviewPath(tier: found.riskTier).missing(reviews: written.count, externalReviews: external) {
                return try await refused(errors, missing)
            }
        }
        var conditions: [NewCondition] = []
        if decision.outcome == .conditions {
            conditions = try await ConditionOwners.conditions(decision.conditions, facts, users: users, errors: &errors)
            // AI Act obligations ticked on the form become conditions too (only those the classification offers).
            let offered = try await AIActStore(db: cases.db).obligations(caseId: found.id)
            conditions += try await decision.obligations.conditions(offered: offered, facts: facts, users: users, language: language,
                                                                    errors: &errors)
        }
        guard errors.isEmpty, let outcome = decision.outcome, let deadline else { return try await refused(errors) }
        guard let opinionHTML = try? Markdown.html(decision.opinion) else { return try await refused(.on("opinion", .error_markdown_too_large)) }
        guard let textHTML = try? Markdown.html(form.text) else { return try await refused(.on("text", .error_markdown_too_large)) }
        let proposal = WrittenProposal(kind: .case, caseId: found.id, deliverableId: nil, title: "", text: form.text, textHTML: textHTML,
                                       outcome: outcome, opinion: decision.opinion, opinionHTML: opinionHTML,
                                       charterVersion: RequestNumber.int(decision.charterVersion, in: 1...1_000_000),
                                       articles: decision.articles, conditions: conditions, deadline: deadline)
        let id: Int64
        do {
            id = try await store.open(proposal, by: context.auditActor)
        } catch let refusal as WrittenRefusal where refusal.key == "written_error_deadline_past" {
            return try await refused(.on("deadline", runtime: refusal.key))
        } catch let refusal as CaseLifecycle.Refusal where refusal.key.hasPrefix("aiact_refusal") {
            // A prohibited practice (Art. 5) is never proposed a favourable opinion: said at the outcome, the form kept.
            return try await refused(.on("outcome", runtime: refusal.key))
        } catch let refusal as StateRefusal {
            // Someone else opened one (or decided) first: the form is no longer offered, so the message goes at the top.
            return try await builder.refusal(found, facts, refusal.key, context: context, renderer: renderer)
        }
        return try await sessions.redirect(to: Paths.writtenProcedure(id), flash: .flash_written_opened, context)
    }
}
