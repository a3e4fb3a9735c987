import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

@Suite struct ClientAddressTests {
    let proxy: Set<String> = ["10.0.0.2", "10.0.0.3"]

    @Test func anUntrustedPeerIsTheClientWhateverItClaims() {
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["198.51.100.7"], trusted: proxy) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: [], trusted: []) == "203.0.113.9")
    }

    @Test func behindTrustedProxiesTheRightMostUntrustedAddressIsTheClient() {
        // The client forged a left part; the proxy appended what it saw
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 198.51.100.7"], trusted: proxy) == "198.51.100.7")
        // Two proxies in a row, the header split over two fields
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 198.51.100.7", "10.0.0.3"], trusted: proxy)
                == "198.51.100.7")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["[2001:db8::1]"], trusted: proxy) == "2001:db8::1")
        // No header: the proxy itself
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trusted: proxy) == "10.0.0.2")
        // Garbage stops the walk at the last address known good
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["<script>, 198.51.100.7"], trusted: proxy) == "198.51.100.7")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["198.51.100.7, unknown"], trusted: proxy) == "10.0.0.2")
    }

    /// Signs in over a real socket (the peer is 127.0.0.1), claiming `forwardedFor`.
    static func signIn(_ client: any TestClientProtocol, _ password: String, forwardedFor: String) async throws -> HTTPResponse.Status {
        var headers: HTTPFields = [:]
        headers[.xForwardedFor] = forwardedFor
        let page = try await client.execute(uri: "/login", method: .get, headers: headers, body: nil)
        let cookie = page.headers[values: .setCookie].map { String($0.split(separator: ";")[0]) }.joined(separator: "; ")
        let token = Browser.csrfToken(in: String(buffer: page.body)) ?? ""
        headers[.cookie] = cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = "_csrf=\(token)&email=ada%40example.org&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        return try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: body)).status
    }

    static func live<Value>(_ app: TestApp, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let router = try await buildRouter(app.services)
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await application.test(.live, body)
    }

    @Test func behindATrustedProxyAStrangerDoesNotLockTheMemberOut() async throws {
        // Given the app behind a proxy at 127.0.0.1, and a stranger who guessed wrong five times
        let app = try await TestApp.make { $0.trustedProxies = ["127.0.0.1"] }
        try await app.user("ada@example.org", role: .member)
        try await Self.live(app) { (client: any TestClientProtocol) async throws -> Void in
            for _ in 0..<5 {
                #expect(try await Self.signIn(client, "wrong guess!", forwardedFor: "203.0.113.9") == .unprocessableContent)
            }
            #expect(try await Self.signIn(client, "correct horse battery", forwardedFor: "203.0.113.9") == .tooManyRequests)
            // When the member signs in from their own address, they get in
            #expect(try await Self.signIn(client, "correct horse battery", forwardedFor: "198.51.100.7") == .seeOther)
        }
        // And the audit trail names the real addresses
        let clients = try await app.database.writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT client FROM audit_log") }
        #expect(clients.contains("203.0.113.9") && clients.contains("198.51.100.7"))
    }

    @Test func withoutATrustedProxyTheHeaderIsIgnored() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        try await Self.live(app) { (client: any TestClientProtocol) async throws -> Void in
            for _ in 0..<5 {
                #expect(try await Self.signIn(client, "wrong guess!", forwardedFor: "203.0.113.9") == .unprocessableContent)
            }
            // Claiming another address changes nothing: the socket peer is the same pair
            #expect(try await Self.signIn(client, "correct horse battery", forwardedFor: "198.51.100.7") == .tooManyRequests)
        }
    }
}
