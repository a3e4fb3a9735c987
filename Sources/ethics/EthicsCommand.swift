import ArgumentParser
import EthicsCommittee
import Foundation

/// `ethics`: argument parsing only; everything else is in the EthicsCommittee library.
@main
struct EthicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ethics",
        abstract: "Ethics Committee: the governance workflow of an AI ethics committee.",
        subcommands: [Serve.self, Migrate.self, UserCommand.self, Backup.self, Restore.self, AuditCommand.self, DemoCommand.self])
}

/// An environment variable's value, used as a flag's default so every flag can come from the environment.
func env(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
}

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database file (env ETHICS_DB).")
    var db: String = env("ETHICS_DB") ?? "./data/ethics.sqlite"

    @Option(help: "Folder of the SQL migrations (env ETHICS_MIGRATIONS).")
    var migrations: String = env("ETHICS_MIGRATIONS") ?? "migrations"

    @Option(name: .customLong("audit-key"), help: "Key of the audit chain's anchor, created 0600 on first start; keep it out of database backups (env ETHICS_AUDIT_KEY; default: beside the database, DB.audit-key).")
    var auditKey: String? = env("ETHICS_AUDIT_KEY")

    @Option(name: .customLong("audit-anchor"), help: "Append-only file of the audit chain's heads (env ETHICS_AUDIT_ANCHOR; default: beside the database, DB.audit-anchor).")
    var auditAnchor: String? = env("ETHICS_AUDIT_ANCHOR")

    var auditFiles: AuditAnchor.Files {
        let beside = AuditAnchor.Files.beside(database: db)
        return AuditAnchor.Files(key: auditKey ?? beside.key, anchor: auditAnchor ?? beside.anchor)
    }
}
