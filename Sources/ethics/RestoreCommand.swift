import ArgumentParser
import EthicsCommittee
import Foundation

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put a backup made by `ethics backup` in place of the database, with the server stopped.",
        discussion: """
            The replaced database is kept beside it (DB.before-restore-<time>). The audit anchor records the restore, \
            so `ethics audit verify` holds afterwards and the trail says what was given up.
            """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file to restore.") var backup: String

    func run() async throws {
        do {
            let report = try AppDatabase.restore(backup: backup, to: database.db, migrationsDirectory: database.migrations,
                                                 auditFiles: database.auditFiles)
            print("Restored \(backup) to \(database.db): the audit trail ends at entry #\(report.restoredHead).")
            if let head = report.reachedHead, head > report.restoredHead {
                print("The trail had reached entry #\(head): \(head - report.restoredHead) later entries are given up.")
            }
            if let kept = report.keptAs { print("The replaced database is kept as \(kept).") }
        } catch let refusal as RestoreRefusal {
            FileHandle.standardError.write(Data("Restore refused: \(refusal)\n".utf8))
            throw ExitCode(1)
        }
    }
}
