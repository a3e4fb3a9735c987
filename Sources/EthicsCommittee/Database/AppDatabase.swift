import Foundation
import GRDB

/// The one SQLite database: a WAL pool (one writer, concurrent readers) with the schema of `migrations/`.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// Anchors the audit chain outside the database (`Audit/AuditAnchor.swift`).
    public let auditAnchor: AuditAnchor?

    init(writer: any DatabaseWriter, auditAnchor: AuditAnchor? = nil) {
        self.writer = writer; self.auditAnchor = auditAnchor
    }

    /// Opens (creating the folder if needed) and migrates the database at `path`, then anchors its audit chain
    /// with the key and anchor files (by default beside the database).
    /// `startAnchor: false` (verification) never creates them: a copy checked without its anchor is reported as such.
    public static func open(path: String, migrationsDirectory: String, auditFiles: AuditAnchor.Files? = nil,
                            startAnchor: Bool = true) throws -> AppDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: configuration())
        // Opening a pool switches the writer to WAL with synchronous=NORMAL; the one writer goes back to FULL.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try AppDatabase(writer: pool).migrate(directory: migrationsDirectory)
        let files = auditFiles ?? .beside(database: path)
        let present = FileManager.default.fileExists(atPath: files.key) && FileManager.default.fileExists(atPath: files.anchor)
        let anchor = startAnchor || present ? try AuditAnchor.attach(files, to: pool) : nil
        return AppDatabase(writer: pool, auditAnchor: anchor)
    }

    /// Connection settings: foreign keys on, a busy timeout, and `synchronous=FULL` so that a
    /// committed transaction survives a power loss (GRDB's pool default in WAL mode is NORMAL).
    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 8 MB of page cache per connection (SQLite's default is 2 MB): on the large demo the pages' queries
            // touch more than 2 MB, and every miss is a pread of a page the OS already holds (13 % of the home
            // page's CPU in bench/README.md). At most 6 connections (the writer and 5 readers): 48 MB.
            try db.execute(sql: "PRAGMA cache_size = -8000")
        }
        return config
    }

    /// Applies the pending migrations; refuses a database written by a newer version of the app.
    public func migrate(directory: String) throws {
        let migrator = try Migrations.migrator(directory: directory)
        let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        if superseded {
            let known = Set(migrator.migrations)
            let unknown = try writer.read { db in try migrator.appliedIdentifiers(db) }.subtracting(known)
            throw DatabaseTooNew(unknownMigrations: unknown.sorted())
        }
        try migrator.migrate(writer)
    }
}

/// The database holds migrations this build does not know: it was written by a newer version.
public struct DatabaseTooNew: Error, CustomStringConvertible {
    public let unknownMigrations: [String]
    public var description: String {
        "This database was written by a newer version of the app (unknown migrations: "
            + unknownMigrations.joined(separator: ", ") + "). Upgrade the app before opening it."
    }
}
