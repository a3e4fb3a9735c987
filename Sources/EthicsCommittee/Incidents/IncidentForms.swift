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

/// The secretary's triage form.
struct IncidentTriageForm: PageForm {
    let systemId: String
    let rawSeverity: String
    let ownerId: String
    let rootCause: String
    let correctiveActions: String
    let awareOn: String
    let rawArt73: String
    let authorityNotifiedOn: String
    let revision: String

    init(_ fields: FormFields) {
        systemId = fields["system_id"]; rawSeverity = fields["severity"]; ownerId = fields["owner_id"]
        rootCause = fields.raw("root_cause").trimmingCharacters(in: .whitespacesAndNewlines)
        correctiveActions = fields.raw("corrective_actions").trimmingCharacters(in: .whitespacesAndNewlines)
        awareOn = fields["aware_on"]; rawArt73 = fields["art73_case"]; authorityNotifiedOn = fields["authority_notified_on"]
        revision = fields["revision"]
    }

    var values: [String: String] {
        ["system_id": systemId, "severity": rawSeverity, "owner_id": ownerId, "root_cause": rootCause,
         "corrective_actions": correctiveActions, "aware_on": awareOn, "art73_case": rawArt73,
         "authority_notified_on": authorityNotifiedOn, "revision": revision]
    }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if Int64(systemId) == nil { errors.add("system_id", .incident_error_system) }
        if IncidentSeverity(rawValue: rawSeverity) == nil { errors.add("severity", .error_choice) }
        if !ownerId.isEmpty && Int64(ownerId) == nil { errors.add("owner_id", .error_choice) }
        if let problem = Validate.text(rootCause, max: FieldLimits.incidentText, required: false) { errors.add("root_cause", problem) }
        if let problem = Validate.text(correctiveActions, max: FieldLimits.incidentText, required: false) {
            errors.add("corrective_actions", problem)
        }
        if !Formats.isISODate(awareOn) { errors.add("aware_on", .error_date) }
        if Art73Case(rawValue: rawArt73) == nil { errors.add("art73_case", .error_choice) }
        if !authorityNotifiedOn.isEmpty && !Formats.isISODate(authorityNotifiedOn) { errors.add("authority_notified_on", .error_date) }
        return errors
    }

    var triage: IncidentTriage? {
        guard let system = Int64(systemId), let severity = IncidentSeverity(rawValue: rawSeverity),
              let period = Art73Case(rawValue: rawArt73) else { return nil }
        return IncidentTriage(systemId: system, severity: severity, ownerId: Int64(ownerId), rootCause: rootCause,
                              correctiveActions: correctiveActions, awareOn: awareOn, art73Case: period,
                              authorityNotifiedOn: authorityNotifiedOn.isEmpty ? nil : authorityNotifiedOn)
    }
}
