import Foundation

/// The refused forms of the system page, each kept as typed.
struct SystemShowForms: Sendable {
    var change = FormState()
    var attest = FormState()
}

/// Builds the system page for one person: the record, the decision in force and its conditions, and the controls the
/// policy lets them use (the same questions the handlers ask).
struct SystemShowBuilder: Sendable {
    let systems: SystemStore
    let formats: Formats

    func page(_ system: AISystem, _ facts: SystemFacts, context: AppRequestContext, forms: SystemShowForms = SystemShowForms()) async throws
        -> SystemPages.Show {
        let actor = context.actor, language = context.language, t = Catalog.messages(language), today = formats.localISODate()
        let detail = try await systems.detail(systemId: system.id)
        func allowed(_ action: Action) -> Bool { Policy.decide(actor, action) == .allow }
        let cases = caseLines(detail, facts, actor: actor, t, language)
        let aiActView = detail.aiAct.map { AIActCaseView($0, dates: [:], today: today, formats: formats, language: language) }
        let reReview = reReviewLine(detail, t, language)
        let resume = allowed(.resumeSystem(facts))
        let limits = SystemLimits(language)
        let changeFields = self.changeFields(system, form: forms.change, limits: limits, t)
        let attestDue = system.status == .inService ? try await attestationDue(system.id) : nil
        return SystemPages.Show(
            id: system.id, name: system.name, status: t[runtime: "system_status_\(system.status.rawValue)"] ?? "", statusKey: system.status.rawValue,
            statusReason: system.statusReason.isEmpty ? nil : system.statusReason,
            statusChanged: system.statusChangedAt.map { formats.date($0, language) },
            owner: system.ownerName, vendor: system.vendor, model: system.model, purpose: system.purpose,
            dataSources: system.dataSources, population: system.population, tier: t[runtime: "tier_\(system.riskTier.rawValue)"] ?? "",
            deployed: system.deployedOn.map { formats.calendarDate($0, language) },
            nextReview: formats.calendarDate(system.nextReviewOn, language),
            reviewOverdue: system.status.isActive && system.status != .planned && system.nextReviewOn < today,
            attestationDue: attestDue.map { formats.calendarDate($0, language) },
            attestationMissed: attestDue.map { $0 < today } ?? false,
            neverReviewed: detail.links.allSatisfy { $0.decidedAt == nil },  // as `SystemListRow.neverReviewed`
            cases: cases, hasCases: !cases.isEmpty,
            decisionInForce: detail.inForce?.outcome.flatMap { t[runtime: "outcome_\($0.rawValue)"] },
            approvalWithdrawn: detail.inForce?.outcome == .unfavourable,
            aiActClass: aiActView.flatMap { $0.classified ? $0.className : nil },
            aiActLabels: aiActView?.labels.map { SystemPages.Label(name: $0.name, articles: $0.articles) } ?? [],
            hasAIActLabels: !(aiActView?.labels.isEmpty ?? true),
            conditions: detail.conditions.map {
                SystemPages.Condition(text: $0.text, owner: $0.ownerName, due: formats.calendarDate($0.dueOn, language), met: $0.met,
                                      overdue: !$0.met && $0.dueOn < today)
            },
            hasConditions: !detail.conditions.isEmpty,
            attestations: detail.attestations.map {
                SystemPages.Attestation(date: formats.date($0.at, language), by: $0.byName, asApproved: $0.asApproved, note: $0.note)
            },
            hasAttestations: !detail.attestations.isEmpty,
            reReview: reReview,
            editHref: allowed(.editSystem(facts)) ? Paths.systemEdit(system.id) : nil,
            suspendHref: allowed(.suspendSystem(facts)) ? Paths.systemStatus(system.id, "suspend") : nil,
            resumeAction: resume ? Paths.systemStatus(system.id, "resume") : nil,
            resumeLabel: resume ? t[system.status == .planned ? .system_action_in_service : .system_action_resume] : nil,
            retireHref: allowed(.retireSystem(facts)) ? Paths.systemStatus(system.id, "retire") : nil,
            registerFromCase: nil,
            changeAction: allowed(.reportSystemChange(facts)) && detail.openReReview == nil ? Paths.systemChange(system.id) + "#change-form" : nil,
            changeFields: changeFields, changeExplanation: forms.change.value("explanation"),
            changeError: forms.change.errors["explanation"] ?? forms.change.message,
            attestAction: allowed(.attestSystem(facts)) ? Paths.systemAttest(system.id) + "#attest-form" : nil,
            attestOutcomes: forms.attest.choices("outcome", [("as_approved", t[.system_attest_as_approved]),
                                                             ("changed", t[.system_attest_changed])], fallback: "as_approved"),
            attestNote: forms.attest.value("note"), attestNoteError: forms.attest.errors["note"],
            attestError: forms.attest.errors["outcome"] ?? forms.attest.message,
            formError: nil, systemLimits: limits)
    }

