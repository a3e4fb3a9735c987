import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// The admin's audit page: filters, the CSV export, verification on demand, and the view log.
@Suite struct AuditBrowsingTests {
    /// Entries by two actors on two records over three days, written at known times.
    static func trail() async throws -> (TestApp, User) {
        let app = try await TestApp.make()
        let admin = try await app.user("admin@example.org", role: .admin)
        var settings = app.services.settings.current
        settings.timeZone = "Europe/Paris"
        try await app.services.settings.save(settings, by: AuditActor(id: admin.id, label: admin.email, client: ""))
        let steps: [(String, Int64?, String, String, String)] = [
            ("2026-03-01T09:00:00.000Z", admin.id, "case.created", "case", "7"),
            ("2026-03-01T23:30:00.000Z", nil, "auth.sign_in_failed", "user", ""),  // 2 March in Paris
            ("2026-03-02T10:00:00.000Z", admin.id, "case.updated", "case", "7"),
            ("2026-03-03T10:00:00.000Z", admin.id, "case.created", "case", "8"),
        ]
        for (at, actorId, action, type, id) in steps {
            try await app.database.writer.write { db in
                try AuditStore.append(db, by: AuditActor(id: actorId, label: actorId == nil ? "anonymous" : admin.email, client: "10.0.0.1"),
                                      action: action, targetType: type, targetId: id, detail: "say \"hi\", =1+1",
                                      at: Timestamp.date(at)!)
            }
        }
        return (app, admin)
    }

    /// The ids shown in the audit table of a page.
    static func ids(_ html: String) -> [Int] {
        html.components(separatedBy: "<tr><td>").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }

