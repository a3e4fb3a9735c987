import Foundation

extension FieldLimits {
    /// What happened, actions taken, root cause, corrective actions.
    static let incidentText = 5000
    /// The service a public sender names.
    static let serviceNamed = 200
}

/// The fields a signed-in report and a public report share: what happened, when, harm type, people affected,
/// fallback. Validated the same way for both.
struct IncidentFields: Sendable {
    let title: String
    let description: String
    let occurredOn: String
    let rawHarm: String
    let peopleAffected: String
    let rawFallback: String

    init(_ fields: FormFields) {
        title = fields["title"]
        description = fields.raw("description").trimmingCharacters(in: .whitespacesAndNewlines)
        occurredOn = fields["occurred_on"]
        rawHarm = fields["harm_type"]
        peopleAffected = fields["people_affected"]
        rawFallback = fields["fallback_used"]
    }

    var values: [String: String] {
        ["title": title, "description": description, "occurred_on": occurredOn, "harm_type": rawHarm,
         "people_affected": peopleAffected, "fallback_used": rawFallback]
    }

    /// `today` is the committee's local date: an incident cannot have happened tomorrow.
    func validate(today: String, occurredRequired: Bool, into errors: inout FieldErrors) {
        if let problem = Validate.text(title, max: FieldLimits.title) { errors.add("title", problem) }
        if let problem = Validate.text(description, max: FieldLimits.incidentText) { errors.add("description", problem) }
        if occurredOn.isEmpty {
            if occurredRequired { errors.add("occurred_on", .error_required) }
        } else if !Formats.isISODate(occurredOn) {
            errors.add("occurred_on", .error_date)
        } else if occurredOn > today {
            errors.add("occurred_on", .incident_error_future)
        }
        if HarmType(rawValue: rawHarm) == nil { errors.add("harm_type", .error_choice) }
        if !peopleAffected.isEmpty && (Int(peopleAffected).map { $0 < 0 || $0 > 1_000_000_000 } ?? true) {
            errors.add("people_affected", .incident_error_people)
        }
        if !rawFallback.isEmpty && FallbackUse(rawValue: rawFallback) == nil { errors.add("fallback_used", .error_choice) }
    }

    func draft(severity: IncidentSeverity?, actionsTaken: String, serviceNamed: String = "") -> IncidentDraft {
        IncidentDraft(title: title, description: description, occurredOn: occurredOn.isEmpty ? nil : occurredOn,
                      harmType: HarmType(rawValue: rawHarm) ?? .other, severity: severity, peopleAffected: Int(peopleAffected),
                      fallbackUsed: FallbackUse(rawValue: rawFallback) ?? .unknown, actionsTaken: actionsTaken, serviceNamed: serviceNamed)
    }
}

/// A signed-in person's report on a system: the shared fields, the severity and the actions already taken.
/// Evidence files are checked by the controller (their bytes), on the same form.
struct IncidentReportForm: Sendable {
    let common: IncidentFields
    let rawSeverity: String
    let actionsTaken: String

    init(_ fields: FormFields) {
        common = IncidentFields(fields)
        rawSeverity = fields["severity"]
        actionsTaken = fields.raw("actions_taken").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var values: [String: String] {
        common.values.merging(["severity": rawSeverity, "actions_taken": actionsTaken]) { $1 }
    }

    func validate(today: String) -> FieldErrors {
        var errors = FieldErrors()
        common.validate(today: today, occurredRequired: true, into: &errors)
        if IncidentSeverity(rawValue: rawSeverity) == nil { errors.add("severity", .error_choice) }
        if let problem = Validate.text(actionsTaken, max: FieldLimits.incidentText, required: false) { errors.add("actions_taken", problem) }
        return errors
    }

    var draft: IncidentDraft { common.draft(severity: IncidentSeverity(rawValue: rawSeverity), actionsTaken: actionsTaken) }
}

/// The public feedback form: the shared fields, the service the sender used, and a honeypot (`website`), a field
/// people never see and bots fill in.
struct PublicFeedbackForm: Sendable {
    static let honeypot = "website"
    let common: IncidentFields
    let service: String
    let trap: String

