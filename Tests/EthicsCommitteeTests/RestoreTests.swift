import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// `ethics restore`: a backup put back with the server stopped, recorded so the audit chain still verifies.
@Suite struct RestoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ethics-restore-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("ethics.sqlite").path }
    var backup: String { folder.appendingPathComponent("backup.sqlite").path }
    var files: AuditAnchor.Files { .beside(database: path) }
    let migrations = packageRoot.appendingPathComponent("migrations").path

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    /// Opens the database, appends `count` entries (each its own commit, so each is anchored) and closes it.
    func append(_ count: Int, backupAfter: Bool = false) async throws {
        let db = try AppDatabase.open(path: path, migrationsDirectory: migrations, auditFiles: files)
        for i in 0..<count {
            try await db.writer.write { db in
                try AuditStore.append(db, by: .system(), action: "test.step", detail: "n=\(i)", at: Date())
            }
        }
        if backupAfter { try await db.backup(to: backup) }
        try (db.writer as? DatabasePool)?.close()
    }

    func verify() async throws -> AuditVerification {
        let db = try AppDatabase.open(path: path, migrationsDirectory: migrations, auditFiles: files, startAnchor: false)
        defer { try? (db.writer as? DatabasePool)?.close() }
        return try await AuditStore(db: db).verify()
    }

    @Test func aRestoredBackupVerifiesAndTheTrailSaysWhatWasGivenUp() async throws {
        // Given a backup taken after 4 entries, then 3 more entries written
        try await append(4, backupAfter: true)
        try await append(3)
        let before = try await verify()
        #expect(before.holds)
        // When the backup is restored
        let report = try AppDatabase.restore(backup: backup, to: path, migrationsDirectory: migrations, auditFiles: files)
        // Then the replaced database is kept, the chain matches its anchor, and the trail records the restore
        #expect(report.reachedHead == before.head?.id)
        #expect(report.restoredHead < before.head!.id)
        #expect(FileManager.default.fileExists(atPath: report.keptAs ?? ""))
        let after = try await verify()
        #expect(after.holds, "\(String(describing: after.anchorProblem))")
        #expect(after.head?.id == report.restoredHead + 1)
        // And later entries (reusing the given-up ids) are anchored as usual
        try await append(5)
        #expect(try await verify().holds)
    }

    @Test func afterTheDatabaseIsLostTheAnchorTellsWhatWasGivenUp() async throws {
        try await append(2, backupAfter: true)
        try await append(3)
        let reached = try await verify().head!.id
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let report = try AppDatabase.restore(backup: backup, to: path, migrationsDirectory: migrations, auditFiles: files)
        #expect(report.keptAs == nil)
        #expect(report.reachedHead == reached)
        let db = try AppDatabase.open(path: path, migrationsDirectory: migrations, auditFiles: files)
        let detail = try await db.writer.read { db in try String.fetchOne(db, sql: "SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1") }
        #expect(detail?.contains("\(reached - report.restoredHead) later entries given up") == true)
        try (db.writer as? DatabasePool)?.close()
        #expect(try await verify().holds)
    }

    @Test func aTruncationWithoutRestoreIsStillDetectedAfterARestore() async throws {
        try await append(2, backupAfter: true)
        try await append(2)
        _ = try AppDatabase.restore(backup: backup, to: path, migrationsDirectory: migrations, auditFiles: files)
        try await append(4)
        let attacker = try DatabaseQueue(path: path)
        let last = try await attacker.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_log")! }
        try await attacker.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE id > ?", arguments: [last - 2])
        }
        try attacker.close()
        #expect(try await verify().anchorProblem == .truncated(anchored: last, present: last - 2))
    }

    @Test func aForgedRestoreRecordIsRefused() async throws {
        // A restore record can only be written with the key: one appended by hand is a forged line
        try await append(3)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: files.anchor))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("R 1 abc 0000\n".utf8))
        try handle.close()
        if case .forgedRecord = try await verify().anchorProblem {} else { Issue.record("a forged R line was accepted") }
    }

    @Test func aRunningServerOrABadBackupIsRefusedAndNothingChanges() async throws {
        try await append(2, backupAfter: true)
        // The server holds the database open (an idle pool, no transaction running)
        let db = try AppDatabase.open(path: path, migrationsDirectory: migrations, auditFiles: files)
        _ = try await AuditStore(db: db).verify()
        #expect(throws: RestoreRefusal.serverRunning(path)) {
            try AppDatabase.restore(backup: backup, to: path, migrationsDirectory: migrations, auditFiles: files)
        }
        try (db.writer as? DatabasePool)?.close()
        // A file that is not a database
        let junk = folder.appendingPathComponent("junk.sqlite").path
        FileManager.default.createFile(atPath: junk, contents: Data(String(repeating: "x", count: 4096).utf8))
        #expect(throws: (any Error).self) {
            try AppDatabase.restore(backup: junk, to: path, migrationsDirectory: migrations, auditFiles: files)
        }
        // The database in place was never moved
        #expect(try await verify().holds)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains("before-restore") })
    }
}
