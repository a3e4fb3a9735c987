import Foundation
import NIOConcurrencyHelpers

/// The message catalogues: every piece of text people read comes from here, by key. The text is data,
/// `translations/<language>.json` (flat key → text, plural forms as `key_one` / `key_other`), compiled into
/// the binary by the TemplateCompiler build plugin with the typed keys (`MessageKey`, `PluralKey`); a folder
/// given at start-up (`--translations`, `TranslationFolder`) may replace it, once validated.
public enum Catalog {
    /// The catalogue of a language, French typography applied.
    public static func messages(_ language: Language) -> Messages {
        current.withLockedValue { $0 }.of(language)
    }

    /// The built-in texts (from translations/ at build time).
    static let builtIn = Catalogues(english: Messages(.en, embedded["en"] ?? []), french: Messages(.fr, embedded["fr"] ?? []))

    /// Replaces the built-in texts with those of a folder, after `TranslationFolder` found nothing wrong in it
    /// (`ethics serve --translations DIR`). Throws, and keeps the built-in texts, otherwise.
    public static func use(folder: String) throws {
        let loaded = try TranslationFolder.load(URL(fileURLWithPath: folder), over: builtIn)
        current.withLockedValue { $0 = loaded }
    }

    private static let current = NIOLockedValueBox(builtIn)

    /// Position of every key in each language's texts (also keys only looked up by text, as `audit_action_case.created`).
    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: MessageKey.names.enumerated().map { ($1, $0) })

    /// A text with its named placeholders (`{name}`) filled in. Typed look-ups go through `Messages.fill`.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// A person's title for a position, in the form they chose where the language has several
    /// (`position_chair_feminine`…), else the position's name.
    static func title(_ position: Position, _ form: TitleForm, _ messages: Messages) -> String {
        messages[runtime: "position_\(position.rawValue)_\(form.rawValue)"] ?? messages[runtime: "position_\(position.rawValue)"] ?? ""
    }
}

/// The catalogue of each language.
struct Catalogues: Sendable {
    let english: Messages
    let french: Messages

    func of(_ language: Language) -> Messages {
        switch language {
        case .en: english
        case .fr: french
        }
    }
}
