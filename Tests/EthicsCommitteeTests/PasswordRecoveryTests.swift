import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

/// Helpers of the account-security tests: mail caught by the SMTP sink, links in it, TOTP codes.
enum AccountTestSupport {
    /// Waits (at most 5 s) until the sink holds `count` messages: account mail leaves after the answer.
    static func mail(_ sink: SMTPSink, count: Int) async throws -> [SMTPSink.Message] {
        for _ in 0..<100 {
            if sink.messages.count >= count { return sink.messages }
            try await Task.sleep(for: .milliseconds(50))
        }
        return sink.messages
    }

    /// The message body with quoted-printable undone.
    static func text(_ message: SMTPSink.Message) -> String {
        let body = message.data.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        var out = body.replacingOccurrences(of: "=\r\n", with: "")
        for (encoded, plain) in [("=3D", "="), ("=C3=A9", "é"), ("=E2=80=94", "—")] { out = out.replacingOccurrences(of: encoded, with: plain) }
        return out
    }

    /// The path of the first link to `prefix` in a text ("/reset/TOKEN").
    static func path(_ prefix: String, in text: String) -> String? {
        guard let start = text.range(of: prefix) else { return nil }
        return prefix + String(text[start.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    /// The secret shown on the enrolment page, as bytes.
    static func secret(in page: String) -> [UInt8]? {
        guard let start = page.range(of: "<code id=\"secret\">"), let end = page[start.upperBound...].range(of: "</code>") else { return nil }
        return Base32.decode(String(page[start.upperBound..<end.lowerBound]))
    }

    static func code(_ secret: [UInt8], at date: Date, steps: Int64 = 0) -> String {
        TOTP.code(secret: secret, step: TOTP.step(at: date) + steps)
    }
}

@Suite struct PasswordRecoveryTests {
    private func appWithMail() async throws -> (TestApp, SMTPSink) {
        let sink = try await SMTPSink.start()
        let app = try await TestApp.make { config in
            config.smtp = SMTPSettings(host: "127.0.0.1", port: sink.port, from: "ethics@example.org", heloName: "ethics.test")
            config.publicURL = "https://ethics.example.org"
        }
        return (app, sink)
    }

    @Test func theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() async throws {
        let (app, sink) = try await appWithMail()
        defer { Task { await sink.stop() } }
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.get("/login/forgot")
            let known = try await browser.post("/login/forgot", ["email": "ada@example.org"])
            let unknown = try await browser.post("/login/forgot", ["email": "nobody@example.org"])
            #expect(known.status == .ok && unknown.status == .ok)
            // The same page, word for word, but for the CSRF token it carries.
            func stripped(_ body: String) -> String { body.replacingOccurrences(of: browser.csrf, with: "") }
            #expect(stripped(known.body) == stripped(unknown.body))
            #expect(known.body.contains("If an active account uses this address"))
        }
        // Only the real account got mail; both requests are in the audit trail.
        let messages = try await AccountTestSupport.mail(sink, count: 1)
        try await Task.sleep(for: .milliseconds(200))
        #expect(sink.messages.count == 1)
        #expect(messages.first?.recipients == ["<ada@example.org>"])
        #expect(try app.auditActions().filter { $0 == "account.reset_requested" }.count == 2)
    }

    @Test func aResetLinkWorksOnceEndsSessionsAndIsAudited() async throws {
        let (app, sink) = try await appWithMail()
        defer { Task { await sink.stop() } }
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        try await app.test { client in
            // Ada is signed in elsewhere.
            let elsewhere = Browser(client)
            try await elsewhere.signIn("ada@example.org")
            #expect(try await app.services.sessions.count(userId: ada.id) == 1)

            let browser = Browser(client)
            try await browser.get("/login/forgot")
            try await browser.post("/login/forgot", ["email": "ADA@example.org"])
            let message = try #require(try await AccountTestSupport.mail(sink, count: 1).first)
            let text = AccountTestSupport.text(message)
            #expect(text.contains("Hello Ada Lovelace"))
            #expect(text.contains("https://ethics.example.org/reset/"))
            let path = try #require(AccountTestSupport.path("/reset/", in: text))

            let form = try await browser.get(path)
            #expect(form.status == .ok)
            #expect(form.body.contains("value=\"ada@example.org\" readonly"))
            // A weak password is refused, the page stays.
            let weak = try await browser.post(path, ["password": "password", "password_confirmation": "password"])
            #expect(weak.status == .unprocessableContent)
            let done = try await browser.post(path, ["password": "a brand new passphrase", "password_confirmation": "a brand new passphrase"])
            #expect(done.status == .seeOther)
            #expect(done.location == "/login?reset=done")
            #expect(try await browser.get("/login?reset=done").body.contains("Your new password is set."))
            // Every session ended; the new password works, the old one not.
            #expect(try await app.services.sessions.count(userId: ada.id) == 0)
            #expect(try await elsewhere.get("/").status == .found)
            #expect(try await Browser(client).signIn("ada@example.org", "a brand new passphrase").location == "/")
            #expect(try await Browser(client).signIn("ada@example.org").status == .unprocessableContent)

            // Used once: the link now says so.
            let again = try await browser.get(path)
            #expect(again.status == .gone)
            #expect(again.body.contains("already used"))
        }
        let actions = try app.auditActions()
        #expect(actions.contains("account.reset_requested"))
        #expect(actions.contains("account.password_reset"))
    }

    @Test func aResetLinkExpiresAfterAnHourAndANewerOneReplacesIt() async throws {
        let (app, sink) = try await appWithMail()
        defer { Task { await sink.stop() } }
        try await app.user("ada@example.org", role: .member)
        let store = app.services.passwordResets
        let (_, first) = try #require(try await store.create(email: "ada@example.org", by: .system("test"), staff: false))
        let (_, second) = try #require(try await store.create(email: "ada@example.org", by: .system("test"), staff: false))
        #expect(try await store.state(token: first) == .used)
        app.clock.advance(3601)
        #expect(try await store.state(token: second) == .expired)
        try await app.test { client in
            let page = try await Browser(client).get("/reset/\(second)")
            #expect(page.status == .gone)
            #expect(page.body.contains("has expired"))
            let post = try await Browser(client).post("/reset/\(second)", ["password": "a brand new passphrase",
                                                                          "password_confirmation": "a brand new passphrase"])
            #expect(post.status == .gone || post.status == .forbidden)
            #expect(try await Browser(client).get("/reset/not-a-token").status == .gone)
        }
    }

    @Test func requestsAreThrottledPerAddress() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.get("/login/forgot")
            for _ in 0..<3 {
                #expect(try await browser.post("/login/forgot", ["email": "someone@example.org"]).status == .ok)
            }
            let refused = try await browser.post("/login/forgot", ["email": "someone@example.org"])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.contains("value=\"someone@example.org\""))
            // A malformed address is refused with the value kept.
            let bad = try await browser.post("/login/forgot", ["email": "not an address"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("value=\"not an address\""))
        }
    }

