import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

@Suite struct DatabaseTests {
    @Test func connectionSettings() async throws {
        let app = try await TestApp.make()
        let (journal, synchronous, foreignKeys) = try await app.database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL, on readers and on the writer
        #expect(foreignKeys == 1)
        let writerSynchronous = try await app.database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSynchronous == 2)
    }

    @Test func migrationsAreAppliedInFileNameOrder() async throws {
        let app = try await TestApp.make()
        let files = try Migrations.files(in: app.services.config.migrationsDirectory)
        #expect(files == files.sorted())
        let applied = try await app.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == files)
    }

    @Test func aDatabaseNewerThanTheCodeIsRefused() async throws {
        // Given a database that a newer version migrated further
        let app = try await TestApp.make()
        try await app.database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future.sql')")
        }
        // Then opening it is refused, naming the unknown migration
        do {
            _ = try AppDatabase.open(path: app.services.config.databasePath,
                                     migrationsDirectory: app.services.config.migrationsDirectory)
            Issue.record("a newer database was opened")
        } catch let error as DatabaseTooNew {
            #expect(error.unknownMigrations == ["9999_from_the_future.sql"])
            #expect(error.description.contains("newer version"))
        }
    }

    @Test func schemaConstraintsHoldTheInvariants() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        #expect(throws: DatabaseError.self) {
            try app.database.writer.write { db in
                try db.execute(sql: "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('b@x.org', 'B', 'overlord', 'h', 'now')")
            }
        }
        #expect(throws: DatabaseError.self) {
            try app.database.writer.write { db in
                try db.execute(sql: "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('ADA@example.org', 'A', 'member', 'h', 'now')")
            }
        }
        #expect(throws: DatabaseError.self) {
            try app.database.writer.write { db in
                try db.execute(sql: "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ('x', 999, 't', 'n', 'n')")
            }
        }
    }

    @Test func onlineBackupIsCompleteAndChecked() async throws {
        let app = try await TestApp.make()
        try await app.user("ada@example.org", role: .member)
        let out = app.folder.appendingPathComponent("backup.sqlite").path
        try await app.database.backup(to: out)
        let copy = try DatabaseQueue(path: out)
        let emails = try await copy.read { db in try String.fetchAll(db, sql: "SELECT email FROM users") }
        #expect(emails == ["ada@example.org"])
    }
}
