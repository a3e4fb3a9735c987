import Foundation
import Hummingbird

/// What is done to a system after registration: suspend (with a reason, confirmed without JavaScript), resume or put
/// in service, retire (confirmed), report a substantive change, attest. Each asks the policy question its page asked.
struct SystemActionController {
    let systems: SystemStore
    let renderer: Renderer
    let formats: Formats
    let settings: SettingsCache
    let builder: SystemShowBuilder
    let register: SystemController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.systemStatusPattern), use: confirmMove)
        router.post(RouterPath(Paths.systemStatusPattern), use: move)
        router.post(RouterPath(Paths.systemChangePattern), use: reportChange)
        router.post(RouterPath(Paths.systemAttestPattern), use: attest)
    }

    /// Suspending asks for its reason on a page of its own; retiring leads to the confirmation page.
    func confirmMove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (system, facts) = try await register.load(context)
        switch context.parameters.get("move") {
        case "suspend":
            try context.require(.suspendSystem(facts))
            return try await suspendPage(system, SuspendForm(FormFields()), errors: FieldErrors(), context: context)
        case "retire":
            try context.require(.retireSystem(facts))
            return try await confirmRetire(system, context)
        default:
            throw Refusal.notFound
        }
    }

    private func suspendPage(_ system: AISystem, _ form: SuspendForm, errors: FieldErrors, message: String? = nil, context: AppRequestContext,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let t = Catalog.messages(context.language)
        let state = form.refused(errors, message: message, context.language)
        let page = SystemPages.Suspend(name: system.name, action: Paths.systemStatus(system.id, "suspend") + "#suspend-form",
                                       backHref: Paths.system(system.id), reason: form.reason, incident: form.incident, errors: state.errors,
                                       error: state.refused ? (state.message ?? t[.system_form_errors]) : nil,
                                       systemLimits: SystemLimits(context.language))
        return try await renderer.page("systems/suspend", page, title: .system_suspend_title, context: context,
                                       path: Paths.systemStatus(system.id, "suspend"), status: status)
    }

    private func confirmRetire(_ system: AISystem, _ context: AppRequestContext) async throws -> Response {
        try await Confirmation.page("system_retire", name: system.name, action: Paths.systemStatus(system.id, "retire"),
                                    back: Paths.system(system.id), backLabel: system.name, context: context, renderer: renderer)
    }

    func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (system, facts) = try await register.load(context)
        let t = Catalog.messages(settings.current.defaultLanguage)
        do {
            switch context.parameters.get("move") {
            case "suspend":
                try context.require(.suspendSystem(facts))
                let form = SuspendForm(context.form)
                let errors = form.validate()
                guard errors.isEmpty else {
                    return try await suspendPage(system, form, errors: errors, context: context, status: .unprocessableContent)
                }
                let done = try await systems.suspend(id: system.id, reason: form.reason, incident: form.incident,
                                                     title: t.fill(.system_re_review_title, ["name": system.name]),
                                                     noteTemplate: t[.system_re_review_note_suspended], by: context.auditActor)
                guard let meeting = done.meetingId else {
                    return try await register.done(system.id, .flash_system_suspended_unscheduled, context)
                }
                return try await register.done(system.id, .flash_system_suspended, value: try await meetingLabel(meeting, context), context)
            case "resume":
                try context.require(.resumeSystem(facts))
                try await systems.resume(id: system.id, today: formats.localISODate(), by: context.auditActor)
                return try await register.done(system.id, .flash_system_in_service, context)
            case "retire":
                try context.require(.retireSystem(facts))
                guard Confirmation.given(context.form) else { return try await confirmRetire(system, context) }
                try await systems.retire(id: system.id, reason: "", by: context.auditActor)
                return try await register.done(system.id, .flash_system_retired, context)
            default:
                throw Refusal.notFound
            }
        } catch let refusal as SystemRefusal {
            return try await refused(system, facts, key: refusal.key, context: context)
        }
    }

    private func meetingLabel(_ id: Int64, _ context: AppRequestContext) async throws -> String {
        guard let (title, startsAt) = try await systems.meeting(id: id) else { return "" }
        return "\(title) (\(formats.dateTime(startsAt, context.language)))"
    }

    /// The system page again with the reason its form was refused (409: the system changed meanwhile).
    private func refused(_ system: AISystem, _ facts: SystemFacts, key: String, forms: SystemShowForms = SystemShowForms(),
                         context: AppRequestContext, status: HTTPResponse.Status = .conflict) async throws -> Response {
        let (current, currentFacts) = try await systems.find(id: system.id, for: context.actor!) ?? (system, facts)
        var page = try await builder.page(current, currentFacts, context: context, forms: forms)
        page.formError = Catalog.messages(context.language)[runtime: key] ?? key
        return try await renderer.page("systems/show", page, titleText: current.name, context: context, path: Paths.system(system.id), status: status)
    }

    func reportChange(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (system, facts) = try await register.load(context)
        try context.require(.reportSystemChange(facts))
        let form = ChangeForm(context.form)
        var errors = form.validate()
        let current: [SystemChangeField: String] = [.model: system.model, .dataSources: system.dataSources, .purpose: system.purpose,
                                                    .population: system.population]
        if errors.isEmpty && SystemChangeField.allCases.allSatisfy({ form.fields[$0] == current[$0] }) {
            errors.add("explanation", .system_error_no_change)
        }
        guard errors.isEmpty else {
            return try await refused(system, facts, key: "system_form_errors", forms: SystemShowForms(change: form.refused(errors, context.language)),
                                     context: context, status: .unprocessableContent)
        }
        let t = Catalog.messages(settings.current.defaultLanguage)
        do {
            _ = try await systems.reportChange(systemId: system.id, changes: form.fields, explanation: form.explanation,
                                                        title: t.fill(.system_re_review_title, ["name": system.name]),
                                                        noteTemplate: t[.system_re_review_note_change], by: context.auditActor,
                                                        reporterId: context.actor?.userId ?? 0)
            return try await register.done(system.id, .flash_system_change_reported, context)
        } catch let refusal as SystemRefusal {
            return try await refused(system, facts, key: refusal.key,
                                     forms: SystemShowForms(change: form.refused(message: refusal.key, context.language)), context: context)
        }
    }

    func attest(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (system, facts) = try await register.load(context)
        try context.require(.attestSystem(facts))
        let form = AttestForm(context.form)
        let errors = form.validate()
        guard errors.isEmpty else {
            return try await refused(system, facts, key: "system_form_errors", forms: SystemShowForms(attest: form.refused(errors, context.language)),
                                     context: context, status: .unprocessableContent)
        }
        do {
            try await systems.attest(id: system.id, asApproved: form.asApproved, note: form.note, today: formats.localISODate(),
                                     by: context.auditActor, ownerId: context.actor?.userId ?? 0)
        } catch let refusal as SystemRefusal {
            return try await refused(system, facts, key: refusal.key,
                                     forms: SystemShowForms(attest: form.refused(message: refusal.key, context.language)), context: context)
        }
        return try await register.done(system.id, .flash_system_attested, context)
    }
}
