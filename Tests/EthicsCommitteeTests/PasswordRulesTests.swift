import Foundation
import Hummingbird
import Testing
@testable import EthicsCommittee

@Suite struct PasswordRulesTests {
    func problem(_ password: String, email: String = "ada.lovelace@example.org", name: String = "Ada Lovelace") -> PasswordProblem? {
        PasswordProblem.check(password, confirmation: password, email: email, name: name)
    }

    @Test(arguments: ["aaaaaaaa", "abababab", "abcabcabc", "abcdefghij", "zyxwvuts", "11112222", "aabbaabb", "qqqqqqqqqqqq"])
    func repetitionsAndRunsAreRefused(_ password: String) {
        #expect(problem(password) == .repetitive || problem(password) == .tooCommon)
    }

    @Test(arguments: ["Password2026", "azerty2026", "2026azerty!", "Motdepasse!2026", "Welcome#99", "Qwerty2026", "Soleil1975", "ab123456"])
    func commonWordsWithDigitsAreRefused(_ password: String) {
        #expect(problem(password) == .tooCommon)
    }

    @Test(arguments: ["ada.lovelace@example.org", "AdaLovelace1815", "Lovelace!Ada", "lovelace2026", "ADA.LOVELACE", "Adalovelace@example"])
    func passwordsBuiltFromOwnEmailAndNameAreRefused(_ password: String) {
        #expect(problem(password) == .personal)
    }

    @Test func accentsInTheNameDoNotHelp() {
        #expect(problem("Eloise-Hebert-1990", email: "e.hebert@example.fr", name: "Éloïse Hébert") == .personal)
    }

    @Test(arguments: ["correct horse battery", "ethics-demo-2026", "lovelace-purple-tiger-sky", "Tr0ub4dor&3x", "a fine passphrase"])
    func decentPasswordsPass(_ password: String) {
        #expect(problem(password) == nil)
    }

    @Test func theAccountPageRefusesWeakPasswordsAndSaysWhy() async throws {
        let app = try await TestApp.make()
        try await app.user("ada.lovelace@example.org", role: .member, name: "Ada Lovelace")
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada.lovelace@example.org")
            try await browser.get("/account/password")
            for (password, message) in [("aaaaaaaa", "repetition or a run"), ("Password2026", "among the most common"),
                                        ("AdaLovelace2026", "made from your e-mail address or your name")] {
                let refused = try await browser.post("/account/password", ["current_password": "correct horse battery",
                                                                           "new_password": password, "new_password_confirmation": password])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.body.contains(message))
                #expect(!refused.body.contains("value=\"\(password)\""))
            }
        }
    }

    @Test func theCurrentPasswordCheckIsThrottled() async throws {
        // Given someone holding a stolen session who guesses the current password
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let thief = Browser(client)
            try await thief.signIn("ada@example.org")
            try await thief.get("/account/password")
            for i in 0..<5 {
                let wrong = try await thief.post("/account/password", ["current_password": "guess number \(i)",
                                                                       "new_password": "a brand new phrase", "new_password_confirmation": "a brand new phrase"])
                #expect(wrong.status == .unprocessableContent)
            }
            // Then even the right one is refused for a while, and the password stays
            let blocked = try await thief.post("/account/password", ["current_password": "correct horse battery",
                                                                     "new_password": "a brand new phrase", "new_password_confirmation": "a brand new phrase"])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.contains("Too many failed attempts"))
        }
        #expect(!(try app.auditActions().contains("account.password_changed")))
    }

    @Test func joiningRefusesAPasswordMadeOfTheNameTypedInTheForm() {
        #expect(PasswordProblem.check("GraceHopper1906", confirmation: "GraceHopper1906", email: "g@navy.example", name: "Grace Hopper") == .personal)
    }
}
