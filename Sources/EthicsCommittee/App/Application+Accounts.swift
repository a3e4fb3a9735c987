import Hummingbird

/// Signing in and out, password resets, two-factor, invitations and accounts; the admin's audit trail, settings and
/// AI Act dates.
func addAccountRoutes(_ app: AppServices, to router: Router<AppRequestContext>, renderer: Renderer, cookies: AppCookies) {
    let config = app.config
    LoginController(users: app.users, sessions: app.sessions, passwords: app.passwords, throttle: app.throttle,
                    twoFactor: app.twoFactor, settings: app.settings, renderer: renderer, cookies: cookies, clock: config.clock)
        .addRoutes(to: router)
    let mail = app.accountMail()
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
}

/// The members' directory, their profiles and onboarding.
func addMemberRoutes(_ app: AppServices, to router: Router<AppRequestContext>, renderer: Renderer) {
    let memberPages = MembersController(members: app.members, invitations: app.invitations, settings: app.settings,
                                        renderer: renderer, formats: app.formats)
    memberPages.addRoutes(to: router)
    MemberEditController(members: app.members, sessions: app.sessions, settings: app.settings, renderer: renderer,
                         pages: memberPages).addRoutes(to: router)
    OnboardingController(members: app.members, sessions: app.sessions, settings: app.settings, renderer: renderer,
                         pages: memberPages).addRoutes(to: router)
}