    @Test func anAdminCreatesAResetLinkShownOnceAndMailed() async throws {
        let (app, sink) = try await appWithMail()
        defer { Task { await sink.stop() } }
        try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            let page = try await admin.get("/admin/users/\(ada.id)")
            #expect(page.body.contains("Create a password reset link"))
            let created = try await admin.post("/admin/users/\(ada.id)/reset-link")
            #expect(created.status == .seeOther)
            let shown = try await admin.get("/admin/users/\(ada.id)")
            #expect(shown.body.contains("id=\"flash-link\""))
            let link = try #require(AccountTestSupport.path("/reset/", in: shown.body))
            #expect(try await admin.get("/admin/users/\(ada.id)").body.contains(link) == false)
            let message = try #require(try await AccountTestSupport.mail(sink, count: 1).first)
            #expect(AccountTestSupport.text(message).contains(link))

            // Nobody else may make one.
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            try await member.get("/")
            #expect(try await member.post("/admin/users/\(ada.id)/reset-link").status == .notFound)
        }
        #expect(try app.auditActions().contains("account.reset_link_created"))
    }

    @Test func theCommandLineResetsAPasswordAndRestoresAdminAccess() async throws {
        let app = try await TestApp.make()
        let admin = try await app.user("admin@example.org", role: .admin)
        try await app.services.users.deactivate(id: admin.id, by: .system("test"))
        // The lone admin lost everything: the operator restores access, then sets a password.
        let restored = try await Accounts.restoreAdminFromCommandLine(db: app.database, email: "admin@example.org")
        #expect(restored.active && restored.role == .admin)
        _ = try await Accounts.resetPasswordFromCommandLine(db: app.database, email: "admin@example.org", password: "a brand new passphrase")
        await #expect(throws: CommandLineRefusal.self) {
            try await Accounts.resetPasswordFromCommandLine(db: app.database, email: "admin@example.org", password: "short")
        }
        await #expect(throws: CommandLineRefusal.self) {
            try await Accounts.resetPasswordFromCommandLine(db: app.database, email: "nobody@example.org", password: "a brand new passphrase")
        }
        try await app.test { client in
            let signedIn = try await Browser(client).signIn("admin@example.org", "a brand new passphrase")
            #expect(signedIn.location == "/")
        }
        let actions = try app.auditActions()
        #expect(actions.contains("account.reactivated") && actions.contains("two_factor.reset") && actions.contains("account.password_changed"))
    }
}