    /// The cases that reviewed the system; one the reader may not open is listed without its title (access follows each case).
    private func caseLines(_ detail: SystemDetail, _ facts: SystemFacts, actor: Requester?, _ t: Messages, _ language: Language)
        -> [SystemPages.CaseLine] {
        let openable = Dictionary(zip(detail.links.map(\.caseId), facts.cases.map { facts in actor.map { Policy.canView($0, facts) } ?? false }),
                                  uniquingKeysWith: { a, _ in a })
        return detail.links.map { link in
            let mayOpen = openable[link.caseId] ?? false
            return SystemPages.CaseLine(
                href: mayOpen ? Paths.case(link.caseId) : nil, title: mayOpen ? link.title : t[.system_case_confidential],
                kind: t[runtime: "system_link_\(link.kind)"] ?? link.kind, status: t[runtime: "case_status_\(link.status.rawValue)"] ?? "",
                decision: link.outcome.flatMap { t[runtime: "outcome_\($0.rawValue)"] }, decidedOn: link.decidedAt.map { formats.date($0, language) },
                inForce: link.caseId == detail.inForce?.caseId, superseded: link.decidedAt != nil && link.caseId != detail.inForce?.caseId)
        }
    }

    /// The re-review under way, and the meeting it is on.
    private func reReviewLine(_ detail: SystemDetail, _ t: Messages, _ language: Language) -> SystemPages.ReReview? {
        guard let open = detail.openReReview else { return nil }
        return SystemPages.ReReview(
            href: Paths.case(open.caseId), title: t.fill(.system_re_review_line, ["id": String(open.caseId)]),
            status: t[runtime: "case_status_\(open.status.rawValue)"] ?? "", meetingHref: open.meetingId.map(Paths.meeting),
            meeting: open.meetingId == nil ? nil
                : "\(open.meetingTitle ?? "") — \(open.meetingStartsAt.map { formats.dateTime($0, language) } ?? "")")
    }

    /// The "report a change" form's fields: what the record says, or what was typed when the form was refused.
    private func changeFields(_ system: AISystem, form: FormState, limits: SystemLimits, _ t: Messages) -> [SystemPages.ChangeField] {
        SystemChangeField.allCases.map { field in
            let current: String
            switch field {
            case .model: current = system.model
            case .dataSources: current = system.dataSources
            case .purpose: current = system.purpose
            case .population: current = system.population
            }
            return SystemPages.ChangeField(name: field.rawValue, label: t[runtime: "system_field_\(field.rawValue)"] ?? "",
                                           value: form.refused ? form.value(field.rawValue) : current,
                                           error: form.errors[field.rawValue], multiline: field == .purpose,
                                           limit: field == .model ? limits.model : field == .purpose ? limits.purpose : limits.medium)
        }
    }

    private func attestationDue(_ id: Int64) async throws -> String? {
        try await systems.attestationDueOn(systemId: id)
    }
}
