import Foundation

/// A decoded `application/x-www-form-urlencoded` body: the first value of each field, and all values.
public struct FormFields: Sendable {
    private var values: [String: [String]] = [:]

    public init() {}

    public init(urlEncoded body: String) {
        var components = URLComponents()
        // URLComponents does not read "+" as a space; forms encode spaces that way.
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        for item in components.queryItems ?? [] {
            values[item.name, default: []].append(item.value ?? "")
        }
    }

    /// Fields already split (multipart bodies).
    init(pairs: [(String, String)]) {
        for (name, value) in pairs { values[name, default: []].append(value) }
    }

    /// The field's value, trimmed of surrounding white space ("" when absent).
    public subscript(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The field's value exactly as sent (passwords, Markdown).
    public func raw(_ name: String) -> String { values[name]?.first ?? "" }

    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The names of the fields sent.
    public var names: [String] { Array(values.keys) }
}
