import Foundation
import Testing
@testable import EthicsCommittee

@Suite struct CatalogTests {
    @Test func bothLanguagesHaveTheSameKeys() {
        let english = Set(Catalog.messages(.en).keys), french = Set(Catalog.messages(.fr).keys)
        #expect(english.subtracting(french).sorted() == [], "missing in French")
        #expect(french.subtracting(english).sorted() == [], "missing in English")
    }

    @Test func noMessageIsEmpty() {
        for language in Language.allCases {
            for (key, text) in Catalog.messages(language) {
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key)")
            }
        }
    }

    /// The keys the template compiler saw (`{{t.key}}`, also inside sections and partials).
    @Test func everyKeyTheTemplatesUseExists() {
        let used = CompiledTemplates.catalogueKeys
        for language in Language.allCases {
            #expect(used.subtracting(Catalog.messages(language).keys).sorted() == [], "\(language)")
        }
        #expect(used.count > 50)
    }

    @Test func everyKeyTheSwiftCodeNamesExists() throws {
        // Keys named in code as string literals ("role_…" built from enums are checked below).
        let sources = packageRoot.appendingPathComponent("Sources/EthicsCommittee")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.contains("Catalog") }
        let pattern = try Regex(#""((?:flash|error|login|home|setup|join|invite|invitation|users|audit|settings|charter)_[a-z0-9_]+)""#)
        let known = Set(Catalog.messages(.en).keys)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring!)
                // Plural keys are named by their stem; "charter_public" is a settings row, not a message;
                // "audit_action_" is the prefix of the action labels (checked in AuditBrowsingTests);
                // "audit_log" is the table the audit anchor observes.
                guard !["charter_public", "charter_proposal", "audit_action_", "audit_log"].contains(key) else { continue }
                #expect(known.contains(key) || known.contains(key + "_one"), "\(file): \(key)")
            }
        }
        for role in Role.allCases {
            #expect(known.contains("role_\(role.rawValue)") && known.contains("home_role_\(role.rawValue)"))
        }
        for state in ["pending", "used", "revoked", "expired"] { #expect(known.contains("invitation_state_\(state)")) }
        for kind in ChangeKind.allCases {
            #expect(known.contains("charter_change_\(kind.rawValue)") && known.contains("charter_\(kind.rawValue)_hint"))
        }
        for kind in ["charter", "rules"] { #expect(known.contains("document_\(kind)")) }
        for code in [400, 403, 404, 413, 422, 429, 500] {
            #expect(known.contains("error_\(code)_title") && known.contains("error_\(code)_text"))
        }
        for problem in [PasswordProblem.tooShort, .tooLong, .tooCommon, .mismatch] { #expect(known.contains(problem.rawValue)) }
    }

    @Test func pluralForms() {
        #expect(Catalog.plural("members_seated", 1, .en) == "member sits")
        #expect(Catalog.plural("members_seated", 0, .en) == "members sit")
        #expect(Catalog.plural("members_seated", 2, .en) == "members sit")
        // French uses the singular for 0 and 1
        #expect(Catalog.plural("members_seated", 0, .fr) == "membre siège")
        #expect(Catalog.plural("members_seated", 1, .fr) == "membre siège")
        #expect(Catalog.plural("members_seated", 2, .fr) == "membres siègent")
    }

    @Test func everyPluralHasBothForms() {
        for language in Language.allCases {
            let keys = Set(Catalog.messages(language).keys)
            for key in keys where key.hasSuffix("_one") {
                #expect(keys.contains(String(key.dropLast(4)) + "_other"), "\(language) \(key)")
            }
        }
    }

    @Test(arguments: [
        ("fr-FR,fr;q=0.9,en;q=0.8", Language.fr), ("en-GB,en;q=0.9", .en), ("de-DE,de;q=0.9,fr;q=0.5", .fr),
        ("fr;q=0.2, en;q=0.8", .en), ("de", nil), ("", nil), ("en;q=0, fr;q=0.1", .fr),
    ] as [(String, Language?)])
    func acceptLanguage(_ header: String, _ expected: Language?) {
        #expect(Language.preferred(acceptLanguage: header) == expected)
    }

    @Test func visitorSeesTheBrowsersLanguageAndCanSwitch() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            browser.acceptLanguage = "fr-FR,fr;q=0.9"
            let french = try await browser.get("/login")
            #expect(french.body.contains("<html lang=\"fr\">"))
            #expect(french.body.contains("Mot de passe"))
            let switched = try await browser.post("/language", ["language": "en", "next": "/login"])
            #expect(switched.location == "/login")
            let english = try await browser.get("/login")
            #expect(english.body.contains("<html lang=\"en\">"))
            #expect(english.body.contains(">Password<"))
        }
    }

    @Test func signedInUsersLanguageIsSavedOnTheirProfile() async throws {
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            try await browser.get("/")
            try await browser.post("/language", ["language": "fr", "next": "/"])
            let home = try await browser.get("/")
            #expect(home.body.contains("Bienvenue, Ada"))
            #expect(home.body.contains("Se déconnecter"))
        }
        await #expect(try app.services.users.find(id: ada.id)?.language == .fr)
    }

    @Test func datesFollowLanguageAndTimeZone() async throws {
        let app = try await TestApp.make()
        let stored = "2026-11-24T13:00:00.000Z"  // 14:00 in Paris
        #expect(app.services.formats.dateTime(stored, .fr) == "24 novembre 2026 à 14 h 00")
        #expect(app.services.formats.dateTime(stored, .en) == "24 November 2026, 2:00 pm")
    }

    @Test func frenchTypographyIsTheFormattersNotEachStrings() {
        let n = "\u{202F}"
        #expect(FrenchTypography.apply("Vous administrez : comptes ; rôles ! Vraiment ?") == "Vous administrez\(n): comptes\(n); rôles\(n)! Vraiment\(n)?")
        #expect(FrenchTypography.apply("Nobody covers:") == "Nobody covers\(n):")
        #expect(FrenchTypography.apply("« Renvoyer »") == "«\(n)Renvoyer\(n)»")
        #expect(FrenchTypography.apply("«Renvoyer»") == "«\(n)Renvoyer\(n)»")
        #expect(FrenchTypography.apply("50 % et {count}%") == "50\(n)% et {count}\(n)%")
        #expect(FrenchTypography.apply("l'avis d'{document}") == "l\u{2019}avis d\u{2019}{document}")
        // Times, addresses and query strings are not words that end in a sign
        #expect(FrenchTypography.apply("à 14:00, https://exemple.fr/x?page=2") == "à 14:00, https://exemple.fr/x?page=2")
        // Applied once, it is stable
        #expect(FrenchTypography.apply(FrenchTypography.apply("Titre : « x » !")) == FrenchTypography.apply("Titre : « x » !"))
    }

    @Test func everyFrenchMessageHasItsSpacesAndApostrophes() throws {
        let wrong = try Regex(#"[ \u{00A0}][:;!?»%]|«[ \u{00A0}]|[\p{L}\d][:;!?](\s|$)|\p{L}'"#)
        for (key, text) in Catalog.messages(.fr) {
            #expect(text.firstMatch(of: wrong) == nil, "\(key): \(text)")
        }
    }
}
