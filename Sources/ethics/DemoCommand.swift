import ArgumentParser
import EthicsCommittee
import EthicsDemo
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill a fresh database with demo data: a committee to explore (small) or load-test data (large).",
        discussion: """
            small: an administrator, a secretary, eleven committee members (most of them external), four project owners, \
            the charter in three versions, the rules of procedure, and cases in every status.
            large: 10,000 cases, 200 members, 500 meetings, 300 deliverables and 200,000 audit entries over three years, \
            for the load benchmark.
            The same seed gives the same data. Every account gets the same demo password, printed at the end.
            """)

    @Option(help: "The SQLite database to create (refused when it already has accounts).")
    var db: String

    @Option(help: "Folder of the SQL migrations (env ETHICS_MIGRATIONS).")
    var migrations: String = env("ETHICS_MIGRATIONS") ?? "migrations"

    @Option(help: "small or large.")
    var scale: String = "small"

    @Option(help: "Seed of the random choices.")
    var seed: UInt64 = 2026

    @Option(help: "Large scale only: number of cases.")
    var cases: Int = DemoSize.large.cases

    @Option(help: "Large scale only: number of committee members (at least 10).")
    var members: Int = DemoSize.large.members

    @Option(help: "Large scale only: number of audit entries (padded with sign-ins).")
    var auditEntries: Int = DemoSize.large.auditEntries

    @Option(help: "Large scale only: number of meetings held.")
    var meetings: Int = DemoSize.large.meetings

    @Option(help: "Large scale only: number of deliverables besides the decisions' opinions.")
    var deliverables: Int = DemoSize.large.deliverables

    func validate() throws {
        guard DemoScale(rawValue: scale) != nil else { throw ValidationError("Unknown scale '\(scale)'. Use small or large.") }
        guard members >= 10, cases >= 0, auditEntries >= 0, meetings >= 0, deliverables >= 0 else { throw ValidationError("Use at least 10 members and no negative counts.") }
    }

    func run() async throws {
        var options = DemoOptions(scale: DemoScale(rawValue: scale)!,
                                  size: DemoSize(cases: cases, members: members, auditEntries: auditEntries,
                                                 meetings: meetings, deliverables: deliverables))
        options.seed = seed
        options.attachmentsDirectory = AppConfiguration(databasePath: db).resolvedAttachmentsDirectory
        let database = try AppDatabase.open(path: db, migrationsDirectory: migrations)
        let report: DemoReport
        do {
            report = try await Demo.generate(db: database, options: options) { print($0) }
        } catch let refusal as DemoRefusal {
            throw ValidationError(refusal.description)
        }
        print(DemoSummary.text(report, path: db))
    }
}

/// The end-of-run summary: what was made and how to sign in.
enum DemoSummary {
    static func text(_ report: DemoReport, path: String) -> String {
        var lines = [String(format: "\nDemo data written to %@ in %.1f s.", path, report.seconds)]
        lines.append("  accounts: \(report.accountCount); committee members: \(report.members) (\(report.externalMembers) external)")
        lines.append("  cases: " + report.casesByStatus.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        lines.append("  charter versions: \(report.charterVersions); audit entries: \(report.auditEntries)")
        lines.append("  meetings: \(report.meetings) (\(report.approvedMinutes) with approved minutes); deliverables: \(report.deliverables); "
                     + "attachments: \(report.attachments)")
        if !report.skipped.isEmpty { lines.append("  not generated: " + report.skipped.joined(separator: "; ")) }
        lines.append("\nSign in with any of these accounts; every demo account has the password: \(report.password)\n")
        let width = report.accounts.map(\.email.count).max() ?? 20
        for account in report.accounts {
            let role = account.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            lines.append("  \(role) \(account.email.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(account.name) — \(account.about)")
        }
        lines.append("\nTwo-factor sign-in is not required in the demo: turn it on per account (Password → Two-factor sign-in) "
                     + "or require it for staff under Settings.")
        lines.append("\nServe it with:  swift run ethics serve --db \(path)   (or: make run DB=\(path))")
        return lines.joined(separator: "\n")
    }
}
