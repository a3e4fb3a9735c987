import Foundation

/// Interface languages. Stored values are these codes; everything shown comes from `Catalog`.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, fr

    /// The first supported language in an `Accept-Language` header, honouring q-values.
    public static func preferred(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (Language, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { return nil }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = Language(rawValue: primary) else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0 ? (language, q) : nil
        }
        return ranked.enumerated().max { a, b in
            a.element.1 != b.element.1 ? a.element.1 < b.element.1 : a.offset > b.offset
        }?.element.0
    }
}
