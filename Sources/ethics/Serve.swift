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

    @Option(name: .customLong("public"), help: "Folder of the static files (env ETHICS_PUBLIC).")
    var publicFolder: String = env("ETHICS_PUBLIC") ?? "Public"

    @Option(help: "Address people use to reach the app, for printed links (env ETHICS_PUBLIC_URL).")
    var publicURL: String? = env("ETHICS_PUBLIC_URL")

    // With an inversion: a plain flag whose default is true (ETHICS_SECURE_COOKIES=1) is refused by
    // ArgumentParser at start, which docs/deploy.md's test caught.
    @Flag(inversion: .prefixedNo, help: "Mark cookies Secure: set when served over HTTPS (env ETHICS_SECURE_COOKIES=1).")
    var secureCookies = env("ETHICS_SECURE_COOKIES") == "1"

    @Option(help: "Folder of translation files (en.json, fr.json) used instead of the built-in ones, to try a translation without rebuilding; refused at start-up unless every key is there with the same placeholders (env ETHICS_TRANSLATIONS).")
    var translations: String? = env("ETHICS_TRANSLATIONS")

    @Option(help: "Log level: trace, debug, info, notice, warning, error (env ETHICS_LOG_LEVEL).")
    var logLevel: String = env("ETHICS_LOG_LEVEL") ?? "info"

    @Option(name: .customLong("trusted-proxy"),
            help: "Address of a reverse proxy whose X-Forwarded-For is believed; repeat for several (env ETHICS_TRUSTED_PROXIES, comma-separated).")
    var trustedProxies: [String] = (env("ETHICS_TRUSTED_PROXIES") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }

    @OptionGroup var smtp: SMTPOptions

    @Option(name: .customLong("reauthentication-window"),
            help: "Seconds a fresh password or code counts before a sensitive act asks again (env ETHICS_REAUTHENTICATION_WINDOW).")
    var reauthenticationWindow: Int = env("ETHICS_REAUTHENTICATION_WINDOW").flatMap(Int.init) ?? 300

    func run() async throws {
        // Before anything is served: a translation folder with a problem stops the start, saying what to fix.
        if let translations { try Catalog.use(folder: translations) }
        var config = AppConfiguration(databasePath: database.db)
        config.migrationsDirectory = database.migrations
        config.auditFiles = database.auditFiles
        config.hostname = hostname
        config.port = port
        config.publicDirectory = publicFolder
        config.publicURL = publicURL
        config.secureCookies = secureCookies
        config.smtp = try smtp.settings()
        config.trustedProxies = trustedProxies.filter { !$0.isEmpty }
        config.reauthenticationWindow = TimeInterval(max(1, reauthenticationWindow))
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

/// E-mail: off unless a host is given. TLS (STARTTLS or implicit) unless the relay is on this host.
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

    @Option(name: .customLong("smtp-tls"),
            help: "plain, starttls or tls; default: tls on port 465, plain for a relay on this host, starttls otherwise (env ETHICS_SMTP_TLS).")
    var tls: String? = env("ETHICS_SMTP_TLS")

    @Option(name: .customLong("smtp-ca-file"), help: "PEM file of a private CA to trust for the SMTP server's certificate (env ETHICS_SMTP_CA_FILE).")
    var caFile: String? = env("ETHICS_SMTP_CA_FILE")

    func settings() throws -> SMTPSettings? {
        guard let host, !host.isEmpty else { return nil }
        guard let from, MailMessage.isSafeAddress(from) else {
            throw ValidationError("--smtp-from (ETHICS_SMTP_FROM) must be a plain address such as ethics@example.org.")
        }
        guard (1...65535).contains(port) else { throw ValidationError("--smtp-port must be between 1 and 65535.") }
        var settings = SMTPSettings(host: host, port: port, from: from, username: username, password: password, heloName: helo,
                                    caFile: caFile)
        if let tls {
            guard let security = SMTPSecurity(rawValue: tls) else { throw ValidationError("--smtp-tls must be plain, starttls or tls.") }
            settings.security = security
        } else {
            settings.security = port == 465 ? .tls : settings.hostIsLocal ? .plain : .starttls
        }
        // Passwords and one-time links must not cross a network in clear.
        if settings.security == .plain && !settings.hostIsLocal {
            throw ValidationError("Plain SMTP is only for a relay on this host (localhost); use --smtp-tls starttls or tls for \(host).")
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("--smtp-ca-file: cannot read \(caFile).")
        }
        return settings
    }
}
