import ArgumentParser
import EthicsCommittee
import Foundation
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate the database, then serve the app until SIGINT or SIGTERM.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on (env ETHICS_HOSTNAME).")
    var hostname: String = env("ETHICS_HOSTNAME") ?? "127.0.0.1"

    @Option(help: "Port to listen on (env ETHICS_PORT).")
    var port: Int = env("ETHICS_PORT").flatMap(Int.init) ?? 8080

    @Option(help: "Folder of the templates (env ETHICS_TEMPLATES).")
    var templates: String = env("ETHICS_TEMPLATES") ?? "Templates"

    @Option(name: .customLong("public"), help: "Folder of the static files (env ETHICS_PUBLIC).")
    var publicFolder: String = env("ETHICS_PUBLIC") ?? "Public"

    @Option(help: "Address people use to reach the app, for printed links (env ETHICS_PUBLIC_URL).")
    var publicURL: String? = env("ETHICS_PUBLIC_URL")

    // With an inversion: a plain flag whose default is true (ETHICS_SECURE_COOKIES=1) is refused by
    // ArgumentParser at start, which docs/deploy.md's test caught.
    @Flag(inversion: .prefixedNo, help: "Mark cookies Secure: set when served over HTTPS (env ETHICS_SECURE_COOKIES=1).")
    var secureCookies = env("ETHICS_SECURE_COOKIES") == "1"

    @Option(help: "Log level: trace, debug, info, notice, warning, error (env ETHICS_LOG_LEVEL).")
    var logLevel: String = env("ETHICS_LOG_LEVEL") ?? "info"

    @Option(name: .customLong("trusted-proxy"),
            help: "Address of a reverse proxy whose X-Forwarded-For is believed; repeat for several (env ETHICS_TRUSTED_PROXIES, comma-separated).")
    var trustedProxies: [String] = (env("ETHICS_TRUSTED_PROXIES") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }

    @OptionGroup var smtp: SMTPOptions

    func run() async throws {
        var config = AppConfiguration(databasePath: database.db)
        config.migrationsDirectory = database.migrations
        config.auditFiles = database.auditFiles
        config.hostname = hostname
        config.port = port
        config.templatesDirectory = templates
        config.publicDirectory = publicFolder
        config.publicURL = publicURL
        config.secureCookies = secureCookies
        config.smtp = try smtp.settings()
        config.trustedProxies = trustedProxies.filter { !$0.isEmpty }
        var logger = Logger(label: "ethics")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info

        let services = try await AppServices(config)
        if try await !services.users.hasActiveAdmin() {
            let token = try await services.invitations.createSetup()
            // Written unbuffered, so it shows at once even when stdout is a pipe or a file.
            let notice = "No administrator yet. Open this one-time setup link within the hour:\n"
                + "  \(config.baseURL)/join/\(token)\n"
            FileHandle.standardOutput.write(Data(notice.utf8))
        }
        let app = try await buildApplication(services, logger: logger)
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the pending migrations to the database.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        _ = try AppDatabase.open(path: database.db, migrationsDirectory: database.migrations, auditFiles: database.auditFiles)
        print("Database \(database.db) is up to date.")
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a live database to OUT with SQLite's online backup, then check the copy's integrity.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file to write.") var out: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else {
            throw ValidationError("\(out) already exists; choose a new file name.")
        }
        let db = try AppDatabase.open(path: database.db, migrationsDirectory: database.migrations, auditFiles: database.auditFiles)
        try await db.backup(to: out)
        print("Backup written to \(out) and integrity-checked.")
    }
}

/// Notification e-mail: off unless a host is given. Plain SMTP to a relay (no TLS).
struct SMTPOptions: ParsableArguments {
    @Option(name: .customLong("smtp-host"), help: "SMTP relay for notification e-mails; none: no e-mail (env ETHICS_SMTP_HOST).")
    var host: String? = env("ETHICS_SMTP_HOST")

    @Option(name: .customLong("smtp-port"), help: "SMTP port (env ETHICS_SMTP_PORT).")
    var port: Int = env("ETHICS_SMTP_PORT").flatMap(Int.init) ?? 25

    @Option(name: .customLong("smtp-from"), help: "Sender address of notification e-mails (env ETHICS_SMTP_FROM).")
    var from: String? = env("ETHICS_SMTP_FROM")

    @Option(name: .customLong("smtp-username"), help: "SMTP AUTH user name, if the relay asks (env ETHICS_SMTP_USERNAME).")
    var username: String? = env("ETHICS_SMTP_USERNAME")

    @Option(name: .customLong("smtp-password"), help: "SMTP AUTH password; prefer the environment (env ETHICS_SMTP_PASSWORD).")
    var password: String? = env("ETHICS_SMTP_PASSWORD")

    @Option(name: .customLong("smtp-helo"), help: "Name given in EHLO (env ETHICS_SMTP_HELO).")
    var helo: String = env("ETHICS_SMTP_HELO") ?? "localhost"

    func settings() throws -> SMTPSettings? {
        guard let host, !host.isEmpty else { return nil }
        guard let from, MailMessage.isSafeAddress(from) else {
            throw ValidationError("--smtp-from (ETHICS_SMTP_FROM) must be a plain address such as ethics@example.org.")
        }
        guard (1...65535).contains(port) else { throw ValidationError("--smtp-port must be between 1 and 65535.") }
        return SMTPSettings(host: host, port: port, from: from, username: username, password: password, heloName: helo)
    }
}
