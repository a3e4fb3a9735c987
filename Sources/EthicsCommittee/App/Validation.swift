import Foundation

/// Field problems found by a form's validation, as catalogue keys by field name.
struct FieldErrors: Sendable {
    private(set) var keys: [String: String] = [:]
    var isEmpty: Bool { keys.isEmpty }
    mutating func add(_ field: String, _ key: MessageKey) { add(field, runtime: key.name) }
    /// A key that comes as text (a store's refusal, another form's problems).
    mutating func add(_ field: String, runtime key: String) { if keys[field] == nil { keys[field] = key } }

    /// Translated messages by field, for the page model.
    func messages(_ language: Language) -> [String: String] {
        let catalog = Catalog.messages(language)
        return keys.mapValues { catalog[runtime: $0] ?? $0 }
    }
}

/// Shared field rules.
enum Validate {
    /// A plausible e-mail address: one @, no spaces, a dot in the domain, at most 254 characters.
    static func email(_ value: String) -> MessageKey? {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard !value.isEmpty else { return .error_required }
        guard value.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              value.rangeOfCharacter(from: .whitespacesAndNewlines.union(.controlCharacters)) == nil
        else { return .error_email_invalid }
        return nil
    }

    /// Required text of at most `max` characters.
    static func text(_ value: String, max: Int, required: Bool = true) -> MessageKey? {
        if required && value.isEmpty { return .error_required }
        if value.count > max { return .error_too_long }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            return .error_invalid_characters
        }
        return nil
    }
}
