import Foundation

/// Builds the incident page: facts, evidence, the Art. 73 deadline of a serious incident, the way to the system
/// page for a critical one, and the triage and close controls the policy offers this person.
struct IncidentShowBuilder {
    let incidents: IncidentStore
    let formats: Formats
    let language: Language

    func page(_ incident: Incident, _ facts: IncidentFacts, actor: Requester, triageForm: FormState?, message: String?) async throws
        -> IncidentPages.Show {
        let views = IncidentViews(formats: formats, language: language)
        func date(_ iso: String?) -> String? { iso.map { formats.calendarDate($0, language) } }
        var list: [IncidentPages.Fact] = []
        func add(_ key: MessageKey, _ value: String?, href: String? = nil) {
            if let value, !value.isEmpty { list.append(.init(label: views.text(key), value: value, href: href)) }
        }
        // The system page is linked for whoever may open it (the chair reads a critical incident on any system).
        let systemHref = facts.system.flatMap { Policy.decide(actor, .viewSystem($0)) == .allow ? incident.systemId.map(Paths.system) : nil }
        add(.incident_system, incident.systemName ?? views.text(.incident_no_system), href: systemHref)
        if incident.source == .public {
            add(.incident_source, views.text(.incident_source_public))
            add(.incident_service_named, incident.serviceNamed)
            add(.incident_receipt, incident.receipt)
        } else {
            add(.incident_reported_by, incident.reporterName)
        }
        add(.incident_reported_at, formats.dateTime(incident.reportedAt, language))
        add(.incident_occurred_on, date(incident.occurredOn))
        add(.incident_harm_type, views.harm(incident.harmType))
        add(.incident_severity, views.severity(incident.severity))
        add(.incident_people_affected, incident.peopleAffected.map { formats.number($0, language) } ?? views.text(.incident_unknown))
        add(.incident_fallback_used, views.text(runtime: "incident_fallback_\(incident.fallbackUsed.rawValue)"))
        add(.incident_aware_on, date(incident.awareOn))
        add(.incident_owner, incident.ownerName ?? views.text(.incident_no_owner))
        add(.incident_triaged_at, incident.triagedAt.map { formats.dateTime($0, language) })
        add(.incident_closed_at, incident.closedAt.map { formats.dateTime($0, language) })

        let deadline = art73Deadline(incident, views)

        let attachments = try await incidents.attachments(incidentId: incident.id)
        let evidence = attachments.map {
            IncidentPages.Evidence(name: $0.filename, href: Paths.incidentAttachment(incident.id, $0.id),
                                   meta: "\($0.uploaderName), \(formats.dateTime($0.uploadedAt, language))")
        }

        var triage: IncidentPages.Triage?
        if Policy.decide(actor, .triageIncident(facts)) == .allow {
            triage = try await triageSection(incident, facts, actor: actor, form: triageForm, views: views)
        }
        let maySuspend = facts.system.map { Policy.decide(actor, .suspendSystem($0)) == .allow } ?? false
        return IncidentPages.Show(
            id: incident.id, title: incident.title, status: views.status(incident.status), statusKey: incident.status.rawValue,
            severity: incident.severity.map { views.severity($0) }, severityKey: incident.severity?.rawValue ?? "unassessed",
            critical: incident.severity == .critical, facts: list, description: incident.description,
            actionsTaken: incident.actionsTaken.isEmpty ? nil : incident.actionsTaken,
            rootCause: incident.rootCause.isEmpty ? nil : incident.rootCause,
            correctiveActions: incident.correctiveActions.isEmpty ? nil : incident.correctiveActions,
            evidence: evidence, deadline: deadline, systemHref: systemHref, maySuspend: maySuspend,
            triage: triage,
            closeHref: Policy.decide(actor, .closeIncident(facts)) == .allow ? Paths.incidentClose(incident.id) : nil,
            formError: message.map { views.text(runtime: $0) })
    }

    /// The Art. 73 notification deadline of a serious incident, and whether it was missed.
    private func art73Deadline(_ incident: Incident, _ views: IncidentViews) -> IncidentPages.Deadline? {
        func date(_ iso: String?) -> String? { iso.map { formats.calendarDate($0, language) } }
        let due = Art73Deadline.due(severity: incident.severity, awareOn: incident.awareOn, case: incident.art73Case)
        return due.map { due in
            IncidentPages.Deadline(
                due: formats.calendarDate(due, language),
                explanation: Catalog.fill(views.text(runtime: "incident_art73_\(incident.art73Case.rawValue)"),
                                          ["days": String(incident.art73Case.days), "aware": formats.calendarDate(incident.awareOn, language)]),
                notified: date(incident.authorityNotifiedOn),
                missed: Art73Deadline.missed(due: due, today: formats.localISODate(), notifiedOn: incident.authorityNotifiedOn))
        }
    }

    /// The triage form: the system and the owner as searchable fields (issue 19; an incident's first triage names the
    /// system the report was filed on, a later one what was saved), each suggesting a bounded list of what the policy
    /// allows; the severity and the Art. 73 period are fixed lists.
    private func triageSection(_ incident: Incident, _ facts: IncidentFacts, actor: Requester, form: FormState?, views: IncidentViews)
        async throws -> IncidentPages.Triage {
        var state = form ?? FormState()
        if form == nil {
            state.values = [
                "system_id": incident.systemName ?? incident.systemId.map(String.init) ?? "", "severity": incident.severity?.rawValue ?? "",
                "owner_id": incident.ownerEmail ?? "", "root_cause": incident.rootCause,
                "corrective_actions": incident.correctiveActions, "aware_on": incident.awareOn,
                "art73_case": incident.art73Case.rawValue, "authority_notified_on": incident.authorityNotifiedOn ?? "",
            ]
        }
        // The revision is always the one this page was built from (a refused form is shown over the fresh record).
        state.values["revision"] = String(incident.revision)
        let limit = CaseShowBuilder.suggestions
        let systems = try await incidents.systemSuggestions(for: actor, limit: limit)
        // Before a system is tied (a public report) the committee's accounts are suggested; the store checks the owner
        // against the system chosen.
        let owners = try await incidents.ownerSuggestions(facts, limit: limit)
        return IncidentPages.Triage(
            action: Paths.incidentTriage(incident.id) + "#triage-form", form: state,
            systems: systems.map { Choice(value: $0.name, label: views.messages.fill(.system_number_label, ["number": String($0.id)]), selected: false) },
            severities: [Choice(value: "", label: views.text(.incident_choose), selected: state.value("severity").isEmpty)]
                + views.severityChoices(state),
            owners: owners.map { Choice(value: $0.email, label: $0.name, selected: false) },
            periods: state.choices("art73_case", Art73Case.allCases.map { ($0.rawValue, views.text(runtime: "incident_art73_choice_\($0.rawValue)")) }),
            text: views.hint(FieldLimits.incidentText), first: incident.status == .reported)
    }
}

