import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Builds the whole app from its configuration; `ethics serve` runs it, tests call it with a temporary database.
public func buildApplication(_ config: AppConfiguration, logger: Logger = Logger(label: "ethics"))
    async throws -> some ApplicationProtocol
{
    try await buildApplication(AppServices(config), logger: logger)
}

/// Builds the app over services already opened (the server opens them first to print the setup link).
public func buildApplication(_ app: AppServices, logger: Logger = Logger(label: "ethics"))
    async throws -> some ApplicationProtocol
{
    let config = app.config
    let router = try await buildRouter(app)
    return Application(
        router: router,
        // Slow or silent clients cannot hold connections: an idle timeout, a deadline per request, a cap.
        server: .http1(configuration: .init(
            additionalChannelHandlers: [RequestDeadlineHandler(limit: TimeAmount(config.requestTimeout))],
            idleTimeout: TimeAmount(config.idleTimeout))),
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: "ethics",
                             availableConnectionsDelegate: MaximumAvailableConnections(config.maxConnections, logger: logger)),
        services: [app.notificationService(logger: logger)],
        logger: logger)
}

/// The stores and helpers every controller is built from, opened once.
public struct AppServices: Sendable {
    public let config: AppConfiguration
    public let database: AppDatabase
    public let users: UserStore
    public let sessions: SessionStore
    public let invitations: InvitationStore
    public let audit: AuditStore
    public let charter: CharterStore
    public let settings: SettingsCache
    public let passwords: PasswordHasher
    public let throttle: LoginThrottle
    public let members: MemberStore
    public let cases: CaseStore
    public let caseReviews: CaseReviewStore
    public let caseDecisions: CaseDecisionStore
    public let caseAttachments: CaseAttachmentStore
    public let meetings: MeetingStore
    public let agenda: AgendaStore
    public let minutes: MinutesStore
    public let deliverables: DeliverableStore
    public let viewLog: ViewLog
    public let notifications: NotificationStore
    public let passwordResets: PasswordResetStore
    public let twoFactor: TwoFactorStore
    /// Counts "Forgot your password?" requests (a separate count from sign-in failures).
    let resetThrottle: LoginThrottle
    public let written: WrittenProcedureStore
    /// The register of AI systems (issue 18).
    public let systems: SystemStore
    let formats: Formats

    public init(_ config: AppConfiguration) async throws {
        self.config = config
        database = try AppDatabase.open(path: config.databasePath, migrationsDirectory: config.migrationsDirectory,
                                        auditFiles: config.auditFiles)
        users = UserStore(db: database, clock: config.clock)
        sessions = SessionStore(db: database, clock: config.clock, idleTimeout: config.sessionIdleTimeout,
                                absoluteLifetime: config.sessionLifetime)
        invitations = InvitationStore(db: database, clock: config.clock)
        audit = AuditStore(db: database)
        charter = CharterStore(db: database, clock: config.clock)
        settings = try await SettingsCache(store: SettingsStore(db: database, clock: config.clock))
        passwords = PasswordHasher(cost: config.passwordCost)
        throttle = LoginThrottle()
        members = MemberStore(db: database, clock: config.clock)
        cases = CaseStore(db: database, clock: config.clock)
        caseReviews = CaseReviewStore(db: database, clock: config.clock)
        caseDecisions = CaseDecisionStore(db: database, clock: config.clock)
        caseAttachments = CaseAttachmentStore(db: database, clock: config.clock, directory: config.resolvedAttachmentsDirectory)
        meetings = MeetingStore(db: database, clock: config.clock)
        agenda = AgendaStore(db: database, clock: config.clock)
        minutes = MinutesStore(db: database, clock: config.clock)
        deliverables = DeliverableStore(db: database, clock: config.clock)
        viewLog = ViewLog(audit: audit, clock: config.clock)
        notifications = NotificationStore(db: database, clock: config.clock)
        written = WrittenProcedureStore(db: database, clock: config.clock)
        systems = SystemStore(db: database, clock: config.clock)
        formats = Formats(settings: settings, clock: config.clock)
        passwordResets = PasswordResetStore(db: database, clock: config.clock)
        twoFactor = TwoFactorStore(db: database, clock: config.clock)
        resetThrottle = LoginThrottle(PasswordResetController.throttleLimits)
    }

    /// Account e-mails (reset links, invitations), sent at once when SMTP is configured.
    func accountMail(logger: Logger = Logger(label: "ethics.mail")) -> AccountMail {
        AccountMail(smtp: config.smtp, settings: settings, baseURL: config.baseURL, clock: config.clock, logger: logger)
    }
}

/// The middleware chain (outermost first) and the route table, feature by feature in the order they match.
func buildRouter(_ app: AppServices) async throws -> Router<AppRequestContext> {
    let config = app.config
    let renderer = Renderer(settings: app.settings, sessions: app.sessions, charter: app.charter,
                            notifications: app.notifications)
    let cookies = AppCookies(secure: config.secureCookies)
    let router = Router(context: AppRequestContext.self)

    addMiddleware(app, to: router, renderer: renderer, cookies: cookies)
    HomeController(home: HomeStore(db: app.database), settings: app.settings, renderer: renderer,
                   formats: app.formats).addRoutes(to: router)
    addAccountRoutes(app, to: router, renderer: renderer, cookies: cookies)
    addMemberRoutes(app, to: router, renderer: renderer)
    let caseBuilder = addCaseRoutes(app, to: router, renderer: renderer)
    addCharterRoutes(app, to: router, renderer: renderer)
    addMeetingRoutes(app, to: router, renderer: renderer, caseBuilder: caseBuilder)
    DeliverableController(deliverables: app.deliverables, users: app.users, cases: app.cases, meetings: app.meetings,
                          sessions: app.sessions, renderer: renderer, formats: app.formats).addRoutes(to: router)
    addSystemAndReportRoutes(app, to: router, renderer: renderer)
    NotificationController(notifications: app.notifications, sessions: app.sessions, renderer: renderer,
                           formats: app.formats).addRoutes(to: router)
    SearchController(search: SearchStore(db: app.database), renderer: renderer, formats: app.formats).addRoutes(to: router)
    addIncidentRoutes(app, to: router, renderer: renderer)
    return router
}

/// The middleware chain, outermost first.
private func addMiddleware(_ app: AppServices, to router: Router<AppRequestContext>, renderer: Renderer, cookies: AppCookies) {
    let config = app.config
    router.add(middleware: ClientAddressMiddleware(trustedProxies: config.trustedProxies))
    router.add(middleware: SecurityHeadersMiddleware())
    // Errors outside the session (static files, the session lookup itself) get the visitor's page…
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: StaticFilesMiddleware(folder: config.publicDirectory))
    router.add(middleware: SessionMiddleware(sessions: app.sessions, settings: app.settings, cookies: cookies, clock: config.clock,
                                                reauthenticationWindow: config.reauthenticationWindow))
    // …errors inside it keep the signed-in person's layout and language.
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: CSRFMiddleware(cookies: cookies, maxBodyBytes: config.maxBodyBytes,
                                         maxUploadBytes: config.maxAttachmentBytes + 64 * 1024))
}
