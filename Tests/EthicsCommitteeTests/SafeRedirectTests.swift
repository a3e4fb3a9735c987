import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

@Suite struct SafeRedirectTests {
    @Test(arguments: [
        "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "//evil.example", "/\\evil.example", "/\\/evil.example",
        "/a\\b", "/ /evil.example", "/\u{0}/evil.example", "/\u{7F}x", "/\u{85}x", "/\u{2028}x",
        "javascript:alert(1)", "https://evil.example/", "evil.example", "", " /x", "\t/x", "/é", "///x",
    ])
    func hostileTargetsAreRefused(_ target: String) {
        #expect(SafeRedirect.relative(target) == nil)
    }

    @Test(arguments: ["/", "/cases/12", "/account/password", "/search?q=a%20b&page=2", "/cases?status=open#top", "/%2F%2Fx", "/@x", "/?next=//x"])
    func ownPathsAreKept(_ target: String) {
        #expect(SafeRedirect.relative(target) == target)
    }

    @Test func nullTargetIsRefused() {
        #expect(SafeRedirect.relative(nil) == nil)
    }

    @Test func encodedSlashesDecodedFromTheQueryAreRefused() {
        // `next=%2F%2Fevil.example` reaches the check decoded
        #expect(SafeRedirect.relative("//evil.example".removingPercentEncoding) == nil)
        #expect(SafeRedirect.relative("/%09/evil.example".removingPercentEncoding) == nil)
    }

    @Test func loginAndLanguageRefuseATabAfterTheSlash() async throws {
        // Given an account and a link crafted with a TAB after the slash
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            // When the sign-in page is opened with it, the form does not carry it
            let page = try await browser.get("/login?next=/%09/evil.example")
            #expect(!page.body.contains("evil.example"))
            // When the form posts it anyway, sign-in lands at home
            let signedIn = try await browser.post("/login", ["email": "ada@example.org", "password": "correct horse battery",
                                                           "next": "/\t/evil.example"])
            #expect(signedIn.location == "/")
            // And the language switch does the same
            try await browser.get("/")
            let language = try await browser.post("/language", ["language": "fr", "next": "/\t/evil.example"])
            #expect(language.location == "/")
            let backslash = try await browser.post("/language", ["language": "en", "next": "/\\evil.example"])
            #expect(backslash.location == "/")
            let fine = try await browser.post("/language", ["language": "en", "next": "/account/password"])
            #expect(fine.location == "/account/password")
        }
    }
}
