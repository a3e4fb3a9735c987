import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

@Suite struct SecurityHeadersTests {
    static let csp = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

    func expectSecurityHeaders(_ page: Browser.Page, cacheable: Bool = false) {
        #expect(page.headers[.contentSecurityPolicy] == Self.csp)
        #expect(page.headers[.xContentTypeOptions] == "nosniff")
        #expect(page.headers[SecurityHeadersMiddleware.referrerPolicy] == "same-origin")
        if cacheable {
            #expect(page.headers[.cacheControl] != "no-store")
        } else {
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test func headersOnEveryKindOfResponse() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        let failing: (Router<AppRequestContext>) -> Void = { router in
            router.get("/test/boom") { _, _ -> String in throw InternalFailure() }
        }
        try await app.test(extraRoutes: failing) { client in
            let browser = Browser(client)
            // 200, signed out and signed in
            let login = try await browser.get("/login")
            #expect(login.status == .ok)
            expectSecurityHeaders(login)
            try await browser.signIn("ada@example.org")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            expectSecurityHeaders(home)
            // 404
            let missing = try await browser.get("/no/such/page")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("Page not found"))
            expectSecurityHeaders(missing)
            // 500, with no internal detail shown
            let boom = try await browser.get("/test/boom")
            #expect(boom.status == .internalServerError)
            #expect(boom.body.contains("Something went wrong"))
            #expect(!boom.body.contains("InternalFailure"))
            #expect(!boom.body.contains("secret detail"))
            expectSecurityHeaders(boom)
            // static file
            let css = try await browser.get("/css/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            expectSecurityHeaders(css, cacheable: true)
        }
    }

    @Test func pagesHaveNoInlineScriptOrStyle() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let page = try await Browser(client).get("/login")
            #expect(!page.body.contains("<script"))
            #expect(!page.body.contains("style="))
            #expect(!page.body.contains("<style"))
        }
    }

    struct InternalFailure: Error, CustomStringConvertible {
        var description: String { "secret detail" }
    }
}

@Suite struct ErrorPageTests {
    @Test func signedInPeopleKeepTheirLayoutOnErrorPages() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            let page = try await browser.get("/admin/users")
            #expect(page.status == .notFound)
            #expect(page.body.contains("Ada Lovelace"))
            #expect(page.body.contains("Sign out"))
            // and can still post from it (its forms carry the session's token)
            #expect(try await browser.post("/logout").status == .seeOther)
        }
    }
}
