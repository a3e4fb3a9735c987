import Foundation
import Testing
@testable import EthicsCommittee

@Suite struct CatalogTests {
    /// The translation files as a translator leaves them: same keys in each language, same placeholders in each
    /// translation of a key, no empty text (the rules a `--translations` folder is held to at start-up).
    @Test func translationFilesAgree() throws {
        let english = try Self.file("en")
        #expect(english.count > 1500)
        for language in Language.allCases {
            #expect(TranslationCheck.problems(try Self.file(language.rawValue), english: english) == [], "\(language)")
        }
    }

    /// The binary carries the files as they are (the build plugin compiled them), French typeset on top.
    @Test func theBuiltInCatalogueIsTheFiles() throws {
        #expect(Catalog.builtIn.english.table == (try Self.file("en")))
        let french = try Self.file("fr")
        #expect(Catalog.builtIn.french.table == french.mapValues(FrenchTypography.apply))
        #expect(MessageKey.names == french.keys.sorted())
    }

    /// The keys the template compiler saw (`{{t.key}}`, also inside sections and partials); the compiler
    /// refuses a missing one, so this only says the check ran.
    @Test func everyKeyTheTemplatesUseExists() {
        let used = CompiledTemplates.catalogueKeys
        #expect(used.subtracting(MessageKey.names).sorted() == [])
        #expect(used.count > 50)
    }

    static func file(_ language: String) throws -> [String: String] {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("translations/\(language).json"))
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    @Test func everyKeyTheSwiftCodeNamesExists() throws {
        // Keys named in code as string literals ("role_…" built from enums are checked below).
        let sources = packageRoot.appendingPathComponent("Sources/EthicsCommittee")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.contains("Catalog") }
        // Keys passed as text (a store's refusal, a problem carried to a page) are checked here; most are typed
        // (`MessageKey`) and checked by the compiler.
        let pattern = try Regex(#""((?:flash|error|login|home|setup|join|invite|invitation|users|audit|settings|charter|transition|path_missing|tier_reason|quorum_no|quorum_not_reached|forecast_item|aiact_refusal|aiact_problem|aiact_reason|ballot_status|minutes_approved|forgot|feedback|mail)_[a-z0-9_]+|[a-z0-9]+_error_[a-z0-9_]+)""#)
        let known = Set(MessageKey.names)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring!)
                // Plural keys are named by their stem; "charter_public" is a settings row, not a message;
                // "audit_action_" is the prefix of the action labels (checked in AuditBrowsingTests);
                // "audit_log" is the table the audit anchor observes; "aiact_refusal_prohibited_" a prefix (RuntimeKeyTests).
                guard !["charter_public", "charter_proposal", "audit_action_", "audit_log", "aiact_refusal_prohibited_"].contains(key) else { continue }
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
        #expect(Catalog.messages(.en).fill(.members_seated, count: 1) == "member sits")
        #expect(Catalog.messages(.en).fill(.members_seated, count: 0) == "members sit")
        #expect(Catalog.messages(.en).fill(.members_seated, count: 2) == "members sit")
        // French uses the singular for 0 and 1
        #expect(Catalog.messages(.fr).fill(.members_seated, count: 0) == "membre siège")
        #expect(Catalog.messages(.fr).fill(.members_seated, count: 1) == "membre siège")
        #expect(Catalog.messages(.fr).fill(.members_seated, count: 2) == "membres siègent")
    }

    @Test func everyPluralHasBothForms() {
        let keys = Set(MessageKey.names)
        for key in keys where key.hasSuffix("_one") {
            #expect(keys.contains(String(key.dropLast(4)) + "_other"), "\(key)")
        }
        #expect(PluralKey.allCases.count == keys.filter { $0.hasSuffix("_one") }.count)
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
        for (key, text) in Catalog.messages(.fr).table {
            #expect(text.firstMatch(of: wrong) == nil, "\(key): \(text)")
        }
    }

    /// The catalogue is typeset when it is built, whatever its source: the built-in files and a folder loaded at
    /// start-up alike.
    @Test func frenchTypographyIsAppliedToTheWholeCatalogue() throws {
        let n = "\u{202F}"
        #expect(try Self.file("fr")["form_refused"] == "Ce formulaire n'a pas été enregistré : voyez le message à côté du champ.")
        #expect(Catalog.messages(.fr)[.form_refused] == "Ce formulaire n\u{2019}a pas été enregistré\(n): voyez le message à côté du champ.")
        #expect(Catalog.messages(.en)[.form_refused] == "This form was not saved: see the message next to the field.")
    }
}
