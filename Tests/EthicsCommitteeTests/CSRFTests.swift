import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

@Suite struct CSRFTests {
    @Test func signedInPostWithoutTokenIsRefused() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            try await browser.get("/admin/settings")
            let missing = try await browser.post("/admin/settings", ["committee_name": "Hijacked", "time_zone": "UTC",
                                                                      "default_language": "en"], csrf: "")
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("This form has expired"))
            let wrong = try await browser.post("/admin/settings", ["committee_name": "Hijacked", "time_zone": "UTC",
                                                                    "default_language": "en"], csrf: String(repeating: "x", count: 43))
            #expect(wrong.status == .forbidden)
        }
        #expect(try app.services.settings.current.committeeName == "AI Ethics Committee")
    }

    @Test func signInFormNeedsThePreSessionToken() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            // A cross-site form post carries no cookie token
            let browser = Browser(client)
            let response = try await browser.post("/login", ["email": "ada@example.org", "password": "correct horse battery"],
                                                  csrf: "forged")
            #expect(response.status == .forbidden)
            #expect(browser.cookies[AppCookies.session] == nil)
        }
    }

    @Test func theSessionTokenOfAnotherUserIsRefused() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            try await ada.get("/")
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            try await admin.get("/")
            let response = try await admin.post("/admin/settings", ["committee_name": "X", "time_zone": "UTC",
                                                                     "default_language": "en"], csrf: ada.csrf)
            #expect(response.status == .forbidden)
        }
    }

    @Test func getNeverChangesAnything() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        let before = try app.auditActions().count
        try await app.test { client in
            let browser = Browser(client)
            for path in ["/logout", "/admin/users/1/deactivate", "/language?language=fr"] {
                let response = try await browser.get(path)
                #expect(response.status == .found || response.status == .notFound)
            }
        }
        #expect(try app.auditActions().count == before)
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let app = try await TestApp.make { $0.maxBodyBytes = 1024 }
        try await app.test { client in
            let browser = Browser(client)
            try await browser.get("/login")
            let response = try await browser.post("/login", ["email": String(repeating: "a", count: 4096), "password": "x"])
            #expect(response.status == .contentTooLarge)
        }
    }
}
