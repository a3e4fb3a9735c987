import Foundation
import Testing
@testable import TemplateCompiler

/// The translation files compiled into typed keys and embedded texts.
@Suite struct TranslationsTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func keysBecomeCasesPluralsAndTextsInKeyOrder() throws {
        let translations = try Translations.load(try folder([
            "en.json": #"{"b_one": "{count} case", "b_other": "{count} cases", "a": "Say \"hi\"", "audit_action_case.created": "Created", "default": "D"}"#,
            "fr.json": #"{"b_one": "{count} dossier", "b_other": "{count} dossiers", "a": "Dites « salut »", "audit_action_case.created": "Créé", "default": "D"}"#,
        ]))
        let code = translations.generate()
        #expect(translations.keys == ["a", "audit_action_case.created", "b_one", "b_other", "default"])
        #expect(code.contains("    case a = 0\n    case b_one = 2\n    case b_other = 3\n    case `default` = 4\n"))
        #expect(!code.contains("case audit_action_case.created"))
        #expect(code.contains("        \"audit_action_case.created\",\n"))
        #expect(code.contains("case .b: (.b_one, .b_other)"))
        #expect(code.contains("private static let embedded_fr: [String] = [\n        \"Dites « salut »\","))
        #expect(code.contains("\"Say \\\"hi\\\"\""))
    }

    /// A language with a key more or less than English does not build.
    @Test func aLanguageThatDiffersFromEnglishFailsTheBuild() throws {
        let url = try folder(["en.json": #"{"a": "A", "b": "B"}"#, "fr.json": #"{"a": "A", "c": "C"}"#])
        let error = try #require(throws: TemplateError.self) { try Translations.load(url) }
        #expect(error.description.contains("fr.json:1: error: keys must be those of en.json; missing: b; not in en.json: c"))
        #expect(throws: TemplateError.self) { try Translations.load(try folder(["en.json": #"{"a": 1}"#])) }
        #expect(throws: TemplateError.self) { try Translations.load(try folder(["fr.json": #"{"a": "A"}"#])) }
    }
}
