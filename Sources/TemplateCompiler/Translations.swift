import Foundation

/// The translation files (`translations/<language>.json`, flat key → text) as the build sees them: the English
/// file defines the keys; every other language must have exactly the same ones, else the build fails.
struct Translations {
    /// Language code → key → text.
    let files: [String: [String: String]]
    let folder: String

    /// Every key, sorted: a key's position is its `MessageKey` raw value and its index in each language's texts.
    var keys: [String] { (files["en"] ?? [:]).keys.sorted() }

    static func load(_ folder: URL) throws -> Translations {
        let root = folder.standardizedFileURL.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var files: [String: [String: String]] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = root + "/" + name
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let table = try? JSONSerialization.jsonObject(with: data) as? [String: String] else {
                throw TemplateError(file: path, line: 1, message: "a translation file is one JSON object of strings (key → text)")
            }
            files[String(name.dropLast(".json".count))] = table
        }
        guard let english = files["en"] else {
            throw TemplateError(file: root + "/en.json", line: 1, message: "no English translation file")
        }
        // Names `MessageKey` and `PluralKey` already have as Swift members.
        for key in english.keys where ["rawValue", "allCases", "names", "name", "init", "hashValue", "forms", "none", "some"].contains(key) {
            throw TemplateError(file: root + "/en.json", line: 1, message: "the key \(key) is a name Swift code already uses: choose another")
        }
        for (language, table) in files where language != "en" {
            let missing = Set(english.keys).subtracting(table.keys).sorted()
            let extra = Set(table.keys).subtracting(english.keys).sorted()
            if !missing.isEmpty || !extra.isEmpty {
                throw TemplateError(file: root + "/\(language).json", line: 1, message:
                    "keys must be those of en.json; missing: \(missing.joined(separator: ", ")); not in en.json: \(extra.joined(separator: ", "))")
            }
        }
        return Translations(files: files, folder: root)
    }

    /// A key usable as a Swift identifier (`audit_action_case.created` is looked up by text only).
    static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII) else { return false }
        return key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") }
    }

    /// The identifier as Swift code, in backquotes when it is a keyword (`default`).
    static func swiftName(_ key: String) -> String {
        keywords.contains(key) ? "`\(key)`" : key
    }

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is", "nil",
        "super", "self", "Self", "throw", "throws", "true", "try", "Type", "Protocol", "any", "some",
    ]

    /// `MessageKey` (one case per key that is an identifier), `PluralKey` (one per `x_one`/`x_other` pair) and
    /// the texts of each language, in key order, as Swift.
    func generate() -> String {
        let keys = self.keys
        var out = "// Generated from translations/*.json by the TemplateCompiler build plugin. Do not edit.\n"
        out += "// swiftlint:disable all\n\n"
        out += "/// A catalogue key of translations/en.json, checked by the compiler: a key that is not in the file does not build.\n"
        out += "/// Its raw value is its position in `MessageKey.names` and in each language's texts.\n"
        out += "enum MessageKey: Int, CaseIterable, Sendable {\n"
        for (index, key) in keys.enumerated() where Self.isIdentifier(key) {
            out += "    case \(Self.swiftName(key)) = \(index)\n"
        }
        out += "}\n\nextension MessageKey {\n    /// Every key as written in the files (also those only looked up by text), sorted.\n"
        out += "    static let names: [String] = [\n"
        for key in keys { out += "        \(Self.literal(key)),\n" }
        out += "    ]\n}\n\n"
        let keySet = Set(keys)
        let plurals = keys.filter { $0.hasSuffix("_one") }.map { String($0.dropLast(4)) }
            .filter { keySet.contains($0 + "_other") && Self.isIdentifier($0) }
        out += "/// A message with plural forms: `<key>_one` and `<key>_other` in every language.\n"
        out += "enum PluralKey: Sendable, CaseIterable {\n"
        for key in plurals { out += "    case \(Self.swiftName(key))\n" }
        out += "\n    var forms: (one: MessageKey, other: MessageKey) {\n        switch self {\n"
        for key in plurals {
            out += "        case .\(Self.swiftName(key)): (.\(Self.swiftName(key + "_one")), .\(Self.swiftName(key + "_other")))\n"
        }
        out += "        }\n    }\n}\n\nextension Catalog {\n"
        out += "    /// The texts built into the binary, by language code, in `MessageKey.names` order.\n"
        out += "    static let embedded: [String: [String]] = [\n"
        for language in files.keys.sorted() { out += "        \(Self.literal(language)): embedded_\(language),\n" }
        out += "    ]\n"
        for language in files.keys.sorted() {
            let table = files[language]!
            out += "\n    private static let embedded_\(language): [String] = [\n"
            for key in keys { out += "        \(Self.literal(table[key]!)),\n" }
            out += "    ]\n"
        }
        out += "}\n"
        return out
    }

    static func literal(_ text: String) -> String {
        var s = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": s += "\\\\"
            case "\"": s += "\\\""
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            default:
                if scalar.value < 0x20 { s += "\\u{\(String(scalar.value, radix: 16))}" } else { s.unicodeScalars.append(scalar) }
            }
        }
        return s + "\""
    }
}
