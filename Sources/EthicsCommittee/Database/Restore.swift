import Foundation
import GRDB

/// What `ethics restore` did, for its report.
public struct RestoreReport: Sendable, Equatable {
    /// The last audit entry of the restored backup.
    public let restoredHead: Int64
    /// The last audit entry the trail had reached before the restore, from the replaced database or, when
    /// that is gone, from the anchor (nil when neither says).
    public let reachedHead: Int64?
    /// Where the replaced database was kept.
    public let keptAs: String?
}

/// Why a restore was refused; the database in place is untouched.
public enum RestoreRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case backupMissing(String)
    case backupCorrupt(String)
    case notAnEthicsDatabase(String)
    /// Another connection holds the database: the server is running.
    case serverRunning(String)

    public var description: String {
        switch self {
        case .backupMissing(let path): "\(path) does not exist."
        case .backupCorrupt(let result): "The backup fails SQLite's integrity check (\(result)); nothing was changed."
        case .notAnEthicsDatabase(let path): "\(path) is not an Ethics Committee database (no audit trail); nothing was changed."
        case .serverRunning(let path): "\(path) is in use: stop the server first; nothing was changed."
        }
    }
}

extension AppDatabase {
    /// Puts a backup made by `ethics backup` in place of the database at `path`, with the server stopped:
    /// checks the backup's integrity, keeps the replaced database beside it (`<path>.before-restore-<time>`),
    /// copies the backup in, records the restored head in the audit anchor (so `ethics audit verify` holds
    /// and shows the restore rather than reporting a truncation), applies pending migrations (a backup made
    /// by an older version is upgraded), and writes a `database.restored` entry to the trail.
    public static func restore(backup: String, to path: String, migrationsDirectory: String, auditFiles: AuditAnchor.Files,
                               now: Date = Date()) throws -> RestoreReport {
        let manager = FileManager.default
        guard manager.fileExists(atPath: backup) else { throw RestoreRefusal.backupMissing(backup) }
        let restored = try head(of: backup)
        if manager.fileExists(atPath: path) { try takeOver(path) }
        let replaced = manager.fileExists(atPath: path) ? try? head(of: path) : nil

        var keptAs: String?
        if manager.fileExists(atPath: path) {
            let kept = path + ".before-restore-" + Timestamp.string(now).filter { $0.isNumber || $0 == "T" }
            try manager.moveItem(atPath: path, toPath: kept)
            for suffix in ["-wal", "-shm", "-journal"] where manager.fileExists(atPath: path + suffix) {
                try manager.moveItem(atPath: path + suffix, toPath: kept + suffix)
            }
            keptAs = kept
        }
        try DatabaseQueue(path: backup, configuration: readOnly()).backup(to: DatabaseQueue(path: path))
        let anchored = try AuditAnchor.recordRestore(auditFiles, id: restored.id, hash: restored.hash)

        let db = try open(path: path, migrationsDirectory: migrationsDirectory, auditFiles: auditFiles)
        let name = URL(fileURLWithPath: backup).lastPathComponent
        let reached = [replaced?.id, anchored].compactMap { $0 }.max()
        let lost = reached.map { max(0, $0 - restored.id) }
        let detail = "from \(name): trail restored to entry #\(restored.id)"
            + (lost.map { ", \($0) later entries given up" } ?? "") + (keptAs.map { "; replaced database kept as \($0)" } ?? "")
        try db.writer.write { db in
            try AuditStore.append(db, by: .system(), action: "database.restored", detail: detail, at: now)
        }
        return RestoreReport(restoredHead: restored.id, reachedHead: reached, keptAs: keptAs)
    }

    /// Makes sure no other connection holds the database, and folds its write-ahead log in. An exclusive lock
    /// is refused while any connection (the server's, in this process or another) has it open in WAL mode;
    /// the log's mere presence proves nothing, as GRDB's pool leaves it behind when it closes.
    private static func takeOver(_ path: String) throws {
        var config = Configuration()
        config.busyMode = .immediateError
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_master; COMMIT") }
            try queue.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw RestoreRefusal.serverRunning(path)
        }
    }

    /// The last audit entry of a database file, after its integrity check.
    private static func head(of path: String) throws -> (id: Int64, hash: String) {
        let queue = try DatabaseQueue(path: path, configuration: readOnly())
        return try queue.read { db in
            let check = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer"
            guard check == "ok" else { throw RestoreRefusal.backupCorrupt(check) }
            guard try db.tableExists("audit_log") else { throw RestoreRefusal.notAnEthicsDatabase(path) }
            return try AuditStore.head(db)
        }
    }

    private static func readOnly() -> Configuration {
        var config = Configuration()
        config.readonly = true
        return config
    }
}
