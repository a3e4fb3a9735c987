import Foundation

/// Everything the app needs to start; the `ethics` command fills it from flags and environment.
public struct AppConfiguration: Sendable {
    public var databasePath: String
    public var hostname = "127.0.0.1"
    public var port = 8080
    /// Folders outside the Swift targets; default to those beside the working directory. (Templates are
    /// compiled into the binary: see Sources/TemplateCompiler.)
    public var publicDirectory = "Public"
    public var migrationsDirectory = "migrations"
    /// Adds `Secure` to cookies: set when the app is served over TLS (directly or behind a proxy).
    public var secureCookies = false
    /// The address people use, for the links the app prints (setup, invitations).
    public var publicURL: String?
    public var passwordCost: UInt8 = 12
    public var sessionIdleTimeout: TimeInterval = 2 * 3600
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// How long a fresh password or code counts before a sensitive act asks for it again.
    public var reauthenticationWindow: TimeInterval = 5 * 60
    /// Largest url-encoded request body accepted, in bytes: above every form's field limits (FieldLimits).
    public var maxBodyBytes = FieldLimits.bodyBytes
    /// A connection with no request in progress (or a request head still incomplete) is closed after this long.
    public var idleTimeout: Duration = .seconds(30)
    /// A request must arrive whole, head to end of body, within this long (a 10 MB upload at 2 Mbit/s takes 40 s).
    public var requestTimeout: Duration = .seconds(120)
    /// Connections served at once; more wait in the listen queue.
    public var maxConnections = 512
    /// Largest attachment accepted, in bytes (the multipart body may be a little larger).
    public var maxAttachmentBytes = 10 * 1024 * 1024
    /// Where attachments are stored: outside `Public/`; by default beside the database.
    public var attachmentsDirectory: String?
    public var resolvedAttachmentsDirectory: String {
        attachmentsDirectory ?? URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("attachments").path
    }
    /// Reverse proxies whose `X-Forwarded-For` is believed (exact addresses); empty: the socket peer is the client.
    public var trustedProxies: [String] = []
    /// The audit chain's key and anchor files (outside the database); by default beside it.
    public var auditFiles: AuditAnchor.Files?
    public var clock: AppClock = .system
    /// Where notification e-mails go out; nil: in-app notifications only.
    public var smtp: SMTPSettings?

    public init(databasePath: String) { self.databasePath = databasePath }

    /// The base of absolute links printed or shown for copying.
    public var baseURL: String { publicURL ?? "http://\(hostname):\(port)" }
}
