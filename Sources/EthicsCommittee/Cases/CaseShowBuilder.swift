import Foundation
import Hummingbird

/// Builds the case page for one person: what the policy lets them see and the forms they may use.
struct CaseShowBuilder: Sendable {
    /// How many people a person field suggests (its `<datalist>`); anyone allowed may still be typed.
    static let suggestions = 30
    let cases: CaseStore
    let reviews: CaseReviewStore
    let decisions: CaseDecisionStore
    let attachments: CaseAttachmentStore
    let users: UserStore
    let written: WrittenProcedureStore
    let formats: Formats

    /// The case page again, with the reason a form was refused (422).
    func refusal(_ found: Case, _ facts: CaseFacts, _ key: String, context: AppRequestContext,
                 renderer: Renderer) async throws -> Response {
        var page = try await page(found, facts, context: context)
        page.formError = Catalog.messages(context.language)[runtime: key] ?? key
        return try await renderer.page("cases/show", page, titleText: found.title, context: context, path: Paths.case(found.id),
                                       status: .unprocessableContent)
    }

    /// The case page again with a refused form's values and messages in place (422). The form's `action`
    /// carries its fragment, so the browser lands on the form.
    func refusal(_ found: Case, _ facts: CaseFacts, forms: CaseShowForms, context: AppRequestContext,
                 renderer: Renderer) async throws -> Response {
        let page = try await page(found, facts, context: context, forms: forms)
        return try await renderer.page("cases/show", page, titleText: found.title, context: context, path: Paths.case(found.id),
                                       status: .unprocessableContent)
    }

    func openConditions(_ caseId: Int64) async throws -> Int {
        try await decisions.conditions(caseId: caseId).filter { !$0.met }.count
    }

    func page(_ found: Case, _ facts: CaseFacts, context: AppRequestContext,
              forms: CaseShowForms = CaseShowForms()) async throws -> CaseShowPage {
        let input = try await input(found, facts, context: context, forms: forms)
        var page = CaseShowPage(
            headerSection: CaseShowHeader(input), readinessSection: CaseShowReadiness(input), questionSection: CaseShowQuestions(input),
            reviewSection: CaseShowReviews(input), commentSection: CaseShowComments(input), writtenSection: CaseShowWritten(input),
            decisionSection: CaseShowDecision(input), recordSection: CaseShowRecord(input),
            limits: LimitHints(input.language), forms: forms)
        page.aiAct = try await aiAct(input)
        page.system = try await CaseSystemSection(systems: SystemStore(db: cases.db, clock: cases.clock)).view(found, context: context)
        return page
    }

    /// The page's data in one read (`CaseDetailStore`); what the reader may not see is not read.
    private func input(_ found: Case, _ facts: CaseFacts, context: AppRequestContext, forms: CaseShowForms) async throws
        -> CaseShowInput {
        let actor = context.actor
        let internals = Policy.decide(actor, .viewCaseInternals(facts)) == .allow
        let manage = Policy.decide(actor, .manageCase(facts)) == .allow
        let mayDecide = Policy.decide(actor, .openWrittenProcedure(facts)) == .allow
        let detail = try await CaseDetailStore(db: cases.db).load(found, scope: CaseDetailStore.Scope(
            internals: internals, candidates: manage && [.submitted, .inReview].contains(found.status), people: mayDecide,
            suggestions: Self.suggestions))
        return CaseShowInput(found, facts, detail, context: context, formats: formats, forms: forms,
                             internals: internals, manage: manage, mayDecide: mayDecide)
    }

    /// The AI Act panel: the classification, the FRIA (its latest version), and the obligations offered as conditions.
    private func aiAct(_ input: CaseShowInput) async throws -> AIActCaseView? {
        let found = input.found, aiAct = input.detail.aiAct
        var view: AIActCaseView? = AIActCaseView(aiAct, dates: input.detail.aiActDates, today: input.today, formats: formats,
                                                 language: input.language)
        let fria = try await FRIAStore(db: cases.db, clock: formats.clock).version(caseId: found.id)
        view?.showFRIA(caseId: found.id, required: aiAct.labels.contains { $0.code == "fria" }, latest: fria,
                       mayWrite: input.allowed(.writeFRIA(input.facts)), formats: formats, language: input.language)
        if input.decideHere {
            // The obligations' owners are person fields suggesting the first allowed people, the project owner first.
            view?.offerConditions(input.forms.decision, owners: ConditionOwners.obligationOwners(input.people, input.facts),
                                  fallback: input.people.first { $0.id == found.submitterId }?.email)
        }
        return view
    }
}
