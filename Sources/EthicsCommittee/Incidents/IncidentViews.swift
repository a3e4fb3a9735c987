import Foundation

/// Labels, choices and rows of the incident pages, in the reader's language.
struct IncidentViews {
    let formats: Formats
    let language: Language
    var messages: Messages { Catalog.messages(language) }

    func text(_ key: MessageKey) -> String { messages[key] }
    /// A key made from a value (`incident_harm_\(harm)`): `RuntimeKeyTests` checks every value has one.
    func text(runtime key: String) -> String { messages[runtime: key] ?? key }

    func hint(_ max: Int) -> IncidentPages.Hint {
        let count = NumberText.format(max, language)
        return IncidentPages.Hint(max: max, hint: Catalog.fill(text(.limit_characters), ["count": count]))
    }

    func harm(_ harm: HarmType) -> String { text(runtime: "incident_harm_\(harm.rawValue)") }
    func severity(_ severity: IncidentSeverity?) -> String { text(runtime: "incident_severity_\(severity?.rawValue ?? "unassessed")") }
    func status(_ status: IncidentStatus) -> String { text(runtime: "incident_status_\(status.rawValue)") }

    func harmChoices(_ form: FormState, blank: Bool = true) -> [Choice] {
        (blank ? [Choice(value: "", label: text(.incident_choose), selected: form.value("harm_type").isEmpty)] : [])
            + form.choices("harm_type", HarmType.allCases.map { ($0.rawValue, harm($0)) })
    }
    func severityChoices(_ form: FormState, fallback: String? = nil) -> [Choice] {
        form.choices("severity", IncidentSeverity.allCases.map { ($0.rawValue, severity($0)) }, fallback: fallback)
    }
    func fallbackChoices(_ form: FormState) -> [Choice] {
        form.choices("fallback_used", FallbackUse.allCases.map { ($0.rawValue, text(runtime: "incident_fallback_\($0.rawValue)")) },
                     fallback: FallbackUse.unknown.rawValue)
    }

    func row(_ incident: IncidentRow) -> IncidentPages.Row {
        IncidentPages.Row(href: Paths.incident(incident.id), title: incident.title,
                          system: incident.systemName ?? text(.incident_no_system),
                          severity: severity(incident.severity), severityKey: incident.severity?.rawValue ?? "unassessed",
                          harm: harm(incident.harmType), status: status(incident.status), statusKey: incident.status.rawValue,
                          reported: formats.date(incident.reportedAt, language), publicReport: incident.source == .public)
    }
}
