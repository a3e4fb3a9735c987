import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

/// Every route of the app, asked with hostile path parameters, query strings and bodies, signed out and signed in
/// as the administrator (with a valid CSRF token, so the handlers themselves are reached): the server must stay up
/// and answer each one below 500. A trap (an overflow, a decoder that crashes) stops the whole test run.
@Suite struct HostileInputTests {
    static let parameterValues = ["1", "0", "-9223372036854775808", "9223372036854775807", "99999999999999999999", "%FF%00", "submit"]
    static let numbers = ["-9223372036854775808", "9223372036854775807", "99999999999999999999999", "-1", "0"]
    static let texts = ["%00%FF%", "\"'<>%0D%0A", String(repeating: "x", count: 300)]
    /// Query parameters read anywhere in the app (beside the form fields found in templates).
    static let queryNames = ["page", "to", "from", "year", "q", "status", "owner", "scope", "tier", "overdue", "next", "view",
                             "who", "action", "record", "target", "kind", "only", "views", "lang", "ai_act"]

    /// Every field name the templates send (`name="…"`), plus the numbered ones built in loops.
    static func fieldNames() throws -> [String] {
        var names = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"name="([A-Za-z0-9_.\-]+)""#)
        let root = packageRoot.appendingPathComponent("Templates")
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! where url.pathExtension == "mustache" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                names.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        for index in 1...5 { names.formUnion(["condition_text_\(index)", "condition_owner_\(index)", "condition_due_\(index)"]) }
        names.formUnion(["aiact.art6_3.derogation", "aiact.art6_3.justification", "aiact.annex3.use", "aiact.scope.ai_system"])
        names.formUnion(["answer.governance.purpose", "vote_1", "vote_2", "attendance_1", "attendance_2", "answer.1"])
        names.remove("_csrf")
        return names.sorted()
    }

    static func encoded(_ fields: [(String, String)]) -> String {
        fields.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Hostile bodies; each is sent with the valid token appended.
    static func bodies(_ names: [String]) -> [String] {
        var result = ["a b", "\u{e9}=\u{e9}", "%", "\"", "x=\u{0}", "=&&=&"]
        for value in numbers + texts { result.append(encoded(names.map { ($0, value) })) }
        result.append(encoded(names.flatMap { [($0, "1"), ($0, "1")] }))  // every field twice
        result.append(encoded(names.map { ($0, "") }))
        return result
    }

    static func queries() -> [String] {
        (numbers + texts).map { value in "?" + encoded(queryNames.map { ($0, value) }) } + ["?page", "?%", "?a b"]
    }

    /// A committee with one of each record, so that ids 1 and 2 exist.
    static func populated() async throws -> TestApp {
        let c = try await CaseFlowTests.committee()
        try await c.app.user("admin@example.org", role: .admin)
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            _ = try await CaseFlowTests.submitted(owner)
            _ = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Second", confidential: true))
        }
        return c.app
    }

    @Test func everyRouteAnswersHostileInputBelow500() async throws {
        let app = try await Self.populated()
        let names = try Self.fieldNames()
        let bodies = Self.bodies(names), queries = Self.queries()
        let failures = try await app.test { client in
            let router = try await buildRouter(app.services)
            var failures: [String] = []
            for route in router.routes where !route.path.description.contains("logout") {
                let template = route.path.description
                let paths = Self.parameterValues.map { value in
                    template.split(separator: "/", omittingEmptySubsequences: false)
                        .map { $0.hasPrefix("{") || $0.hasPrefix(":") ? value : String($0) }.joined(separator: "/")
                }.uniqued()
                for signedIn in [false, true] {
                    let browser = Browser(client)
                    if signedIn { try await browser.signIn("admin@example.org") }
                    try await browser.get("/")
                    for path in paths {
                        if route.method == .get {
                            for query in queries {
                                let page = try await browser.get(path + query)
                                if page.status.code >= 500 { failures.append("GET \(path + query) signedIn=\(signedIn): \(page.status.code)") }
                            }
                        } else {
                            for body in bodies {
                                let page = try await browser.postEncoded(path, body + "&_csrf=" + browser.csrf)
                                if page.status.code >= 500 { failures.append("POST \(path) [\(body.prefix(60))] signedIn=\(signedIn): \(page.status.code)") }
                            }
                            if signedIn && browser.csrf.isEmpty { try await browser.signIn("admin@example.org") }
                        }
                    }
                }
            }
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            return failures
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) answers of 500 or more:\n" + failures.prefix(40).joined(separator: "\n")))
    }
}

private extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