    init(_ fields: FormFields) {
        common = IncidentFields(fields)
        service = fields["service"]
        trap = fields.raw(Self.honeypot)
    }

    var values: [String: String] { common.values.merging(["service": service]) { $1 } }

    /// Whether a robot filled the hidden field.
    var caughtInHoneypot: Bool { !trap.isEmpty }

    func validate(today: String) -> FieldErrors {
        var errors = FieldErrors()
        if let problem = Validate.text(service, max: FieldLimits.serviceNamed) { errors.add("service", problem) }
        common.validate(today: today, occurredRequired: false, into: &errors)
        return errors
    }

    var draft: IncidentDraft { common.draft(severity: nil, actionsTaken: "", serviceNamed: service) }
}

/// The secretary's triage form. The system and the owner are searchable fields (issue 19): a name or a number, an
/// e-mail, a name or an account number, kept as typed; the controller resolves them (`IncidentStore.system(typed:for:)`,
/// `UserStore.match(typed:)`) and the store checks the owner against the system chosen.
struct IncidentTriageForm: PageForm {
    let systemTyped: String
    let rawSeverity: String
    let ownerTyped: String
    let rootCause: String
    let correctiveActions: String
    let awareOn: String
    let rawArt73: String
    let authorityNotifiedOn: String
    let revision: String

    init(_ fields: FormFields) {
        systemTyped = fields["system_id"].trimmingCharacters(in: .whitespaces); rawSeverity = fields["severity"]
        ownerTyped = fields["owner_id"].trimmingCharacters(in: .whitespaces)
        rootCause = fields.raw("root_cause").trimmingCharacters(in: .whitespacesAndNewlines)
        correctiveActions = fields.raw("corrective_actions").trimmingCharacters(in: .whitespacesAndNewlines)
        awareOn = fields["aware_on"]; rawArt73 = fields["art73_case"]; authorityNotifiedOn = fields["authority_notified_on"]
        revision = fields["revision"]
    }

    var values: [String: String] {
        ["system_id": systemTyped, "severity": rawSeverity, "owner_id": ownerTyped, "root_cause": rootCause,
         "corrective_actions": correctiveActions, "aware_on": awareOn, "art73_case": rawArt73,
         "authority_notified_on": authorityNotifiedOn, "revision": revision]
    }

    /// The checks that need no database; the typed system and owner are resolved by the controller.
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if systemTyped.isEmpty { errors.add("system_id", .incident_error_system_missing) }
        if IncidentSeverity(rawValue: rawSeverity) == nil { errors.add("severity", .error_choice) }
        if let problem = Validate.text(rootCause, max: FieldLimits.incidentText, required: false) { errors.add("root_cause", problem) }
        if let problem = Validate.text(correctiveActions, max: FieldLimits.incidentText, required: false) {
            errors.add("corrective_actions", problem)
        }
        if !Formats.isISODate(awareOn) { errors.add("aware_on", .error_date) }
        if Art73Case(rawValue: rawArt73) == nil { errors.add("art73_case", .error_choice) }
        if !authorityNotifiedOn.isEmpty && !Formats.isISODate(authorityNotifiedOn) { errors.add("authority_notified_on", .error_date) }
        return errors
    }

    /// The triage, once the typed system and owner are resolved to records.
    func triage(systemId: Int64, ownerId: Int64?) -> IncidentTriage? {
        guard let severity = IncidentSeverity(rawValue: rawSeverity), let period = Art73Case(rawValue: rawArt73) else { return nil }
        return IncidentTriage(systemId: systemId, severity: severity, ownerId: ownerId, rootCause: rootCause,
                              correctiveActions: correctiveActions, awareOn: awareOn, art73Case: period,
                              authorityNotifiedOn: authorityNotifiedOn.isEmpty ? nil : authorityNotifiedOn)
    }
}
