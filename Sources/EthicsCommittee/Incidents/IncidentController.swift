import Foundation
import Hummingbird

/// Reporting an incident on a system, the incident page, triage and closing, evidence downloads.
struct IncidentController {
    let incidents: IncidentStore
    let systems: SystemStore
    let sessions: SessionStore
    let renderer: Renderer
    let formats: Formats
    let maxBytes: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.systemIncidentNewPattern), use: new)
        router.post(RouterPath(Paths.systemIncidentsPattern), use: create)
        router.get(RouterPath(Paths.incidentPattern), use: show)
        router.post(RouterPath(Paths.incidentTriagePattern), use: triage)
        router.get(RouterPath(Paths.incidentClosePattern), use: confirmClose)
        router.post(RouterPath(Paths.incidentClosePattern), use: close)
        router.get(RouterPath(Paths.incidentAttachmentPattern), use: download)
    }

    // MARK: reporting

    /// The system in the path, as the person may see it; 404 otherwise.
    private func system(_ context: AppRequestContext) async throws -> (AISystem, SystemFacts) {
        guard let actor = context.actor else { throw AppError.signInRequired }
        guard let id = context.parameters.get("id", as: Int64.self), let found = try await systems.find(id: id, for: actor) else {
            throw Refusal.notFound
        }
        return found
    }

    func new(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.useApp)
        let (system, facts) = try await system(context)
        try context.require(.reportIncident(facts))
        return try await renderNew(system, FormState(), context: context)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.useApp)
        let (system, facts) = try await system(context)
        try context.require(.reportIncident(facts))
        let form = IncidentReportForm(context.form)
        let today = formats.localISODate()
        var errors = form.validate(today: today)
        // Evidence is checked like case attachments: size, then the type recognised from the bytes.
        var evidence: [EvidenceFile] = []
        for file in context.uploads where file.field == "evidence" && !file.bytes.isEmpty {
            let name = AttachmentType.cleanName(file.filename)
            guard file.bytes.count <= maxBytes else { errors.add("evidence", .error_attachment_too_large); break }
            guard let type = AttachmentType.detect(file.bytes, filename: name) else { errors.add("evidence", .error_attachment_type); break }
            evidence.append(EvidenceFile(filename: AttachmentType.downloadName(name, mime: type.mime), type: type, bytes: file.bytes))
        }
        if evidence.count > 5 { errors.add("evidence", .incident_error_evidence_count) }
        guard errors.isEmpty, let actor = context.actor else {
            let state = FormState(values: form.values, errors: errors, language: context.language)
            return try await renderNew(system, state, context: context, status: .unprocessableContent)
        }
        let id = try await incidents.report(form.draft, systemId: system.id, evidence: evidence, awareOn: today, reporter: actor,
                                            by: context.auditActor)
        return try await sessions.redirect(to: Paths.incident(id), flash: .flash_incident_reported, context)
    }

    private func renderNew(_ system: AISystem, _ form: FormState, context: AppRequestContext,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let views = IncidentViews(formats: formats, language: context.language)
        let page = IncidentPages.New(
            systemName: system.name, systemHref: Paths.system(system.id), action: Paths.systemIncidents(system.id) + "#incident-form",
            form: form, harmTypes: views.harmChoices(form), severities: views.severityChoices(form, fallback: IncidentSeverity.minor.rawValue),
            fallbacks: views.fallbackChoices(form), title: views.hint(FieldLimits.title), text: views.hint(FieldLimits.incidentText),
            today: formats.localISODate())
        return try await renderer.page("incidents/new", page, title: .incident_new_title, context: context,
                                       path: Paths.systemIncidentNew(system.id), status: status)
    }

    // MARK: the incident page

    /// The incident in the path, after the policy allowed the person to see it; 404 otherwise.
    private func load(_ context: AppRequestContext) async throws -> (Incident, IncidentFacts) {
        guard let id = context.parameters.get("id", as: Int64.self), let found = try await incidents.find(id: id) else {
            throw Refusal.notFound
        }
        try context.require(.viewIncident(found.1))
        return found
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (incident, facts) = try await load(context)
        return try await renderShow(incident, facts, context: context)
    }

    func triage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (incident, facts) = try await load(context)
        try context.require(.triageIncident(facts))
        guard let actor = context.actor else { throw AppError.signInRequired }
        let form = IncidentTriageForm(context.form)
        var errors = form.validate()
        if Int(form.revision) == nil { errors.add("revision", .incident_error_changed) }
        guard errors.isEmpty, let triage = form.triage, let revision = Int(form.revision) else {
            return try await renderShow(incident, facts, triageForm: form.refused(errors, context.language), context: context,
                                        status: .unprocessableContent)
        }
        do {
            try await incidents.triage(id: incident.id, revision: revision, triage, triager: actor, by: context.auditActor)
        } catch let refusal as IncidentRefusal {
            // Someone else triaged it meanwhile, or a choice is no longer allowed: the form again, as typed, with the reason.
            let (fresh, freshFacts) = try await incidents.find(id: incident.id) ?? (incident, facts)
            let field = refusal.key == "incident_error_system" ? "system_id" : refusal.key == "incident_error_owner" ? "owner_id" : nil
            let state = field.map { form.refused(.on($0, runtime: refusal.key), context.language) }
                ?? form.refused(message: refusal.key, context.language)
            return try await renderShow(fresh, freshFacts, triageForm: state, context: context, status: .unprocessableContent)
        }
        return try await sessions.redirect(to: Paths.incident(incident.id), flash: .flash_incident_triaged, context)
    }

    func confirmClose(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (incident, facts) = try await load(context)
        try context.require(.closeIncident(facts))
        return try await Confirmation.page("incident_close", name: incident.title, action: Paths.incidentClose(incident.id),
                                           back: Paths.incident(incident.id), backLabel: incident.title, context: context, renderer: renderer)
    }

    func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (incident, facts) = try await load(context)
        try context.require(.closeIncident(facts))
        guard Confirmation.given(context.form) else { return try await confirmClose(request, context: context) }
        guard let actor = context.actor else { throw AppError.signInRequired }
        do {
            try await incidents.close(id: incident.id, closer: actor, by: context.auditActor)
        } catch let refusal as IncidentRefusal where refusal.key == "incident_error_close_incomplete" {
            return try await renderShow(incident, facts, message: refusal.key, context: context, status: .unprocessableContent)
        }
        return try await sessions.redirect(to: Paths.incident(incident.id), flash: .flash_incident_closed, context)
    }

    func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (incident, _) = try await load(context)
        guard let id = context.parameters.get("attachment", as: Int64.self),
              let attachment = try await incidents.attachment(id: id, incidentId: incident.id) else { throw Refusal.notFound }
        let data = try incidents.bytes(of: attachment)
        try await incidents.logDownload(attachment, by: context.auditActor)
        var headers: HTTPFields = [
            .contentType: attachment.contentType,
            .contentDisposition: CaseAttachmentController.disposition(AttachmentType.downloadName(attachment.filename, mime: attachment.contentType)),
            .contentSecurityPolicy: "sandbox; default-src 'none'",
        ]
        headers[.contentLength] = String(data.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func renderShow(_ incident: Incident, _ facts: IncidentFacts, triageForm: FormState? = nil, message: String? = nil,
                            context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let actor = context.actor else { throw AppError.signInRequired }
        let builder = IncidentShowBuilder(incidents: incidents, formats: formats, language: context.language)
        let page = try await builder.page(incident, facts, actor: actor, triageForm: triageForm, message: message)
        return try await renderer.page("incidents/show", page, titleText: incident.title, context: context,
                                       path: Paths.incident(incident.id), status: status)
    }
}
