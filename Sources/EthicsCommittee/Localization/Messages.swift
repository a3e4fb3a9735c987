extension MessageKey {
    /// The key as written in the translation files (a flash message or a field problem carried as text).
    var name: String { MessageKey.names[rawValue] }
}

/// The catalogue of one language. Code and templates read a text by typed key (`messages[.nav_home]`,
/// `{{t.nav_home}}`), so a key missing from translations/en.json fails the build. A key made at run time from
/// a value (`role_\(role)`) goes through `[runtime:]`; a test checks that every possible value has one.
public struct Messages: Sendable {
    public let language: Language
    /// In `MessageKey.names` order.
    let texts: [String]

    /// French texts get French typography here, once (`FrenchTypography`).
    init(_ language: Language, _ texts: [String]) {
        self.language = language
        self.texts = language == .fr ? texts.map(FrenchTypography.apply) : texts
    }

    subscript(_ key: MessageKey) -> String { texts[key.rawValue] }

    /// A key made at run time; nil when the catalogue has none.
    subscript(runtime key: String) -> String? { Catalog.index[key].map { texts[$0] } }

    /// The one way to a text with placeholders: `{name}`s filled from `values`.
    func fill(_ key: MessageKey, _ values: [String: String]) -> String {
        Catalog.fill(self[key], values)
    }

    /// The one way to a text with plural forms: `<key>_one` or `<key>_other` by `count` (French uses the
    /// singular for 0 and 1), `{count}` and the other placeholders filled.
    func fill(_ key: PluralKey, count: Int, _ values: [String: String] = [:]) -> String {
        let one = language == .fr ? count <= 1 : count == 1
        var values = values
        values["count"] = values["count"] ?? String(count)
        return Catalog.fill(self[one ? key.forms.one : key.forms.other], values)
    }

    /// Key → text, for the checks of a translation folder and the tests.
    var table: [String: String] {
        Dictionary(uniqueKeysWithValues: zip(MessageKey.names, texts))
    }
}
