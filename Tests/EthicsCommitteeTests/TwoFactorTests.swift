import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

@Suite struct TwoFactorTests {
    /// Sets up two-factor for a signed-in browser; returns the secret and the recovery codes.
    private func enrol(_ browser: Browser, _ app: TestApp) async throws -> ([UInt8], [String]) {
        let page = try await browser.get("/account/two-factor")
        let secret = try #require(AccountTestSupport.secret(in: page.body))
        let done = try await browser.post("/account/two-factor", ["code": AccountTestSupport.code(secret, at: app.clock.now)])
        #expect(done.status == .ok)
        let codes = done.body.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        return (secret, codes)
    }

    @Test func enrolmentShowsAQRCodeAndTheSecretThenTenRecoveryCodes() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            let page = try await browser.get("/account/two-factor")
            #expect(page.body.contains("<img class=\"qr\" src=\"/account/two-factor/qr.svg\""))
            let qr = try await browser.get("/account/two-factor/qr.svg")
            #expect(qr.status == .ok && qr.headers[.contentType] == "image/svg+xml" && qr.body.hasPrefix("<svg"))
            // The same secret on reload: the QR code does not change under the person's eyes.
            #expect(AccountTestSupport.secret(in: try await browser.get("/account/two-factor").body) == AccountTestSupport.secret(in: page.body))
            let secret = try #require(AccountTestSupport.secret(in: page.body))

