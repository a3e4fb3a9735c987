import Foundation
import Hummingbird
import Testing
@testable import EthicsCommittee

@Suite struct AccountTests {
    @Test func changingOwnPasswordNeedsTheCurrentOneAndEndsOtherSessions() async throws {
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let laptop = Browser(client), phone = Browser(client)
            try await laptop.signIn("ada@example.org")
            try await phone.signIn("ada@example.org")
            try await laptop.get("/account/password")
            let wrong = try await laptop.post("/account/password", ["current_password": "nope nope nope",
                                                                    "new_password": "a brand new phrase", "new_password_confirmation": "a brand new phrase"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("The current password is incorrect."))
            let done = try await laptop.post("/account/password", ["current_password": "correct horse battery",
                                                                   "new_password": "a brand new phrase", "new_password_confirmation": "a brand new phrase"])
            #expect(done.status == .seeOther)
            #expect(try await laptop.get("/").body.contains("Your password has been changed."))
            #expect(try await phone.get("/").status == .found)
            #expect(try await Browser(client).signIn("ada@example.org", "a brand new phrase").status == .seeOther)
        }
        await #expect(try app.services.sessions.count(userId: ada.id) == 2)
        #expect(try app.auditActions().contains("account.password_changed"))
    }

    @Test func adminChangesARoleButNotTheirOwn() async throws {
        let app = try await TestApp.make()
        let admin = try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            try await browser.get("/admin/users/\(ada.id)")
            #expect(try await browser.post("/admin/users/\(ada.id)/role", ["role": "secretary"]).status == .seeOther)
            let own = try await browser.post("/admin/users/\(admin.id)/role", ["role": "member"])
            #expect(own.status == .unprocessableContent)
            #expect(own.body.contains("You cannot remove your own administrator role."))
            let selfOff = try await browser.post("/admin/users/\(admin.id)/deactivate")
            #expect(selfOff.status == .unprocessableContent)
            #expect(try await browser.get("/admin/users/999").status == .notFound)
        }
        await #expect(try app.services.users.find(id: ada.id)?.role == .secretary)
        await #expect(try app.services.users.find(id: admin.id)?.role == .admin)
        #expect(try app.auditActions().contains("account.role_changed"))
    }

    @Test func reactivatedAccountCanSignInAgain() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.services.users.deactivate(id: ada.id, by: .system())
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            let page = try await admin.get("/admin/users")
            #expect(page.body.contains("Deactivated"))
            try await admin.post("/admin/users/\(ada.id)/reactivate")
            #expect(try await Browser(client).signIn("ada@example.org").status == .seeOther)
        }
    }

    @Test func settingsAreValidatedSavedAndAudited() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            try await browser.get("/admin/settings")
            let bad = try await browser.post("/admin/settings", ["committee_name": "Comité", "time_zone": "Mars/Olympus",
                                                                 "default_language": "fr", "quorum_rule": "majority",
                                                                 "declaration_text": "I am independent."])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("This time zone is unknown."))
            #expect(bad.body.contains("value=\"Comité\""))
            let good = try await browser.post("/admin/settings", ["committee_name": "Comité d'éthique IA", "time_zone": "Europe/Paris",
                                                                  "default_language": "fr", "quorum_rule": "two_thirds",
                                                                  "quorum_requires_external": "1", "declaration_text": "I am independent."])
            #expect(good.status == .seeOther)
            #expect(try await browser.get("/").body.contains("Comité d&#39;éthique IA"))
        }
        let saved = app.services.settings.current
        #expect(saved.defaultLanguage == .fr)
        #expect(saved.quorumRule == .twoThirds && saved.quorumRequiresExternal)
        #expect(saved.declarationVersion == 2)  // the text changed
        #expect(try app.auditActions().contains("settings.updated"))
    }

    @Test func commandLineCreatesAccountsWithTheWebRules() async throws {
        let app = try await TestApp.make()
        let user = try await Accounts.createFromCommandLine(db: app.database, email: " sec@example.org ", name: "Sam",
                                                           role: .secretary, password: "a long enough secret")
        #expect(user.email == "sec@example.org")
        #expect(user.role == .secretary)
        await #expect(throws: CommandLineRefusal.self) {
            try await Accounts.createFromCommandLine(db: app.database, email: "x@example.org", name: "X", role: .member, password: "12345678")
        }
        await #expect(throws: CommandLineRefusal.self) {
            try await Accounts.createFromCommandLine(db: app.database, email: "sec@example.org", name: "Dup", role: .member, password: "a long enough secret")
        }
    }
}
