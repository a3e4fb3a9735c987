import GRDB

extension AppDatabase {
    /// Runs a bulk load (the demo generator filling a fresh database) without waiting for the disk at
    /// each commit: `synchronous=OFF` on the one writer connection, then back to FULL and a checkpoint.
    /// A crash in the middle can lose the load, never corrupt the file; the load is then simply run again.
    package func bulkLoad<T>(_ body: () async throws -> T) async throws -> T {
        try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        let result: T
        do {
            result = try await body()
        } catch {
            try? await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            throw error
        }
        try await writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.checkpoint(.truncate)
        }
        return result
    }
}
