import Foundation

/// A folder of translation files given at start-up (`ethics serve --translations DIR`, env ETHICS_TRANSLATIONS),
/// so a translator can try their edits without rebuilding. It holds `<language>.json` files like translations/;
/// a language without a file keeps its built-in text. A file is used only when `TranslationCheck` finds nothing
/// wrong in it; otherwise the server refuses to start and says what to fix.
enum TranslationFolder {
    static func load(_ folder: URL, over builtIn: Catalogues) throws -> Catalogues {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw TranslationProblem(["\(folder.path): no such folder"])
        }
        var problems: [String] = [], loaded: [Language: Messages] = [:]
        for language in Language.allCases {
            let file = folder.appendingPathComponent("\(language.rawValue).json")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            guard let data = try? Data(contentsOf: file),
                  let table = (try? JSONSerialization.jsonObject(with: data)) as? [String: String] else {
                problems.append("\(file.path): not a JSON object of strings (key → text)")
                continue
            }
            let found = TranslationCheck.problems(table, english: builtIn.english.table)
            problems += found.map { "\(file.path): \($0)" }
            if found.isEmpty { loaded[language] = Messages(language, MessageKey.names.map { table[$0]! }) }
        }
        if !problems.isEmpty { throw TranslationProblem(problems) }
        if loaded.isEmpty { throw TranslationProblem(["\(folder.path): no translation file (en.json, fr.json)"]) }
        return Catalogues(english: loaded[.en] ?? builtIn.english, french: loaded[.fr] ?? builtIn.french)
    }
}

/// What a translation must be, for the files of translations/ (tests) and a folder given at start-up.
enum TranslationCheck {
    /// Everything wrong in one language's table, measured against the English catalogue: a key missing or
    /// unknown, an empty text, or placeholders (`{name}`) other than the English text's.
    static func problems(_ table: [String: String], english: [String: String]) -> [String] {
        var problems: [String] = []
        for key in english.keys.sorted() {
            guard let text = table[key] else { problems.append("missing key \(key)"); continue }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("\(key): empty text") }
            let expected = placeholders(english[key]!), found = placeholders(text)
            if expected != found {
                problems.append("\(key): placeholders \(found.sorted().joined(separator: " ")) instead of \(expected.sorted().joined(separator: " "))")
            }
        }
        for key in table.keys.sorted() where english[key] == nil { problems.append("unknown key \(key)") }
        return problems
    }

    /// The named placeholders of a text: `{count}`, `{name}`…
    static func placeholders(_ text: String) -> Set<String> {
        var found = Set<String>(), rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { found.insert("{\(name)}") }
            rest = after[after.index(after: close)...]
        }
        return found
    }
}

/// Why a translation folder was refused: one line per problem (the first 50), then how many more.
public struct TranslationProblem: Error, CustomStringConvertible {
    public let problems: [String]
    init(_ problems: [String]) { self.problems = problems }

    public var description: String {
        let shown = problems.prefix(50).joined(separator: "\n  ")
        let more = problems.count > 50 ? "\n  … and \(problems.count - 50) more" : ""
        return "The translations were refused:\n  \(shown)\(more)"
    }
}
