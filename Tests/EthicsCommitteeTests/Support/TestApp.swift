import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
@testable import EthicsCommittee

/// The package root, found from this file, so tests read the real templates, static files and migrations.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A clock tests can move forward.
final class TestClock: Sendable {
    private let current = NIOLockedValueBox(Date(timeIntervalSince1970: 1_795_000_000))
    var now: Date { current.withLockedValue { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLockedValue { $0 += seconds } }
    var appClock: AppClock { AppClock { [self] in self.now } }
}

/// A fresh app over a fresh database in a temporary folder: nothing is shared between tests.
struct TestApp {
    let services: AppServices
    let clock: TestClock
    let folder: URL

    /// Two-factor sign-in is required for staff by default (migration 0018); the tests of other features turn that
    /// off deliberately so that their admins and secretaries sign in with a password alone. The account-security
    /// tests pass the requirement they exercise.
    static func make(twoFactor: TwoFactorRequirement = .off,
                     configure: (inout AppConfiguration) -> Void = { _ in }) async throws -> TestApp {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ethics-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clock = TestClock()
        var config = AppConfiguration(databasePath: folder.appendingPathComponent("test.sqlite").path)
        config.publicDirectory = packageRoot.appendingPathComponent("Public").path
        config.migrationsDirectory = packageRoot.appendingPathComponent("migrations").path
        config.passwordCost = 4  // the server uses 12; tests hash many passwords
        config.clock = clock.appClock
        configure(&config)
        let services = try await AppServices(config)
        if twoFactor != services.settings.current.twoFactorRequired {
            // Written directly (as `ethics settings two-factor` would before a start): no audit entry, so the
            // tests that count entries are unchanged.
            try await services.database.writer.write { db in
                try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'two_factor_required'", arguments: [twoFactor.rawValue])
            }
            try await services.settings.reload()
        }
        return TestApp(services: services, clock: clock, folder: folder)
    }

    var database: AppDatabase { services.database }

    /// Runs `body` against the router (no socket), optionally with extra routes for the test.
    func test<Value>(extraRoutes: (Router<AppRequestContext>) -> Void = { _ in },
                     _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let router = try await buildRouter(services)
        extraRoutes(router)
        let app = Application(router: router)
        return try await app.test(.router, body)
    }

    /// Creates an account directly in the store. Members and experts have completed their profile and
    /// signed the declaration unless `onboarded` is false.
    @discardableResult
    func user(_ email: String, role: Role, password: String = "correct horse battery", name: String? = nil,
              onboarded: Bool = true, expertise: [ExpertiseArea] = [.ethics], affiliation: String = "Acme") async throws -> User {
        let hash = try await services.passwords.hash(password)
        let user = try await services.users.create(email: email, name: name ?? email.components(separatedBy: "@")[0].capitalized,
                                                   role: role, passwordHash: hash, by: .system("test"))
        if onboarded && role.sitsOnCommittee {
            try await services.members.completeOnboarding(userId: user.id, affiliation: affiliation, expertise: expertise,
                                                          declarationText: "text", declarationVersion: 1, by: .system("test"))
        }
        return user
    }

    /// Audit actions recorded so far, oldest first.
    func auditActions() throws -> [String] {
        try database.writer.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log ORDER BY id") }
    }
}

/// A browser-like client: keeps cookies and the last CSRF token seen in a page.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""
    var acceptLanguage: String?
    /// The raw body of the last response (downloads).
    var lastBytes: [UInt8] = []

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var location: String? { headers[.location] }
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(path, method: .get, body: nil)
    }

    /// Posts a url-encoded form; the CSRF token of the last page is added unless `csrf` is given.
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf: String? = nil) async throws -> Page {
        var fields = form
        fields["_csrf"] = csrf ?? self.csrf
        let body = fields.map { "\(encode($0.key))=\(encode($0.value))" }.joined(separator: "&")
        return try await send(path, method: .post, body: body)
    }

    /// Posts an already url-encoded body (repeated fields).
    @discardableResult
    func postEncoded(_ path: String, _ body: String) async throws -> Page {
        try await send(path, method: .post, body: body)
    }

    /// Posts a multipart form with one file, as a browser's file upload does.
    @discardableResult
    func upload(_ path: String, fields: [String: String] = [:], file: (name: String, bytes: [UInt8])?, csrf: String? = nil) async throws -> Page {
        let boundary = "----test-boundary-7d4a"
        var body = ByteBuffer()
        var all = fields
        all["_csrf"] = csrf ?? self.csrf
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(path, method: .post, rawBody: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Posts a multipart form with any number of files, each under its own field name (several evidence files).
    @discardableResult
    func uploadFiles(_ path: String, fields: [String: String] = [:], files: [(field: String, name: String, bytes: [UInt8])]) async throws -> Page {
        let boundary = "----test-boundary-9e1b"
        var body = ByteBuffer()
        var all = fields
        all["_csrf"] = csrf
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(path, method: .post, rawBody: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Signs in through the form.
    @discardableResult
    func signIn(_ email: String, _ password: String = "correct horse battery") async throws -> Page {
        try await get("/login")
        return try await post("/login", ["email": email, "password": password])
    }

    private func send(_ path: String, method: HTTPRequest.Method, body: String?) async throws -> Page {
        try await send(path, method: method, rawBody: body.map { ByteBuffer(string: $0) },
                       contentType: body == nil ? nil : "application/x-www-form-urlencoded")
    }

    private func send(_ path: String, method: HTTPRequest.Method, rawBody: ByteBuffer?, contentType: String?) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        if let acceptLanguage { headers[.acceptLanguage] = acceptLanguage }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: rawBody)
        lastBytes = Array(buffer: response.body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = String(buffer: response.body)
        if let token = Self.csrfToken(in: text) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
