import Foundation
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Whatever a request carries, decoding it never traps: the form decoder and the number helper.
@Suite struct RequestInputTests {
    @Test func theFormDecoderKeepsWhatItCannotDecodeInsteadOfTrapping() {
        // Given bodies a browser never sends but anyone can: raw space, raw UTF-8, lone or broken %, quote, NUL
        let form = FormFields(urlEncoded: Array("a=b c&e=\u{e9}t\u{e9}&p=%&q=%z1&r=50%25&s=\"x\"&n=a%00b&plus=a+b&t=%".utf8))
        // Then each value is kept as sent where it could not be decoded, and decoded where it could
        #expect(form["a"] == "b c")
        #expect(form["e"] == "été")
        #expect(form["p"] == "%")
        #expect(form["q"] == "%z1")
        #expect(form["r"] == "50%")
        #expect(form["s"] == "\"x\"")
        #expect(form["n"] == "ab")
        #expect(form["plus"] == "a b")
        #expect(form["t"] == "%")
    }

    @Test func invalidUTF8AndEmptyPairsDoNotTrap() {
        let form = FormFields(urlEncoded: [0x61, 0x3D, 0xFF, 0xFE, 0x26, 0x26, 0x3D, 0x78, 0x26, 0x62, 0x3D, 0x25, 0x43, 0x33])
        #expect(form["a"] == "\u{FFFD}\u{FFFD}")
        #expect(form["b"] == "\u{FFFD}")  // %C3 alone is half a character
        #expect(form.names.sorted() == ["a", "b"])  // "=x" has no name and is dropped
    }

    @Test func lineEndingsBecomeLineFeedsWhereFormsAreDecoded() {
        // Given a text area as browsers send it (CRLF), and an old Mac's lone CR
        let form = FormFields(urlEncoded: "body=First%0D%0A%0D%0ASecond%0D%0Athird%0Dfourth")
        // Then the app sees LF only, for every form (url-encoded and multipart)
        #expect(form.raw("body") == "First\n\nSecond\nthird\nfourth")
        let multipart = FormFields(pairs: [("body", "one\r\ntwo\rthree")])
        #expect(multipart.raw("body") == "one\ntwo\nthree")
    }

    @Test func aChoiceTickedTwiceCountsOnce() {
        let form = FormFields(urlEncoded: "expertise=data&expertise=law&expertise=data&expertise=nonsense")
        #expect(form.choices("expertise", as: ExpertiseArea.init(rawValue:)) == [.data, .law])
    }

    @Test func numbersFromRequestsAreBounded() {
        #expect(RequestNumber.page("9223372036854775807") == RequestNumber.maxPage)
        #expect(RequestNumber.page("-9223372036854775808") == 1)
        #expect(RequestNumber.page("99999999999999999999999") == 1)
        #expect(RequestNumber.page(nil as String?) == 1)
        #expect(RequestNumber.page(" 3 ") == 3)
        #expect(RequestNumber.int("-9223372036854775808", in: 1...10) == nil)
        #expect(RequestNumber.int("7", in: 1...10) == 7)
        #expect(RequestNumber.id("0") == nil)
        #expect(RequestNumber.id("-4") == nil)
        #expect(RequestNumber.id("12") == 12)
        // The largest page's offset is computed without overflow
        #expect(RequestNumber.offset(page: Int.max, size: 50) == (RequestNumber.maxPage - 1) * 50)
    }

    @Test func anAnonymousPostWithARawSpaceIsAnsweredAndTheServerStaysUp() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            for body in ["a b", "é", "%", "\"", "a\u{0}b", "email=%&password=%zz"] {
                let response = try await client.execute(uri: "/login", method: .post,
                                                        headers: [.contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: body))
                #expect(response.status == .forbidden)  // no CSRF token: refused, not crashed
            }
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }
}

@Suite struct StaticFileNameTests {
    @Test func aStaticPathWithANulOrAControlCharacterIsNotFound() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let file = try await client.execute(uri: "/css/app.css", method: .get)
            #expect(file.status == .ok)
            for path in ["/css/app.css%00.x", "/css/app.css%00", "/css/app.css%0a", "/css/..%5capp.css", "/css/app.css%1f"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, Comment(rawValue: path))
            }
        }
    }
}
