import GRDB

extension AppDatabase {
    /// Copies the live database to `destination` with SQLite's online backup, then checks the copy.
    public func backup(to destination: String) async throws {
        let target = try DatabaseQueue(path: destination)
        try writer.backup(to: target)
        let result = try await target.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        guard result == "ok" else { throw BackupCorrupt(result: result ?? "no answer") }
    }
}

public struct BackupCorrupt: Error, CustomStringConvertible {
    public let result: String
    public var description: String { "The backup copy failed its integrity check: \(result)" }
}
