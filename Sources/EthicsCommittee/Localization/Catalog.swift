import Foundation

/// The message catalogues: every piece of text people read comes from here, by key.
/// A test fails when a key is in one language and not the other, or a template names a missing key.
public enum Catalog {
    public static func messages(_ language: Language) -> [String: String] {
        switch language {
        case .en: english
        case .fr: frenchTypeset
        }
    }

    /// The French catalogue with French typography applied once (`FrenchTypography`).
    static let frenchTypeset = french.mapValues(FrenchTypography.apply)

    /// Plural forms: `key_one` and `key_other`, with `{count}` replaced. French uses the singular for 0 and 1.
    public static func plural(_ key: String, _ count: Int, _ language: Language) -> String {
        let one = language == .fr ? count <= 1 : count == 1
        let text = messages(language)[key + (one ? "_one" : "_other")] ?? key
        return text.replacingOccurrences(of: "{count}", with: String(count))
    }

    /// A person's title for a position, in the form they chose where the language has several
    /// (`position_chair_feminine`…), else the position's name.
    static func title(_ position: Position, _ form: TitleForm, _ messages: [String: String]) -> String {
        messages["position_\(position.rawValue)_\(form.rawValue)"] ?? messages["position_\(position.rawValue)"] ?? ""
    }

    /// A message with its named placeholders (`{name}`) filled in.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// Each feature may keep its text in a file of its own (`Catalog+Feature.swift`, one dictionary per
    /// language), listed here. A key defined twice stops the app at start-up, so every test catches it.
    static let english = combine([englishBase, englishAudit, englishReports, englishNotifications, englishSearch, englishForms,
                                  englishMeetingLifecycle, englishAccounts, englishBallots, englishWritten, englishAIAct, englishAIActRefusals, englishAIActReview,
                                  englishSystems, englishIncidents, englishScale, englishBounds, englishSystemsFollowUp, englishTypedFields])
    static let french = combine([frenchBase, frenchAudit, frenchReports, frenchNotifications, frenchSearch, frenchForms,
                                 frenchMeetingLifecycle, frenchAccounts, frenchBallots, frenchWritten, frenchAIAct, frenchAIActRefusals, frenchAIActReview,
                                 frenchSystems, frenchIncidents, frenchScale, frenchBounds, frenchSystemsFollowUp, frenchTypedFields])

    private static func combine(_ parts: [[String: String]]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: parts.flatMap { $0.map { ($0.key, $0.value) } })
    }
}
