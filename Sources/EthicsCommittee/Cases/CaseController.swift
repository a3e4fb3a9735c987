import Foundation
import Hummingbird

/// The case page and its status changes (submit, withdraw, close).
struct CaseController {
    let cases: CaseStore
    let sessions: SessionStore
    let renderer: Renderer
    let builder: CaseShowBuilder
    let viewLog: ViewLog

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.casePattern), use: show)
        router.get(RouterPath(Paths.caseMovePattern), use: confirmMove)
        router.post(RouterPath(Paths.caseMovePattern), use: move)
    }

    /// The moves the case page offers as buttons (the others have their own forms: questions, answers, decisions).
    static let pageMoves: Set<CaseLifecycle.Transition> = [.submit, .startReview, .withdraw, .close]
    /// Their buttons' labels, and the message after each.
    static let moveLabel: [CaseLifecycle.Transition: MessageKey] = [
        .submit: .case_action_submit, .startReview: .case_action_startReview, .withdraw: .case_action_withdraw, .close: .case_action_close,
    ]
    static let moveFlash: [CaseLifecycle.Transition: MessageKey] = [
        .submit: .flash_case_submit, .startReview: .flash_case_startReview, .withdraw: .flash_case_withdraw, .close: .flash_case_close,
    ]
    /// Moves that cannot be undone ask first (`Confirmation`).
    static let confirmed: Set<CaseLifecycle.Transition> = [.withdraw]

    /// The confirmation page of a move that asks first, when the person may make it now; 404 otherwise.
    func confirmMove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await Self.load(context, cases)
        try context.require(.moveCase(facts))
        guard let transition = CaseLifecycle.Transition(rawValue: context.parameters.get("transition") ?? ""),
              Self.confirmed.contains(transition), Policy.moveRefusal(context.actor, facts, transition) == nil
        else { throw Refusal.notFound }
        return try await confirmation(found, transition, context)
    }

    private func confirmation(_ found: Case, _ transition: CaseLifecycle.Transition, _ context: AppRequestContext) async throws -> Response {
        try await Confirmation.page("case_\(transition.rawValue)", name: found.title, action: Paths.caseMove(found.id, transition),
                                    back: Paths.case(found.id), backLabel: found.title, context: context, renderer: renderer)
    }

    /// The case in the path, after the policy allowed the person to see it; 404 otherwise.
    static func load(_ context: AppRequestContext, _ cases: CaseStore) async throws -> (Case, CaseFacts) {
        guard let id = context.parameters.get("id", as: Int64.self), let (found, facts) = try await cases.find(id: id) else {
            throw Refusal.notFound
        }
        try context.require(.viewCase(facts))
        return (found, facts)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await Self.load(context, cases)
        if found.confidential { try await viewLog.record(context, action: "case.viewed", targetType: "case", targetId: found.id) }
        let page = try await builder.page(found, facts, context: context)
        return try await renderer.page("cases/show", page, titleText: found.title, context: context, path: Paths.case(found.id))
    }

    /// Submit, withdraw, close: the lifecycle decides, and a refused move is explained on the page.
    func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await Self.load(context, cases)
        try context.require(.moveCase(facts))
        guard let transition = CaseLifecycle.Transition(rawValue: context.parameters.get("transition") ?? ""),
              Self.pageMoves.contains(transition)
        else { throw Refusal.notFound }
        if Self.confirmed.contains(transition), !Confirmation.given(context.form) {
            return try await confirmation(found, transition, context)
        }
        var refusal: String?
        switch Policy.move(context.actor, facts, transition) {
        case .failure(let problem):
            refusal = problem.key
        case .success(let target):
            if transition == .submit, !(try await unanswered(found)).isEmpty { refusal = "case_submit_unanswered" }
            if transition == .submit, refusal == nil, let problem = try await AIActStore(db: cases.db).submissionProblem(caseId: found.id) {
                refusal = problem
            }
            if transition == .close, try await builder.openConditions(found.id) > 0 { refusal = "case_close_open_conditions" }
            if refusal == nil {
                do {
                    try await cases.move(id: found.id, from: found.status, to: target, transition: transition, by: context.auditActor)
                } catch let problem as CaseLifecycle.Refusal {
                    refusal = problem.key
                }
            }
        }
        if let refusal {
            var page = try await builder.page(found, facts, context: context)
            page.formError = AIActStore.message(refusal, context.language) ?? Catalog.messages(context.language)[runtime: refusal]
            return try await renderer.page("cases/show", page, titleText: found.title, context: context, path: Paths.case(found.id),
                                           status: .unprocessableContent)
        }
        return try await sessions.redirect(to: Paths.case(found.id), flash: Self.moveFlash[transition] ?? .flash_case_saved, context)
    }

    private func unanswered(_ found: Case) async throws -> [String] {
        let (answers, _) = try await cases.answers(caseId: found.id)
        return Readiness.questionIds.filter { answers[$0] == nil }
    }
}
