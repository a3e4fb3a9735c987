/// How the app joins a label to its value and the items of a list in text it composes itself ("Recused: A; B",
/// "Déports : A ; B"): French puts a narrow no-break space before the colon and the semicolon. The catalogue's own
/// strings get theirs from `FrenchTypography`; this is for what code and templates put between catalogue strings and
/// data. `{{punctuation.colon}}` in templates.
struct Punctuation: Sendable {
    let colon: String
    let semicolon: String

    static let english = Punctuation(colon: ": ", semicolon: "; ")
    static let french = Punctuation(colon: "\u{202F}: ", semicolon: "\u{202F}; ")
    static func of(_ language: Language) -> Punctuation { language == .fr ? french : english }

    /// "Label: value".
    func labelled(_ label: String, _ value: String) -> String { label + colon + value }

    /// "a; b; c".
    func list(_ items: [String]) -> String { items.joined(separator: semicolon) }
}
