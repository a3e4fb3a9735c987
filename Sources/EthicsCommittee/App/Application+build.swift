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

/// The middleware chain (outermost first) and the route table.
func buildRouter(_ app: AppServices) async throws -> Router<AppRequestContext> {
    let config = app.config
    let renderer = Renderer(settings: app.settings, sessions: app.sessions, charter: app.charter,
                            notifications: app.notifications)
    let cookies = AppCookies(secure: config.secureCookies)
    let router = Router(context: AppRequestContext.self)

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

    HomeController(home: HomeStore(db: app.database), systems: app.systems, settings: app.settings, renderer: renderer,
                   formats: app.formats).addRoutes(to: router)
    LoginController(users: app.users, sessions: app.sessions, passwords: app.passwords, throttle: app.throttle,
                    twoFactor: app.twoFactor, settings: app.settings, renderer: renderer, cookies: cookies, clock: config.clock)
        .addRoutes(to: router)
    let mail = app.accountMail()
    let reauthenticator = Reauthenticator(twoFactor: app.twoFactor, users: app.users, sessions: app.sessions, passwords: app.passwords,
                                          throttle: app.throttle, clock: config.clock)
    PasswordResetController(resets: app.passwordResets, passwords: app.passwords, throttle: app.resetThrottle, mail: mail,
                            renderer: renderer, cookies: cookies, clock: config.clock).addRoutes(to: router)
    TwoFactorController(twoFactor: app.twoFactor, sessions: app.sessions, users: app.users, passwords: app.passwords,
                        throttle: app.throttle, settings: app.settings, renderer: renderer, clock: config.clock).addRoutes(to: router)
    JoinController(invitations: app.invitations, users: app.users, sessions: app.sessions, passwords: app.passwords,
                   settings: app.settings, renderer: renderer, cookies: cookies, clock: config.clock).addRoutes(to: router)
    AccountController(users: app.users, sessions: app.sessions, passwords: app.passwords, throttle: app.throttle,
                      clock: config.clock, renderer: renderer,
                      cookies: cookies, notifications: app.notifications, smtpConfigured: config.smtp != nil).addRoutes(to: router)
    UsersController(users: app.users, invitations: app.invitations, sessions: app.sessions, resets: app.passwordResets,
                    twoFactor: app.twoFactor, mail: mail, renderer: renderer, formats: app.formats).addRoutes(to: router)
    InvitationsController(invitations: app.invitations, users: app.users, sessions: app.sessions, mail: mail, renderer: renderer,
                          formats: app.formats, baseURL: config.baseURL).addRoutes(to: router)
    AuditController(audit: app.audit, users: app.users, sessions: app.sessions, renderer: renderer, formats: app.formats)
        .addRoutes(to: router)
    SettingsController(settings: app.settings, sessions: app.sessions, renderer: renderer).addRoutes(to: router)
    AIActDatesController(dates: AIActDateStore(db: app.database, clock: config.clock), sessions: app.sessions, renderer: renderer,
                         formats: app.formats).addRoutes(to: router)
    let memberPages = MembersController(members: app.members, invitations: app.invitations, settings: app.settings,
                                        renderer: renderer, formats: app.formats)
    memberPages.addRoutes(to: router)
    MemberEditController(members: app.members, sessions: app.sessions, settings: app.settings, renderer: renderer,
                         pages: memberPages).addRoutes(to: router)
    OnboardingController(members: app.members, sessions: app.sessions, settings: app.settings, renderer: renderer,
                         pages: memberPages).addRoutes(to: router)
    let caseBuilder = CaseShowBuilder(cases: app.cases, reviews: app.caseReviews, decisions: app.caseDecisions,
                                      attachments: app.caseAttachments, users: app.users, written: app.written, formats: app.formats)
    CaseAttachmentController(cases: app.cases, attachments: app.caseAttachments, sessions: app.sessions, renderer: renderer,
                             builder: caseBuilder, maxBytes: config.maxAttachmentBytes).addRoutes(to: router)
    CaseListController(cases: app.cases, renderer: renderer, formats: app.formats).addRoutes(to: router)
    CaseFormController(cases: app.cases, users: app.users, sessions: app.sessions, renderer: renderer).addRoutes(to: router)
    CaseController(cases: app.cases, sessions: app.sessions, renderer: renderer, builder: caseBuilder, viewLog: app.viewLog).addRoutes(to: router)
    AIActReclassifyController(cases: app.cases, store: AIActReclassifyStore(db: app.database, clock: config.clock), sessions: app.sessions,
                              renderer: renderer).addRoutes(to: router)
    FRIAController(cases: app.cases, store: FRIAStore(db: app.database, clock: config.clock), sessions: app.sessions, renderer: renderer,
                   viewLog: app.viewLog, settings: app.settings, formats: app.formats).addRoutes(to: router)
    OpinionLetterController(cases: app.cases, decisions: app.caseDecisions, renderer: renderer, settings: app.settings,
                            formats: app.formats).addRoutes(to: router)
    CaseWorkController(cases: app.cases, reviews: app.caseReviews, decisions: app.caseDecisions, users: app.users,
                       charter: app.charter, sessions: app.sessions, renderer: renderer, builder: caseBuilder, formats: app.formats).addRoutes(to: router)
    WrittenCaseController(cases: app.cases, reviews: app.caseReviews, users: app.users, store: app.written, sessions: app.sessions,
                          renderer: renderer, builder: caseBuilder, formats: app.formats).addRoutes(to: router)
    WrittenProcedureController(store: app.written, cases: app.cases, deliverables: app.deliverables, settings: app.settings,
                               sessions: app.sessions, renderer: renderer, formats: app.formats, viewLog: app.viewLog).addRoutes(to: router)
    CharterController(charter: app.charter, settings: app.settings, sessions: app.sessions, renderer: renderer,
                      formats: app.formats).addRoutes(to: router)
    CharterDraftController(charter: app.charter, settings: app.settings, sessions: app.sessions, renderer: renderer,
                           formats: app.formats, reauthenticator: reauthenticator).addRoutes(to: router)
    let meetingViews = MeetingViews(meetings: app.meetings, agenda: app.agenda, minutes: app.minutes, settings: app.settings,
                                    formats: app.formats)
    let meetingBuilder = MeetingShowBuilder(meetings: app.meetings, agenda: app.agenda, minutes: app.minutes, users: app.users,
                                            renderer: renderer, views: meetingViews)
    let meetingPlanning = MeetingController(meetings: app.meetings, agenda: app.agenda, sessions: app.sessions, renderer: renderer,
                                            views: meetingViews, builder: meetingBuilder)
    meetingPlanning.addRoutes(to: router)
    MeetingLifecycleController(meetings: app.meetings, sessions: app.sessions, renderer: renderer, views: meetingViews,
                               builder: meetingBuilder, planning: meetingPlanning).addRoutes(to: router)
    AgendaController(agenda: app.agenda, meetings: app.meetings, users: app.users, sessions: app.sessions, views: meetingViews,
                     builder: meetingBuilder).addRoutes(to: router)
    BallotController(ballots: app.agenda.ballots, users: app.users, sessions: app.sessions, views: meetingViews,
                     builder: meetingBuilder).addRoutes(to: router)
    MinutesController(minutes: app.minutes, meetings: app.meetings, sessions: app.sessions, renderer: renderer, viewLog: app.viewLog,
                      views: meetingViews).addRoutes(to: router)
    MeetingPackController(views: meetingViews, builder: MeetingPackBuilder(views: meetingViews, cases: app.cases, caseBuilder: caseBuilder),
                          renderer: renderer, viewLog: app.viewLog).addRoutes(to: router)
    DeliverableController(deliverables: app.deliverables, users: app.users, cases: app.cases, meetings: app.meetings,
                          sessions: app.sessions, renderer: renderer, formats: app.formats).addRoutes(to: router)
    let reports = ReportStore(db: app.database)
    let systemBuilder = SystemShowBuilder(systems: app.systems, formats: app.formats)
    let systemPages = SystemController(systems: app.systems, cases: app.cases, users: app.users, sessions: app.sessions, settings: app.settings,
                                       renderer: renderer, formats: app.formats, builder: systemBuilder,
                                       incidentSection: IncidentSection(incidents: app.incidents, formats: app.formats))
    // The export first: `/systems/export.csv` is not a system id.
    SystemExportController(systems: app.systems, formats: app.formats).addRoutes(to: router)
    systemPages.addRoutes(to: router)
    SystemActionController(systems: app.systems, renderer: renderer, formats: app.formats, settings: app.settings, builder: systemBuilder,
                           register: systemPages).addRoutes(to: router)
    ReportController(reports: reports, systems: app.systems, settings: app.settings, renderer: renderer, formats: app.formats, clock: config.clock).addRoutes(to: router)
    CaseExportController(reports: reports, formats: app.formats, clock: config.clock).addRoutes(to: router)
    NotificationController(notifications: app.notifications, sessions: app.sessions, renderer: renderer,
                           formats: app.formats).addRoutes(to: router)
    SearchController(search: SearchStore(db: app.database), renderer: renderer, formats: app.formats).addRoutes(to: router)
    addIncidentRoutes(app, to: router, renderer: renderer)
    return router
}
