import Foundation
import Hummingbird

/// `/cases/{id}/fria`: the fundamental-rights impact assessment of a case (Art. 27). Whoever may open the case reads
/// it (404 otherwise); its project owner writes it (staff on their behalf) until the case is decided, each save a new
/// version. The form starts from the case's own answers (its data-protection answers are shown, not asked again).
struct FRIAController {
    let cases: CaseStore
    let store: FRIAStore
    let sessions: SessionStore
    let renderer: Renderer
    let viewLog: ViewLog
    let settings: SettingsCache
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.caseFRIAPattern), use: show)
        router.post(RouterPath(Paths.caseFRIAPattern), use: save)
        router.get(RouterPath(Paths.caseFRIAPrintPattern), use: print)
    }

    private func load(_ context: AppRequestContext) async throws -> (Case, CaseFacts) {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.readFRIA(facts))
        if found.confidential { try await viewLog.record(context, action: "case.viewed", targetType: "case", targetId: found.id) }
        return (found, facts)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await load(context)
        return try await render(found, facts, context: context)
    }

    func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await load(context)
        let form = FRIAForm(context.form), language = context.language
        // Only the owner (or staff) write; anyone else reading the case is told nothing more than a stranger.
        guard Policy.writesFRIA(context.actor, facts) else { throw Refusal.notFound }
        guard Policy.decide(context.actor, .writeFRIA(facts)) == .allow else {
            return try await render(found, facts, context: context, form: form.refused(message: "fria_error_case_decided", language), status: .conflict)
        }
        let errors = form.validate()
        guard errors.isEmpty else {
            return try await render(found, facts, context: context, form: form.refused(errors, language), status: .unprocessableContent)
        }
        do {
            _ = try await store.save(caseId: found.id, form.fria, base: Int(form.baseVersion) ?? 0, by: context.auditActor)
        } catch let refusal as FRIARefusal {
            return try await render(found, facts, context: context, form: form.refused(message: refusal.key, language), status: .conflict)
        }
        return try await sessions.redirect(to: Paths.caseFRIA(found.id), flash: .flash_fria_saved, context)
    }

    /// The standalone print view of one version (the latest unless `?version=` names another).
    func print(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, _) = try await load(context)
        let asked = request.uri.queryParameters.get("version").flatMap { Int($0) }
        guard let version = try await store.version(caseId: found.id, asked) else { throw Refusal.notFound }
        let aiAct = try await AIActStore(db: cases.db).record(caseId: found.id)
        let page = FRIAPrintPage(found, version, aiAct: aiAct, committee: settings.current.committeeName,
                                 reader: context.session?.user.name ?? "", formats: formats, language: context.language)
        return try renderer.standalone("cases/fria_print", page, context: context)
    }

    private func render(_ found: Case, _ facts: CaseFacts, context: AppRequestContext, form: FormState = FormState(),
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = context.language
        let (versions, total) = try await store.versions(caseId: found.id)
        let (answers, notes) = try await cases.answers(caseId: found.id)
        let aiAct = try await AIActStore(db: cases.db).record(caseId: found.id)
        let writable = Policy.decide(context.actor, .writeFRIA(facts)) == .allow
        let prefill = FRIAPrefill.draft(description: found.description, notes: notes, answers: answers, personalData: found.personalData,
                                        language: language)
        let page = FRIAPage(found, aiAct: aiAct, versions: versions, total: total, answers: answers, notes: notes, prefill: prefill,
                            writable: writable, form: form, formats: formats, language: language)
        return try await renderer.page("cases/fria", page, title: .fria_title, context: context, path: Paths.caseFRIA(found.id),
                                       status: status)
    }
}
