import Foundation
import Hummingbird

/// The register of AI systems: the list, one system, the register/edit form.
struct SystemController {
    let systems: SystemStore
    let cases: CaseStore
    let users: UserStore
    let sessions: SessionStore
    let settings: SettingsCache
    let renderer: Renderer
    let formats: Formats
    let builder: SystemShowBuilder
    /// The incidents section of the system page (issue 18, the incidents side).
    var incidentSection: IncidentSection? = nil

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.systems), use: list)
        router.get(RouterPath(Paths.newSystem), use: new)
        router.post(RouterPath(Paths.systems), use: create)
        router.get(RouterPath(Paths.systemPattern), use: show)
        router.get(RouterPath(Paths.systemEditPattern), use: edit)
        router.post(RouterPath(Paths.systemEditPattern), use: update)
    }

    static let pageSize = 50

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewSystems)
        guard let actor = context.actor else { throw Refusal.notFound }
        let t = Catalog.messages(context.language), today = formats.localISODate(), query = request.uri.queryParameters
        let status = query["status"].flatMap { SystemStatus(rawValue: String($0)) }
        let (shown, counts) = try await systems.list(for: actor, status: status, page: RequestNumber.page(query["page"]), size: Self.pageSize)
        func link(_ number: Int) -> String {
            Paths.systems + "?" + [status.map { "status=\($0.rawValue)" }, "page=\(number)"].compactMap { $0 }.joined(separator: "&")
        }
        let tabs = [StatusTab(href: Paths.systems, label: t[.filter_any], count: formats.number(counts.total, context.language),
                              current: status == nil)]
            + SystemStatus.allCases.map {
                StatusTab(href: Paths.systems + "?status=\($0.rawValue)", label: t[runtime: "system_status_\($0.rawValue)"] ?? "",
                          count: formats.number(counts.byStatus[$0] ?? 0, context.language), current: $0 == status)
            }
        let page = SystemPages.List(
            rows: shown.rows.map { row in
                SystemPages.Row(href: Paths.system(row.id), name: row.name, owner: row.ownerName,
                                vendorModel: [row.vendor, row.model].filter { !$0.isEmpty }.joined(separator: " · "),
                                status: t[runtime: "system_status_\(row.status.rawValue)"] ?? "", statusKey: row.status.rawValue,
                                tier: t[runtime: "tier_\(row.riskTier.rawValue)"] ?? "", nextReview: formats.calendarDate(row.nextReviewOn, context.language),
                                reviewOverdue: row.reviewOverdue(today: today), attestationMissed: row.attestationMissed(today: today),
                                neverReviewed: row.neverReviewed)
            },
            hasRows: !shown.rows.isEmpty, tabs: tabs,
            newHref: Policy.decide(actor, .registerSystem) == .allow ? Paths.newSystem : nil,
            exportHref: Policy.decide(actor, .exportCases) == .allow
                ? Paths.systemsExportCSV + (status.map { "?status=\($0.rawValue)" } ?? "") : nil,
            count: Catalog.messages(context.language).fill(.systems_count, count: shown.total),
            pageNumber: shown.number, pageCount: shown.pageCount, hasPages: shown.pageCount > 1,
            previous: shown.hasPrevious ? link(shown.number - 1) : nil, next: shown.hasNext ? link(shown.number + 1) : nil)
        return try await renderer.page("systems/index", page, title: .systems_title, context: context, path: Paths.systems)
    }

    /// The system as the person may see it, or 404.
    func load(_ context: AppRequestContext) async throws -> (AISystem, SystemFacts) {
        guard let id = context.parameters.get("id", as: Int64.self), let actor = context.actor else {
            if context.actor == nil { throw AppError.signInRequired }
            throw Refusal.notFound
        }
        guard let found = try await systems.find(id: id, for: actor) else { throw Refusal.notFound }
        return found
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (system, facts) = try await load(context)
        try context.require(.viewSystem(facts))
        var page = try await builder.page(system, facts, context: context)
        if let incidentSection, let actor = context.actor {
            page.incidents = try await incidentSection.section(
                systemId: system.id, facts: facts, actor: actor,
                requestedPage: RequestNumber.page(request.uri.queryParameters[Substring(IncidentSection.pageParameter)]), language: context.language)
        }
        return try await renderer.page("systems/show", page, titleText: system.name, context: context, path: Paths.system(system.id))
    }

    // MARK: the form

    func new(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.registerSystem)
        let caseId = request.uri.queryParameters["case"].flatMap { RequestNumber.id($0) }
        var values = ["status": SystemStatus.planned.rawValue, "risk_tier": RiskTier.medium.rawValue]
        if let caseId {
            // Prefilled from the case: its title, project owner (their e-mail, as the person field shows it), vendor and description.
            guard let (found, facts) = try await cases.find(id: caseId), Policy.decide(context.actor, .viewCase(facts)) == .allow else {
                throw Refusal.notFound
            }
            let owner = try await users.find(id: found.submitterId)?.email ?? ""
            values.merge(["case_id": String(caseId), "name": found.title, "owner_id": owner, "vendor": found.vendor,
                          "purpose": String(found.description.prefix(SystemLimits.purpose))]) { $1 }
        }
        return try await form(values: values, systemId: nil, errors: FieldErrors(), context: context)
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (system, facts) = try await load(context)
        try context.require(.editSystem(facts))
        let owner = try await users.find(id: system.ownerId)?.email ?? String(system.ownerId)
        let values = ["name": system.name, "owner_id": owner, "vendor": system.vendor, "model": system.model,
                      "purpose": system.purpose, "data_sources": system.dataSources, "population": system.population,
                      "risk_tier": system.riskTier.rawValue, "deployed_on": system.deployedOn ?? "", "revision": String(system.revision)]
        return try await form(values: values, systemId: system.id, linkedCases: facts.cases, errors: FieldErrors(), context: context)
    }

    private func form(values: [String: String], systemId: Int64?, linkedCases: [CaseFacts] = [], errors: FieldErrors, message: String? = nil,
                      context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let t = Catalog.messages(context.language)
        let caseId = values["case_id"].flatMap { Int64($0) }
        let linkedCase = try await caseId.asyncMap { try await cases.find(id: $0) } ?? nil
        let ownerFacts = linkedCase.map { [$0.1] } ?? linkedCases
        // The owner field suggests a bounded list of those who may own the system; anyone allowed may be typed.
        let owners = try await systems.ownerSuggestions(cases: ownerFacts, limit: CaseShowBuilder.suggestions)
        let state = FormState(values: values, errors: errors, message: message, language: context.language)
        let hasCase = linkedCase != nil || !linkedCases.isEmpty
        let schedule = settings.current.systemSchedule
        let page = SystemPages.Form(
            action: (systemId.map(Paths.systemEdit) ?? Paths.systems) + "#system-form", isNew: systemId == nil,
            caseId: caseId.map(String.init) ?? "", caseTitle: linkedCase?.0.title, caseHref: caseId.map(Paths.case),
            revision: values["revision"] ?? "", name: state.value("name"),
            owner: state.value("owner_id"),
            owners: owners.map { Choice(value: $0.email, label: $0.name, selected: false) },
            vendor: state.value("vendor"), model: state.value("model"), purpose: state.value("purpose"),
            dataSources: state.value("data_sources"), population: state.value("population"),
            tiers: hasCase ? [] : state.choices("risk_tier", RiskTier.allCases.map { ($0.rawValue, t[runtime: "tier_\($0.rawValue)"] ?? "") }),
            tierFromCase: linkedCase.map { t[runtime: "tier_\($0.0.riskTier.rawValue)"] ?? "" },
            hasTiers: !hasCase,
            statuses: systemId == nil ? state.choices("status", [SystemStatus.planned, .inService].map { ($0.rawValue, t[runtime: "system_status_\($0.rawValue)"] ?? "") }) : [],
            hasStatuses: systemId == nil,
            deployedOn: state.value("deployed_on"),
            schedule: t.fill(.system_schedule_hint, ["high": String(schedule.reviewMonthsHigh),
                                                                      "medium": String(schedule.reviewMonthsMedium),
                                                                      "low": String(schedule.reviewMonthsLow)]),
            errors: state.errors, error: state.refused ? (state.message ?? t[.system_form_errors]) : nil,
            systemLimits: SystemLimits(context.language))
        return try await renderer.page("systems/form", page, title: systemId == nil ? .system_new_title : .system_edit_title,
                                       context: context, path: systemId.map(Paths.systemEdit) ?? Paths.newSystem, status: status)
    }

    /// The form's checks that need the database: the case approved the project and is not yet registered, the owner
    /// field names an account (`UserStore.find(typed:)`) that may own the system (`SystemStore.mayOwn`: may open the case,
    /// so the owner always sees their system). Returns the messages and the owner's id once found.
    private func check(_ form: SystemForm, linkedCases: [CaseFacts], context: AppRequestContext) async throws -> (FieldErrors, Int64?) {
        var errors = form.validate()
        var facts = linkedCases
        if let caseId = form.caseId {
            guard let (_, caseFacts) = try await cases.find(id: caseId), Policy.decide(context.actor, .viewCase(caseFacts)) == .allow else {
                throw Refusal.notFound
            }
            facts = [caseFacts]
            if !(try await systems.registrable(caseId: caseId)) { errors.add("case_id", .system_error_case_not_registrable) }
        }
        var ownerId: Int64?
        if !form.ownerTyped.isEmpty {
            if let owner = try await users.find(typed: form.ownerTyped) {
                if SystemStore.mayOwn(owner, cases: facts) { ownerId = owner.id } else { errors.add("owner_id", .system_error_owner) }
            } else {
                errors.add("owner_id", .error_person_unknown)
            }
        }
        return (errors, ownerId)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.registerSystem)
        let form = SystemForm(context.form)
        let (errors, ownerId) = try await check(form, linkedCases: [], context: context)
        guard errors.isEmpty, let ownerId else {
            return try await self.form(values: form.values, systemId: nil, errors: errors, context: context, status: .unprocessableContent)
        }
        let id: Int64
        do {
            id = try await systems.register(form.draft(ownerId: ownerId), caseId: form.caseId, today: formats.localISODate(), by: context.auditActor)
        } catch let refusal as SystemRefusal {
            return try await self.form(values: form.values, systemId: nil, errors: FieldErrors(), message: refusal.key, context: context,
                                       status: .conflict)
        }
        return try await done(id, .flash_system_registered, context)
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (system, facts) = try await load(context)
        try context.require(.editSystem(facts))
        var fields = SystemForm(context.form).values
        fields["case_id"] = nil
        let form = SystemForm(values: fields)
        let (errors, ownerId) = try await check(form, linkedCases: facts.cases, context: context)
        guard errors.isEmpty, let ownerId else {
            return try await self.form(values: form.values, systemId: system.id, linkedCases: facts.cases, errors: errors, context: context,
                                       status: .unprocessableContent)
        }
        do {
            try await systems.update(id: system.id, form.draft(ownerId: ownerId), revision: form.revision ?? 0, by: context.auditActor)
        } catch let refusal as SystemRefusal {
            return try await self.form(values: form.values, systemId: system.id, linkedCases: facts.cases, errors: FieldErrors(),
                                       message: refusal.key, context: context, status: .conflict)
        }
        return try await done(system.id, .flash_system_saved, context)
    }

    func done(_ id: Int64, _ flash: MessageKey, value: String = "", _ context: AppRequestContext) async throws -> Response {
        return try await sessions.redirect(to: Paths.system(id), flash: flash, value: value, context)
    }
}

extension SystemForm {
    /// A form from values already read (an edit never carries a case).
    init(values: [String: String]) { fields = values }
}