            // A wrong code is refused, the typed value kept.
            let wrong = try await browser.post("/account/two-factor", ["code": "000000"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("This code is not right") && wrong.body.contains("value=\"000000\""))

            let done = try await browser.post("/account/two-factor", ["code": AccountTestSupport.code(secret, at: app.clock.now)])
            #expect(done.body.contains("Your recovery codes"))
            #expect(done.body.components(separatedBy: "<li><code>").count == 11)
            // Already on: no QR, no secret again, and a clear message for a second attempt.
            #expect(try await browser.get("/account/two-factor/qr.svg").status == .notFound)
            let again = try await browser.get("/account/two-factor")
            #expect(again.body.contains("Two-factor sign-in is on") && AccountTestSupport.secret(in: again.body) == nil)
            let twice = try await browser.post("/account/two-factor", ["code": AccountTestSupport.code(secret, at: app.clock.now, steps: 1)])
            #expect(twice.status == .conflict && twice.body.contains("already on"))
        }
        // Recovery codes are stored hashed only.
        let stored = try await app.database.writer.read { db in try String.fetchAll(db, sql: "SELECT code_hash FROM recovery_codes") }
        #expect(stored.count == 10 && stored.allSatisfy { $0.count == 64 })
        #expect(try app.auditActions().contains("two_factor.enabled"))
    }

    @Test func signInAsksForTheCodeRefusesReplaysAndAcceptsARecoveryCodeOnce() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        let (secret, codes) = try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            return try await enrol(browser, app)
        }
        #expect(codes.count == 10)
        app.clock.advance(90)
        try await app.test { client in
            let browser = Browser(client)
            let password = try await browser.signIn("ada@example.org")
            #expect(password.location == "/login/code")
            // Half-way, nothing else opens.
            #expect(try await browser.get("/").location == "/login/code")
            #expect(try await browser.get("/cases").location == "/login/code")
            #expect(try await browser.get("/login/code").body.contains("Enter the 6-digit code"))
            let wrong = try await browser.post("/login/code", ["code": "123456"])
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("value=\"123456\""))
            let code = AccountTestSupport.code(secret, at: app.clock.now)
            let ok = try await browser.post("/login/code", ["code": code])
            #expect(ok.location == "/")
            #expect(try await browser.get("/").status == .ok)

            // The same code in another sign-in within its window: a replay.
            let thief = Browser(client)
            try await thief.signIn("ada@example.org")
            try await thief.get("/login/code")
            let replay = try await thief.post("/login/code", ["code": code])
            #expect(replay.status == .unprocessableContent && replay.body.contains("already used"))

            // A recovery code works once.
            let phoneLost = Browser(client)
            try await phoneLost.signIn("ada@example.org")
            try await phoneLost.get("/login/code")
            #expect(try await phoneLost.post("/login/code", ["code": codes[0].uppercased()]).location == "/")
            #expect(try await phoneLost.get("/").body.contains("Recovery codes left: 9"))
            let later = Browser(client)
            try await later.signIn("ada@example.org")
            try await later.get("/login/code")
            let used = try await later.post("/login/code", ["code": codes[0]])
            #expect(used.status == .unprocessableContent && used.body.contains("recovery code was already used"))
        }
        let actions = try app.auditActions()
        #expect(actions.contains("auth.password_accepted") && actions.contains("two_factor.recovery_code_used"))
        #expect(actions.filter { $0 == "auth.sign_in_failed" }.count >= 3)
    }

    @Test func wrongCodesAreThrottledLikePasswords() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            _ = try await enrol(browser, app)
            let attacker = Browser(client)
            try await attacker.signIn("ada@example.org")
            try await attacker.get("/login/code")
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<6 { statuses.append(try await attacker.post("/login/code", ["code": "000001"]).status) }
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test func staffMustEnrolAtSignInWhenRequired() async throws {
        let app = try await TestApp.make(twoFactor: .staff)
        try await app.user("admin@example.org", role: .admin)
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            // A member is not concerned.
            #expect(try await Browser(client).signIn("ada@example.org").location == "/")
            let admin = Browser(client)
            #expect(try await admin.signIn("admin@example.org").location == "/account/two-factor")
            #expect(try await admin.get("/admin/users").location == "/account/two-factor")
            let page = try await admin.get("/account/two-factor")
            #expect(page.body.contains("requires two-factor sign-in for your account"))
            let secret = try #require(AccountTestSupport.secret(in: page.body))
            try await admin.post("/account/two-factor", ["code": AccountTestSupport.code(secret, at: app.clock.now)])
            #expect(try await admin.get("/admin/users").status == .ok)
        }
    }

    @Test func sensitiveActsAskForAFreshPasswordOrCode() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            // Just signed in: fresh enough.
            #expect(try await admin.get("/admin/audit.csv").status == .ok)
            app.clock.advance(10 * 60)
            let asked = try await admin.get("/admin/audit.csv")
            #expect(asked.status == .seeOther)
            #expect(asked.location == "/account/confirm?next=%2Fadmin%2Faudit%2Ecsv")
            let form = try await admin.get(asked.location!)
            #expect(form.body.contains("Confirm it is you"))
            let wrong = try await admin.post("/account/confirm", ["password": "wrong password", "next": "/admin/audit.csv"])
            #expect(wrong.status == .unprocessableContent)
            let right = try await admin.post("/account/confirm", ["password": "correct horse battery", "next": "/admin/audit.csv"])
            #expect(right.location == "/admin/audit.csv")
            #expect(try await admin.get("/admin/audit.csv").status == .ok)
        }
        #expect(try app.auditActions().contains("auth.reauthenticated"))
    }

    @Test func anAdminResetsALostSecondFactorAfterConfirming() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            _ = try await enrol(browser, app)
            #expect(try await app.services.twoFactor.isEnabled(userId: ada.id))

            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            let user = try await admin.get("/admin/users/\(ada.id)")
            #expect(user.body.contains("Reset two-factor sign-in"))
            app.clock.advance(10 * 60)
            #expect(try await admin.get("/admin/users/\(ada.id)/two-factor/reset").location?.hasPrefix("/account/confirm") == true)
            try await admin.post("/account/confirm", ["password": "correct horse battery", "next": "/admin/users/\(ada.id)/two-factor/reset"])
            let confirm = try await admin.get("/admin/users/\(ada.id)/two-factor/reset")
            #expect(confirm.status == .ok && confirm.body.contains("cannot be restored"))
            try await admin.post("/admin/users/\(ada.id)/two-factor/reset", ["confirm": "1"])
            #expect(try await app.services.twoFactor.isEnabled(userId: ada.id) == false)
            // Ada signs in with her password alone again.
            #expect(try await Browser(client).signIn("ada@example.org").location == "/")
            // A member may not reset anyone's.
            #expect(try await browser.post("/admin/users/\(ada.id)/two-factor/reset", ["confirm": "1"]).status == .notFound)
        }
        #expect(try app.auditActions().contains("two_factor.reset"))
    }
}
