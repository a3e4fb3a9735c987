import Foundation
import GRDB

/// Reads `migrations/NNNN_name.sql` in file-name order; the file name is the migration's identifier.
/// Files are append-only: once landed, a migration is never edited.
enum Migrations {
    static func migrator(directory: String) throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in try files(in: directory) {
            let sql = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            migrator.registerMigration(file) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    static func files(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let files = names.filter { $0.hasSuffix(".sql") }.sorted()
        guard !files.isEmpty else { throw MigrationsMissing(directory: directory) }
        return files
    }
}

struct MigrationsMissing: Error, CustomStringConvertible {
    let directory: String
    var description: String { "No migrations found in \(directory) (set --migrations or ETHICS_MIGRATIONS)." }
}
