import Foundation

/// A fundamental-rights impact assessment (Art. 27(1) of Regulation (EU) 2024/1689): the six elements the
/// article lists, (a) to (f), as the deployer describes them.
public struct FRIA: Sendable, Equatable {
    /// The elements in the article's order: field name, its point of Art. 27(1).
    public static let fields: [(name: String, point: String)] = [
        ("processes", "a"), ("period", "b"), ("persons", "c"), ("risks", "d"), ("oversight", "e"), ("measures", "f"),
    ]
    public static let maxLength = 4000

    public var processes: String
    public var period: String
    public var persons: String
    public var risks: String
    public var oversight: String
    public var measures: String

    public init(processes: String, period: String, persons: String, risks: String, oversight: String, measures: String) {
        self.processes = processes; self.period = period; self.persons = persons
        self.risks = risks; self.oversight = oversight; self.measures = measures
    }

    init(_ values: [String: String]) {
        self.init(processes: values["processes"] ?? "", period: values["period"] ?? "", persons: values["persons"] ?? "",
                  risks: values["risks"] ?? "", oversight: values["oversight"] ?? "", measures: values["measures"] ?? "")
    }

    var values: [String: String] {
        ["processes": processes, "period": period, "persons": persons, "risks": risks, "oversight": oversight, "measures": measures]
    }
}

/// One saved version, with who wrote it and when.
public struct FRIAVersion: Sendable, Equatable {
    public let caseId: Int64
    public let version: Int
    public let fria: FRIA
    public let writtenBy: String
    public let writtenAt: String
}

/// The assessment form: the six elements, each required (the article asks for each), each within the limit.
struct FRIAForm: PageForm {
    let fria: FRIA
    /// The version the writer started from: a version saved meanwhile by someone else is not overwritten.
    let baseVersion: String

    init(_ fields: FormFields) {
        var values: [String: String] = [:]
        for field in FRIA.fields { values[field.name] = fields.raw(field.name).trimmingCharacters(in: .whitespacesAndNewlines) }
        fria = FRIA(values)
        baseVersion = fields["base_version"]
    }

    var values: [String: String] { fria.values.merging(["base_version": baseVersion]) { $1 } }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        for (name, value) in fria.values {
            if let problem = Validate.text(value, max: FRIA.maxLength) { errors.add(name, problem) }
            else if value.unicodeScalars.count > FRIA.maxLength { errors.add(name, .error_too_long) }
        }
        return errors
    }
}

/// The first draft of an assessment, from what the case already says: its description and the readiness notes
/// on purpose, people affected, oversight, retention, escalation and feedback (the data-protection answers are
/// reused, not asked again). Each element starts from what bears on it; the owner completes it.
enum FRIAPrefill {
    static func draft(description: String, notes: [String: String], answers: [String: Readiness.Answer],
                      personalData: Bool, language: Language) -> FRIA {
        let t = Catalog.messages(language)
        func join(_ parts: [String?]) -> String {
            parts.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        func note(_ id: String) -> String? { notes[id] }
        let dataLine = t.fill(personalData ? .fria_prefill_personal_data : .fria_prefill_no_personal_data,
                                    ["legal_basis": answers["data.legal_basis"].flatMap { t[runtime: "answer_\($0.rawValue)"] } ?? "—"])
        return FRIA(processes: String(join([description, note("governance.purpose")]).prefix(FRIA.maxLength)),
                    period: String(join([note("data.retention")]).prefix(FRIA.maxLength)),
                    persons: String(join([note("governance.affected"), dataLine]).prefix(FRIA.maxLength)),
                    risks: String(join([note("data.legal_basis"), note("data.dpo")]).prefix(FRIA.maxLength)),
                    oversight: String(join([note("governance.oversight")]).prefix(FRIA.maxLength)),
                    measures: String(join([note("crisis.fallback"), note("crisis.escalation"), note("crisis.feedback")]).prefix(FRIA.maxLength)))
    }
}
