import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Lists that grow with the archive reach `ListBound.rows` lines deep, say "more than" past it, and never read more
/// to answer a page; the unfiltered audit trail reaches every page by id; the header's unread count stops at 99+.
@Suite struct ListBoundTests {
    /// The ids shown in the audit table of a page.
    static func auditIds(_ html: String) -> [Int] {
        html.components(separatedBy: "<tr><td>").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }

    @Test func theCaseListReachesTheFirstLinesAndSaysThereAreMore() async throws {
        // Given 5,030 submitted cases (written in one statement: the stores would take minutes)
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let count = ListBound.rows + 30
        try await app.database.writer.write { db in
            let at = "2026-11-18T09:00:00.000Z"
            try db.execute(sql: """
                INSERT INTO cases (id, title, team, kind, customer_facing, personal_data, confidential, description, description_html,
                                   status, risk_tier, submitter_id, created_at, updated_at, submitted_at)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                SELECT i, 'Case ' || i, 'Team', 'tool', 0, 0, 0, 'd', '<p>d</p>', CASE WHEN i <= 10 THEN 'closed' ELSE 'submitted' END,
                       'medium', ?, ?, ?, ? FROM n
                """, arguments: [count, owner.id, at, at, at])
        }
        try await app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            // Then the count says "more than" and the pages stop at the bound
            let first = try await secretary.get("/cases")
            #expect(first.body.contains("More than 5000 cases: only the first 5000 lines are listed; narrow the filters to see the others."))
            #expect(first.body.contains("Page 1 / 200"), "\(first.body)")
            // And a page past it shows the last page that may be reached: the 5,000th newest case is the last line
            let deep = try await secretary.get("/cases?page=999999")
            #expect(deep.body.contains("Page 200 / 200"))
            #expect(deep.body.contains("href=\"/cases/31\"") && !deep.body.contains("href=\"/cases/30\""))
            // A filter that selects fewer is counted exactly and reaches its oldest case
            let closed = try await secretary.get("/cases?status=closed")
            #expect(closed.body.contains("10 cases") && closed.body.contains("href=\"/cases/1\""))
        }
    }

    @Test func theWholeAuditTrailIsPagedByIdAndAFilteredOneIsBounded() async throws {
        // Given more entries than the bound, most of one action (written directly: the chain is not what is tested)
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO audit_log (at, actor_id, actor, action, target_type, target_id, detail, client, prev_hash, hash)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                SELECT '2026-11-18T09:00:00.000Z', NULL, 'test', 'test.bulk', '', i, '', '', 'x', 'bulk-' || i FROM n
                """, arguments: [ListBound.rows + 200])
        }
        let total = try await app.services.audit.count()
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            let last = try await app.services.audit.count()  // the sign-in added its entries
            #expect(last > total)
            // Unfiltered: the exact count and every page, found by id
            let first = try await admin.get("/admin/audit")
            #expect(first.body.contains("\(last) entries"), "\(first.body.prefix(3000))")
            let pages = (last + 49) / 50
            #expect(first.body.contains("Page 1 / \(pages)"))
            #expect(Self.auditIds(first.body) == Array((last - 49...last).reversed()))
            let deepest = try await admin.get("/admin/audit?page=\(pages)")
            #expect(Self.auditIds(deepest.body) == Array((1...(last - (pages - 1) * 50)).reversed()))
            let third = try await admin.get("/admin/audit?page=3")
            #expect(Self.auditIds(third.body) == Array((last - 149...last - 100).reversed()))
            // Filtered: "more than", and the pages stop at the bound
            let bulk = try await admin.get("/admin/audit?action=test.bulk")
            #expect(bulk.body.contains("More than 5000 entries: only the first 5000 lines are listed"))
            #expect(bulk.body.contains("Page 1 / 100"))
            let deep = try await admin.get("/admin/audit?action=test.bulk&page=1000")
            #expect(deep.body.contains("Page 100 / 100"))
            let deepIds = Self.auditIds(deep.body)
            #expect(deepIds.count == 50 && deepIds.last == deepIds.first.map { $0 - 49 })
        }
    }

    @Test func theUnreadCountStopsAt99() async throws {
        // Given 120 unread notifications about a published version (which everyone may open)
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO notifications (recipient_id, kind, record_type, record_id, created_at)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
                SELECT ?, 'document_published', 'document_version', 1, '2026-11-18T09:00:00.000Z' FROM n
                """, arguments: [ada.id])
        }
        try await app.test { client in
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            let home = try await member.get("/")
            #expect(home.body.contains("<span class=\"unread-count\">99+</span>"), "\(home.body.prefix(3000))")
            #expect(home.body.contains("(more than 99 unread)"))
            let list = try await member.get("/notifications")
            #expect(list.body.contains("more than 99 unread"))
            #expect(list.body.contains("Page 1 / 3"))
        }
    }
}
