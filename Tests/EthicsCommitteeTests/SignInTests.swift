import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

@Suite struct SignInTests {
    @Test func rightPasswordSignsInAndIsAudited() async throws {
        // Given an account
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        try await app.test { client in
            let browser = Browser(client)
            // When its owner signs in with the right password
            let response = try await browser.signIn("ADA@example.org")
            // Then they land on the home page, signed in
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Welcome, Ada Lovelace"))
            #expect(home.headers[.cacheControl] == "no-store")
        }
        #expect(try app.auditActions().contains("auth.sign_in"))
    }

    @Test func wrongPasswordIsRefusedAndKeepsTheEmail() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            let response = try await browser.signIn("ada@example.org", "wrong password!")
            #expect(response.status == .unprocessableContent)
            #expect(response.body.contains("The e-mail address or the password is incorrect."))
            #expect(response.body.contains("value=\"ada@example.org\""))
            #expect(browser.cookies[AppCookies.session] == nil)
            #expect(try await browser.get("/").status == .found)
        }
        #expect(try app.auditActions().last == "auth.sign_in_failed")
    }

    @Test func unknownEmailGetsTheSameAnswer() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let response = try await Browser(client).signIn("nobody@example.org")
            #expect(response.status == .unprocessableContent)
            #expect(response.body.contains("The e-mail address or the password is incorrect."))
        }
    }

    @Test func plantedSessionCookieNeverBecomesTheSignedInSession() async throws {
        // Given an attacker who planted a session cookie in the victim's browser
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            let planted = "attacker-chosen-session-id-0123456789abcdef"
            browser.cookies[AppCookies.session] = planted
            // When the victim signs in
            try await browser.signIn("ada@example.org")
            // Then the session id was rotated, and the planted value opens nothing
            let issued = try #require(browser.cookies[AppCookies.session])
            #expect(issued != planted)
            let attacker = Browser(client)
            attacker.cookies[AppCookies.session] = planted
            #expect(try await attacker.get("/").status == .found)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test func signInRotatesAnExistingSession() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            let first = try #require(browser.cookies[AppCookies.session])
            let old = Browser(client)
            old.cookies[AppCookies.session] = first
            // Signing in again from a signed-in browser (its form carries the session's token)
            try await browser.get("/")
            try await browser.post("/login", ["email": "ada@example.org", "password": "correct horse battery"])
            #expect(browser.cookies[AppCookies.session] != first)
            #expect(try await old.get("/").status == .found)
        }
    }

    @Test func sessionCookieHasTheSafeAttributes() async throws {
        let app = try await TestApp.make { $0.secureCookies = true }
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.get("/login")
            let response = try await browser.post("/login", ["email": "ada@example.org", "password": "correct horse battery"])
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix(AppCookies.session + "=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func signOutInvalidatesTheOldCookie() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            let cookie = try #require(browser.cookies[AppCookies.session])
            try await browser.get("/")
            let out = try await browser.post("/logout")
            #expect(out.status == .seeOther)
            // Replaying the old cookie opens nothing
            let replay = Browser(client)
            replay.cookies[AppCookies.session] = cookie
            #expect(try await replay.get("/").status == .found)
        }
        #expect(try app.auditActions().contains("auth.sign_out"))
    }

    @Test func sessionsSurviveARestart() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        let cookie = try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            return browser.cookies[AppCookies.session]!
        }
        // A second app over the same database file, as after a restart
        let restarted = try await AppServices(app.services.config)
        let session = try await restarted.sessions.find(cookieValue: cookie)
        #expect(session?.user.email == "ada@example.org")
    }

    @Test func idleAndAbsoluteTimeoutsEndSessions() async throws {
        let app = try await TestApp.make { $0.sessionIdleTimeout = 600; $0.sessionLifetime = 3600 }
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            // Active every 5 minutes: still signed in after 50 minutes…
            for _ in 0..<10 {
                app.clock.advance(300)
                #expect(try await browser.get("/").status == .ok)
            }
            // …but not past the absolute lifetime
            app.clock.advance(700)
            #expect(try await browser.get("/").status == .found)

            try await browser.signIn("ada@example.org")
            app.clock.advance(601)  // idle too long
            #expect(try await browser.get("/").status == .found)
        }
    }

    @Test func repeatedFailuresAreThrottledPerAccount() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            for _ in 0..<5 {
                #expect(try await browser.signIn("ada@example.org", "wrong password!").status == .unprocessableContent)
            }
            // Even the right password waits now
            let blocked = try await browser.signIn("ada@example.org")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.contains("Too many failed attempts"))
            // After the window, the right password works again
            app.clock.advance(15 * 60 + 1)
            #expect(try await browser.signIn("ada@example.org").status == .seeOther)
        }
        #expect(try app.auditActions().contains("auth.sign_in_failed"))
    }

    @Test func repeatedFailuresAreThrottledPerClient() async throws {
        let throttle = LoginThrottle()
        let now = Date()
        for i in 0..<20 { throttle.recordFailure(account: "user\(i)@example.org", client: "10.0.0.1", now: now) }
        #expect(throttle.check(account: "fresh@example.org", client: "10.0.0.1", now: now) == .refuse)
        #expect(throttle.check(account: "fresh@example.org", client: "10.0.0.2", now: now) == .allow)
        #expect(throttle.check(account: "fresh@example.org", client: "10.0.0.1", now: now + 901) == .allow)
    }

    @Test func deactivationEndsLiveSessionsAndBlocksSignIn() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            #expect(try await member.get("/").status == .ok)

            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            try await admin.get("/admin/users/\(ada.id)")
            let done = try await admin.post("/admin/users/\(ada.id)/deactivate", ["confirm": "1"])
            #expect(done.status == .seeOther)

            // The member's open session ends at once, and signing in again is refused
            #expect(try await member.get("/").status == .found)
            #expect(try await member.signIn("ada@example.org").status == .unprocessableContent)
        }
        await #expect(try app.services.sessions.count(userId: ada.id) == 0)
        #expect(try app.auditActions().contains("account.deactivated"))
    }

    @Test func redirectAfterSignInIsRelativeOnly() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.get("/login")
            let evil = try await browser.post("/login", ["email": "ada@example.org", "password": "correct horse battery",
                                                         "next": "//evil.example/steal"])
            #expect(evil.location == "/")
            let other = Browser(client)
            try await other.get("/login")
            let fine = try await other.post("/login", ["email": "ada@example.org", "password": "correct horse battery",
                                                         "next": "/account/password"])
            #expect(fine.location == "/account/password")
        }
    }

    @Test func signedOutVisitorIsSentToSignInAndBack() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let response = try await Browser(client).get("/admin/users")
            #expect(response.status == .found)
            #expect(response.location == "/login?next=%2Fadmin%2Fusers")
        }
    }
}
