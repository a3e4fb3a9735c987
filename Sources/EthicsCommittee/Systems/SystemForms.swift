import Foundation

/// The register's form (registering and editing). The owner is a person field (an e-mail, a name or an account
/// number, kept as typed); who it names, whether they may own the system and whether the case approved it need the
/// database: the controller checks those on the same field names.
struct SystemForm: PageForm {
    let fields: [String: String]
    init(_ form: FormFields) {
        var fields: [String: String] = [:]
        for name in ["name", "owner_id", "vendor", "model", "data_sources", "population", "risk_tier", "status", "deployed_on",
                     "case_id", "revision"] {
            fields[name] = form[name]
        }
        fields["purpose"] = form.raw("purpose").trimmingCharacters(in: .whitespacesAndNewlines)
        self.fields = fields
    }
    var values: [String: String] { fields }
    func value(_ name: String) -> String { fields[name] ?? "" }

    /// What was typed in the owner field, resolved by `UserStore.find(typed:)`.
    var ownerTyped: String { value("owner_id").trimmingCharacters(in: .whitespaces) }
    var caseId: Int64? { Int64(value("case_id")) }
    var revision: Int? { Int(value("revision")) }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        let limits: [(String, Int, Bool)] = [("name", SystemLimits.name, true), ("vendor", SystemLimits.vendor, false),
                                             ("model", SystemLimits.model, false), ("purpose", SystemLimits.purpose, true),
                                             ("data_sources", SystemLimits.dataSources, false), ("population", SystemLimits.population, false)]
        for (name, max, required) in limits {
            if let problem = Validate.text(value(name), max: max, required: required) { errors.add(name, problem) }
        }
        if ownerTyped.isEmpty { errors.add("owner_id", .system_error_owner) }
        if RiskTier(rawValue: value("risk_tier")) == nil && caseId == nil { errors.add("risk_tier", .system_error_tier) }
        if !value("deployed_on").isEmpty && !Formats.isISODate(value("deployed_on")) { errors.add("deployed_on", .system_error_date) }
        return errors
    }

    /// The draft, once valid, with the owner the field named. `status` is read only at registration.
    func draft(ownerId: Int64) -> SystemDraft {
        SystemDraft(name: value("name"), ownerId: ownerId, vendor: value("vendor"), model: value("model"), purpose: value("purpose"),
                    dataSources: value("data_sources"), population: value("population"),
                    riskTier: RiskTier(rawValue: value("risk_tier")) ?? .medium,
                    status: value("status") == SystemStatus.inService.rawValue ? .inService : .planned,
                    deployedOn: value("deployed_on").isEmpty ? nil : value("deployed_on"))
    }
}

/// Suspending a system: why (required), the incident that caused it (optional), and "I understand".
struct SuspendForm: PageForm {
    let reason: String
    let incident: String
    let confirmed: Bool
    init(_ form: FormFields) {
        reason = form.raw("reason").trimmingCharacters(in: .whitespacesAndNewlines)
        incident = form["incident"]
        confirmed = Confirmation.given(form)
    }
    var values: [String: String] { ["reason": reason, "incident": incident] }
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if let problem = Validate.text(reason, max: SystemLimits.reason) { errors.add("reason", problem) }
        if let problem = Validate.text(incident, max: SystemLimits.incident, required: false) { errors.add("incident", problem) }
        if !confirmed { errors.add("confirm", .system_error_confirm) }
        return errors
    }
}

/// A substantive change: the new values of the fields that changed, and what the owner says about it.
struct ChangeForm: PageForm {
    let fields: [SystemChangeField: String]
    let explanation: String
    init(_ form: FormFields) {
        var fields: [SystemChangeField: String] = [:]
        for field in SystemChangeField.allCases {
            fields[field] = field == .purpose ? form.raw(field.rawValue).trimmingCharacters(in: .whitespacesAndNewlines) : form[field.rawValue]
        }
        self.fields = fields
        explanation = form.raw("explanation").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var values: [String: String] {
        var values = ["explanation": explanation]
        for (field, value) in fields { values[field.rawValue] = value }
        return values
    }
    static func limit(_ field: SystemChangeField) -> Int {
        switch field {
        case .model: SystemLimits.model
        case .dataSources: SystemLimits.dataSources
        case .purpose: SystemLimits.purpose
        case .population: SystemLimits.population
        }
    }
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        for field in SystemChangeField.allCases {
            if let problem = Validate.text(fields[field] ?? "", max: Self.limit(field), required: field == .purpose) {
                errors.add(field.rawValue, problem)
            }
        }
        if let problem = Validate.text(explanation, max: SystemLimits.note) { errors.add("explanation", problem) }
        return errors
    }
}

/// An attestation: as approved, or what changed (then said in the note).
struct AttestForm: PageForm {
    let outcome: String
    let note: String
    init(_ form: FormFields) {
        outcome = form["outcome"]
        note = form.raw("note").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var asApproved: Bool { outcome == "as_approved" }
    var values: [String: String] { ["outcome": outcome, "note": note] }
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if !["as_approved", "changed"].contains(outcome) { errors.add("outcome", .system_error_attest_outcome) }
        if let problem = Validate.text(note, max: SystemLimits.note, required: outcome == "changed") {
            errors.add("note", problem == .error_required ? .system_error_attest_note : problem)
        }
        return errors
    }
}
