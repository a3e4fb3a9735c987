import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// The chain anchored outside the database: what someone holding only the SQLite file can no longer hide.
@Suite struct AuditAnchorTests {
    /// Six entries, each in its own transaction (so each is anchored).
    static func appSixEntries() async throws -> TestApp {
        let app = try await TestApp.make()
        try AuditTrailTests().appendSome(app, count: 6)
        return app
    }

    /// A connection of its own, as an attacker with the file has: no anchor observer.
    static func attacker(_ app: TestApp) throws -> DatabaseQueue {
        try DatabaseQueue(path: app.services.config.databasePath)
    }

    static var files: (TestApp) -> AuditAnchor.Files { { .beside(database: $0.services.config.databasePath) } }

    @Test func anUntouchedTrailMatchesItsAnchor() async throws {
        let app = try await Self.appSixEntries()
        let result = try await app.services.audit.verify()
        #expect(result.holds)
        #expect(result.anchoredFrom == 0)
        #expect(result.head?.id == 6)
        let records = try String(contentsOfFile: Self.files(app).anchor, encoding: .utf8).split(separator: "\n")
        #expect(records.first?.hasPrefix("A 0 genesis ") == true)
        #expect(records.count == 7)
    }

    @Test func theKeyFileIsPrivate() async throws {
        let app = try await TestApp.make()
        let attributes = try FileManager.default.attributesOfItem(atPath: Self.files(app).key)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(!Self.files(app).key.hasPrefix(app.services.config.databasePath + "/"))
    }

    @Test func deletingTheLastEntriesIsDetected() async throws {
        // Given an anchored trail, and someone who drops the guard trigger and deletes the last two entries
        let app = try await Self.appSixEntries()
        try await Self.attacker(app).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE id > 4")
        }
        // Then the chain alone still holds, but the anchor knows entry 6
        let result = try await app.services.audit.verify()
        #expect(result.firstBrokenId == nil)
        #expect(result.anchorProblem == .truncated(anchored: 6, present: 4))
        #expect(!result.holds)
    }

    @Test func rewritingAnEntryAndRecomputingLaterHashesIsDetected() async throws {
        // Given someone who rewrites entry 3 and recomputes every later hash, so the plain chain holds again
        let app = try await Self.appSixEntries()
        try await Self.attacker(app).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET detail = 'n=999' WHERE id = 3")
            var prev = try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE id = 2")!
            for entry in try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_log WHERE id >= 3 ORDER BY id") {
                let hash = AuditEntry.chainHash(prev: prev, at: entry.at, actorId: entry.actorId, actor: entry.actor, action: entry.action,
                                                targetType: entry.targetType, targetId: entry.targetId, detail: entry.detail, client: entry.client)
                try db.execute(sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [prev, hash, entry.id])
                prev = hash
            }
        }
        // Then the anchor names the rewritten entry
        let result = try await app.services.audit.verify()
        #expect(result.firstBrokenId == nil)
        #expect(result.anchorProblem == .rewritten(after: 2, upTo: 3))
    }

    @Test func entriesAddedAroundTheAppAreReported() async throws {
        let app = try await Self.appSixEntries()
        try await Self.attacker(app).write { db in
            try AuditStore.append(db, by: .system("forger"), action: "test.step", at: Date())
        }
        #expect(try await app.services.audit.verify().anchorProblem == .unanchored(from: 7, to: 7))
    }

    @Test func aForgedAnchorRecordIsDetected() async throws {
        // Given someone who rewrites the trail and appends a head of their own to the anchor file, without the key
        let app = try await Self.appSixEntries()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: Self.files(app).anchor))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("H 6 \(String(repeating: "a", count: 64)) \(String(repeating: "b", count: 64))\n".utf8))
        try handle.close()
        #expect(try await app.services.audit.verify().anchorProblem == .forgedRecord(line: 8))
    }

    @Test func anExistingTrailIsAdoptedOnceAndSaysSo() async throws {
        // Given a database from before anchoring: entries, but no key nor anchor file
        let app = try await Self.appSixEntries()
        let files = Self.files(app)
        try FileManager.default.removeItem(atPath: files.key)
        try FileManager.default.removeItem(atPath: files.anchor)
        // When it is opened, anchoring starts at its head, and the trail records that it did
        let reopened = try AppDatabase.open(path: app.services.config.databasePath, migrationsDirectory: app.services.config.migrationsDirectory)
        let result = try await AuditStore(db: reopened).verify()
        #expect(result.holds)
        #expect(result.anchoredFrom == 6)
        #expect(try app.auditActions().last == "audit.anchored")
        // From then on, truncation below the adoption point is detected too
        try await Self.attacker(app).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE id > 5")
        }
        #expect(try await AuditStore(db: reopened).verify().anchorProblem == .truncated(anchored: 7, present: 5))
    }

    @Test func aLostKeyStopsTheAppRatherThanStartingAnew() async throws {
        let app = try await Self.appSixEntries()
        try FileManager.default.removeItem(atPath: Self.files(app).key)
        #expect(throws: AuditKeyMissing.self) {
            try AppDatabase.open(path: app.services.config.databasePath, migrationsDirectory: app.services.config.migrationsDirectory)
        }
    }

    @Test func verificationWithoutTheAnchorSaysSoAndCreatesNothing() async throws {
        let app = try await Self.appSixEntries()
        let elsewhere = AuditAnchor.Files(key: app.folder.appendingPathComponent("none.key").path,
                                          anchor: app.folder.appendingPathComponent("none.anchor").path)
        let db = try AppDatabase.open(path: app.services.config.databasePath, migrationsDirectory: app.services.config.migrationsDirectory,
                                      auditFiles: elsewhere, startAnchor: false)
        #expect(try await AuditStore(db: db).verify().anchorProblem == .anchorMissing)
        #expect(!FileManager.default.fileExists(atPath: elsewhere.key))
    }

    @Test func theAuditPageReportsATruncation() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            try AuditTrailTests().appendSome(app, count: 3)
            let last = try await app.services.audit.count()
            try await Self.attacker(app).write { db in
                try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
                try db.execute(sql: "DELETE FROM audit_log WHERE id > ?", arguments: [last - 2])
            }
            try await admin.get("/admin/audit")
            let verified = try await admin.post("/admin/audit/verify")
            #expect(verified.status == .seeOther)
            let page = try await admin.get("/admin/audit")
            #expect(page.body.contains("The chain ends at entry #\(last - 2)"))
        }
    }

    @Test func appendingAfterATruncationDoesNotHideIt() async throws {
        // Given a trail cut by two entries, after which the app goes on writing (reusing the ids)
        let app = try await Self.appSixEntries()
        try await Self.attacker(app).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE id > 4")
        }
        try AuditTrailTests().appendSome(app, count: 3)
        // Then the reused id 5 carries two anchored hashes and is reported
        #expect(try await app.services.audit.verify().anchorProblem == .rewritten(after: 4, upTo: 5))
    }
}
