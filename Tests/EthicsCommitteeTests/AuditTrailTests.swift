import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

@Suite struct AuditTrailTests {
    func appendSome(_ app: TestApp, count: Int) throws {
        for i in 0..<count {
            try app.database.writer.write { db in
                try AuditStore.append(db, by: AuditActor(id: nil, label: "tester", client: "127.0.0.1"),
                                      action: "test.step", targetType: "thing", targetId: "\(i)", detail: "n=\(i)",
                                      at: app.clock.now)
            }
        }
    }

    @Test func anUntouchedChainHolds() async throws {
        let app = try await TestApp.make()
        try appendSome(app, count: 5)
        let result = try await app.services.audit.verify()
        #expect(result.holds)
        #expect(result.checked == 5)
    }

    @Test func entriesLinkToTheirPredecessor() async throws {
        let app = try await TestApp.make()
        try appendSome(app, count: 3)
        let entries = try await app.services.audit.page(offset: 0, limit: 10).reversed().map { $0 }
        #expect(entries[0].prevHash == "genesis")
        #expect(entries[1].prevHash == entries[0].hash)
        #expect(entries[2].prevHash == entries[1].hash)
    }

    @Test func updatesAndDeletesAreRefusedByTheDatabase() async throws {
        let app = try await TestApp.make()
        try appendSome(app, count: 2)
        #expect(throws: DatabaseError.self) {
            try app.database.writer.write { db in try db.execute(sql: "UPDATE audit_log SET detail = 'x' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try app.database.writer.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id = 1") }
        }
    }

    @Test func tamperingIsDetectedAtTheFirstBrokenEntry() async throws {
        // Given a chain, and someone with access to the file who drops the guard triggers and edits entry 3
        let app = try await TestApp.make()
        try appendSome(app, count: 6)
        try await app.database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET detail = 'n=999' WHERE id = 3")
        }
        // Then verification names entry 3
        let result = try await app.services.audit.verify()
        #expect(!result.holds)
        #expect(result.firstBrokenId == 3)
        #expect(result.checked == 2)
    }

    @Test func deletingAnEntryIsDetected() async throws {
        let app = try await TestApp.make()
        try appendSome(app, count: 4)
        try await app.database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE id = 2")
        }
        await #expect(try app.services.audit.verify().firstBrokenId == 3)
    }

    @Test func adminPageListsNewestFirstAndPages() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try appendSome(app, count: 60)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            let first = try await browser.get("/admin/audit")
            #expect(first.status == .ok)
            #expect(first.body.contains("<code>auth.sign_in</code>"))
            #expect(first.body.contains("Page 1 / 2"))
            let second = try await browser.get("/admin/audit?page=2")
            #expect(second.body.contains("<code>account.created</code>"))
            #expect(!second.body.contains("<code>auth.sign_in</code>"))
        }
    }

    @Test func failedSignInIsRecordedWithTheClientAndAttemptedEmail() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            try await Browser(client).signIn("mallory@example.org", "guessing!!")
        }
        let last = try await #require(try app.services.audit.page(offset: 0, limit: 1).first)
        #expect(last.action == "auth.sign_in_failed")
        #expect(last.actor == "mallory@example.org")
        #expect(last.detail == "unknown_email")
    }
}
