import Foundation
import Testing
@testable import EthicsCommittee

/// `ethics serve --translations DIR`: a translator's folder replaces the built-in text only when it is whole;
/// otherwise the server refuses to start and lists what to fix. (Loaded here without installing it, so the
/// other tests keep the built-in catalogue.)
@Suite struct TranslationFolderTests {
    private func folder(_ files: [String: [String: String]]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("translations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, table) in files {
            try JSONEncoder().encode(table).write(to: url.appendingPathComponent("\(name).json"))
        }
        return url
    }

    @Test func aWholeFolderReplacesTheBuiltInTextTypesetInFrench() throws {
        var french = try CatalogTests.file("fr")
        french["login_title"] = "Se connecter : essai"
        let loaded = try TranslationFolder.load(try folder(["fr": french]), over: Catalog.builtIn)
        #expect(loaded.french[.login_title] == "Se connecter\u{202F}: essai")
        // A language without a file keeps the built-in text.
        #expect(loaded.english[.login_title] == Catalog.builtIn.english[.login_title])
    }

    @Test func aFolderWithAMissingKeyOtherPlaceholdersOrAnEmptyTextIsRefused() throws {
        var french = try CatalogTests.file("fr")
        french["login_title"] = nil
        french["members_more"] = "Et encore {nombre}"
        french["nav_home"] = " "
        french["nav_hom"] = "Accueil"
        let url = try folder(["fr": french])
        let refusal = try #require(throws: TranslationProblem.self) { try TranslationFolder.load(url, over: Catalog.builtIn) }
        let fr = url.appendingPathComponent("fr.json").path
        #expect(refusal.problems == [
            "\(fr): missing key login_title",
            "\(fr): members_more: placeholders {nombre} instead of {count}",
            "\(fr): nav_home: empty text",
            "\(fr): unknown key nav_hom",
        ])
        #expect(refusal.description.hasPrefix("The translations were refused:\n  \(fr): missing key login_title"))
    }

    @Test func aFolderThatIsNotOneIsRefused() throws {
        #expect(throws: TranslationProblem.self) {
            try TranslationFolder.load(URL(fileURLWithPath: "/nonexistent/translations"), over: Catalog.builtIn)
        }
        #expect(throws: TranslationProblem.self) { try TranslationFolder.load(try folder([:]), over: Catalog.builtIn) }
        let broken = try folder([:])
        try Data("{\"nav_home\": 3}".utf8).write(to: broken.appendingPathComponent("en.json"))
        #expect(throws: TranslationProblem.self) { try TranslationFolder.load(broken, over: Catalog.builtIn) }
    }

    @Test func placeholdersAreNamesInBraces() {
        #expect(TranslationCheck.placeholders("{count} cases of {name}, {} and { x }") == ["{count}", "{name}"])
    }
}