    @Test func filtersSelectByActionRecordPersonAndCommitteeDays() async throws {
        let (app, admin) = try await Self.trail()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            // Entries 1–4 are the trail's (the account creation and onboarding come first: find their offset)
            let base = try #require(try await app.database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT min(id) FROM audit_log WHERE action = 'case.created'")
            }) - 1
            let byAction = try await browser.get("/admin/audit?action=case.created")
            #expect(Self.ids(byAction.body) == [base + 4, base + 1])
            #expect(byAction.body.contains("2 entries"))
            let byRecord = try await browser.get("/admin/audit?type=case&record=7")
            #expect(Self.ids(byRecord.body) == [base + 3, base + 1])
            let byNobody = try await browser.get("/admin/audit?kind=nobody&from=2026-03-01")
            #expect(Self.ids(byNobody.body) == [base + 2])
            let byAdmin = try await browser.get("/admin/audit?who=Admin%40example.org&from=2026-03-02&to=2026-03-02")
            #expect(Self.ids(byAdmin.body) == [base + 3])
            _ = admin
            let unknown = try await browser.get("/admin/audit?who=nobody%40example.org")
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.body.contains("No account has this e-mail."))
            #expect(unknown.body.contains("value=\"nobody@example.org\""))
            // 23:30 UTC on 1 March is 2 March in Paris: the days are the committee's
            let secondOfMarch = try await browser.get("/admin/audit?from=2026-03-02&to=2026-03-02")
            #expect(Self.ids(secondOfMarch.body) == [base + 3, base + 2])
            // The filter stays in the pager and export links, and in the form
            #expect(byRecord.body.contains("/admin/audit.csv?type=case&amp;record=7"))
            #expect(byRecord.body.contains("value=\"7\""))
        }
    }

    @Test func unreadableFiltersAreExplainedWithTheValuesKept() async throws {
        let (app, _) = try await Self.trail()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            let page = try await browser.get("/admin/audit?from=2026-02-30&to=2026-01-01&who=x&action=DROP%20TABLE")
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Enter a date as YYYY-MM-DD."))
            #expect(page.body.contains("Enter an e-mail address."))
            #expect(page.body.contains("Choose an action from the list."))
            // A date field cannot hold an impossible date (browsers empty it): the message says what to enter
            #expect(!page.body.contains("value=\"2026-02-30\""))
            #expect(page.body.contains("value=\"2026-01-01\""))
            #expect(Self.ids(page.body).isEmpty)
            let range = try await browser.get("/admin/audit?from=2026-03-02&to=2026-03-01")
            #expect(range.body.contains("The end date comes before the start date."))
            #expect(try await browser.get("/admin/audit.csv?from=nope").status == .badRequest)
        }
    }

    @Test func theExportIsCSVOfWhatTheFiltersSelect() async throws {
        let (app, _) = try await Self.trail()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            let export = try await browser.get("/admin/audit.csv?type=case&record=7")
            #expect(export.status == .ok)
            #expect(export.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(export.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"audit-") == true)
            let lines = export.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 3)
            #expect(lines[0] == "\u{FEFF}id,at,actor_id,actor,action,action_label,target_type,target_id,detail,client,hash")
            #expect(lines[1].contains(",case.updated,Case edited,case,7,\"say \"\"hi\"\", =1+1\",10.0.0.1,"))
            #expect(lines[2].contains("2026-03-01T09:00:00.000Z"))
        }
    }

    @Test func theWholeTrailExportsInBatches() async throws {
        let (app, _) = try await Self.trail()
        let total = try await app.services.audit.count()
        var seen: [Int64] = []
        for try await batch in app.services.audit.batches(AuditQuery(filter: AuditFilter()), size: 3) {
            #expect(batch.count <= 3)
            seen += batch.map(\.id)
        }
        #expect(seen == (1...Int64(total)).reversed().map { $0 })
    }

    @Test func verifyingOnDemandShowsTheResultAndIsItselfRecorded() async throws {
        let (app, _) = try await Self.trail()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            try await browser.get("/admin/audit")
            let checked = try await app.services.audit.count()
            let verified = try await browser.post("/admin/audit/verify")
            #expect(verified.status == .seeOther)
            #expect(try await browser.get("/admin/audit").body.contains("The chain holds: \(checked) entries verified"))
            #expect(try app.auditActions().last == "audit.verified")
            // Tampered with outside the app: the next verification names the entry
            try await app.database.writer.write { db in
                try db.execute(sql: "DROP TRIGGER audit_log_no_update")
                try db.execute(sql: "UPDATE audit_log SET detail = 'x' WHERE id = 2")
            }
            try await browser.post("/admin/audit/verify")
            #expect(try await browser.get("/admin/audit").body.contains("The chain is broken at entry #2"))
            #expect(try await browser.post("/admin/audit/verify", csrf: "forged").status == .forbidden)
        }
    }

    @Test func onlyTheAdministratorReadsTheTrail() async throws {
        let (app, _) = try await Self.trail()
        try await app.user("sec@example.org", role: .secretary)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            #expect(try await browser.get("/admin/audit").status == .notFound)
            #expect(try await browser.get("/admin/audit.csv").status == .notFound)
            #expect(try await browser.post("/admin/audit/verify").status == .notFound)
        }
    }

    /// Every action the code records has a label in the catalogue (the action filter lists the catalogue's).
    @Test func everyRecordedActionHasALabel() throws {
        let sources = packageRoot.appendingPathComponent("Sources/EthicsCommittee")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.contains("Catalog") }
        let pattern = try Regex(#""((?:auth|setup|settings|member|meeting|deliverable|charter|case|account|audit|notification|two_factor|written|database|aiact|incident)\.[a-z_]+)""#)
        var codes = Set(CaseLifecycle.Transition.allCases.map { "case.\($0.rawValue)" })
        codes.formUnion(DeliverableStatus.allCases.map { "deliverable.\($0.rawValue)" })
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) { codes.insert(String(match.output[1].substring!)) }
        }
        #expect(codes.count > 40)
        for language in Language.allCases {
            let messages = Catalog.messages(language)
            for code in codes { #expect(messages[runtime: "audit_action_\(code)"] != nil, "\(language): \(code)") }
        }
    }
}

/// The view log: reads of confidential cases and of minutes are audit entries, once per person and ten minutes.
@Suite struct ViewLogTests {
    @Test func openingAConfidentialCaseIsLoggedOncePerWindow() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let secret = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Secret", confidential: true))
            let open = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Open"))
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            func views() throws -> [String] {
                try c.app.database.writer.read { db in
                    try String.fetchAll(db, sql: "SELECT actor || ' ' || target_id FROM audit_log WHERE action = 'case.viewed' ORDER BY id")
                }
            }
            let before = try views().count  // the owner's own visits while submitting
            try await secretary.get("/cases/\(secret)")
            try await secretary.get("/cases/\(secret)")
            try await secretary.get("/cases/\(open)")
            #expect(try views().dropFirst(before) == ["sec@example.org \(secret)"])
            c.app.clock.advance(601)
            try await secretary.get("/cases/\(secret)")
            #expect(try views().count == before + 2)
            // The admin's view log lists them
            try await c.app.user("admin@example.org", role: .admin)
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            let log = try await admin.get("/admin/audit?kind=views")
            #expect(log.body.contains("View log"))
            #expect(log.body.contains("Confidential case opened"))
            #expect(log.body.contains("<code>case.viewed</code>"))
            #expect(!log.body.contains("<code>auth.sign_in</code>") && !log.body.contains("<code>case.created</code>"))
        }
    }
}
