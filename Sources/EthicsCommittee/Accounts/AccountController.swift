import Foundation
import Hummingbird

/// What anyone does to their own account: change the password, choose the interface language.
struct AccountController {
    let users: UserStore
    let sessions: SessionStore
    let passwords: PasswordHasher
    let throttle: LoginThrottle
    let clock: AppClock
    let renderer: Renderer
    let cookies: AppCookies
    let notifications: NotificationStore
    let smtpConfigured: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.password), use: showPassword)
        router.post(RouterPath(Paths.password), use: changePassword)
        router.post(RouterPath(Paths.language), use: changeLanguage)
    }

    struct PasswordPage: Sendable {
        var errors: [String: String] = [:]
        /// The notification e-mail choice, in its own form below.
        var email: NotificationPages.EmailChoice?
    }

    private func emailChoice(_ session: Session) async throws -> NotificationPages.EmailChoice {
        .init(on: try await notifications.wantsEmail(userId: session.user.id), smtpConfigured: smtpConfigured)
    }

    func showPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        return try await renderer.page("accounts/password", PasswordPage(email: try await emailChoice(session)), title: .password_title, context: context, path: Paths.password)
    }

    func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        let current = context.form.raw("current_password"), new = context.form.raw("new_password")
        var errors = FieldErrors()
        // A stolen session must not become a way to guess the password: the sign-in throttle applies here too.
        let account = session.user.email, now = clock.now
        var status = HTTPResponse.Status.unprocessableContent
        if try await !throttle.admit(account: account, client: context.client, now: now) {
            errors.add("current_password", .login_throttled)
            status = .tooManyRequests
        } else {
            let hash = try await users.passwordHash(id: session.user.id) ?? ""
            if try await passwords.verify(current, hash: hash) {
                throttle.recordSuccess(account: account, client: context.client)
            } else {
                throttle.recordFailure(account: account, client: context.client, now: now)
                errors.add("current_password", .error_current_password)
            }
        }
        if let problem = PasswordProblem.check(new, confirmation: context.form.raw("new_password_confirmation"),
                                               email: session.user.email, name: session.user.name) {
            errors.add("new_password", runtime: problem.rawValue)
        }
        guard errors.isEmpty else {
            return try await renderer.page("accounts/password", PasswordPage(errors: errors.messages(context.language),
                                                                             email: try await emailChoice(session)),
                                     title: .password_title, context: context, path: Paths.password, status: status)
        }
        try await users.changePassword(id: session.user.id, hash: try await passwords.hash(new), keepingSession: session.idHash,
                                 by: context.auditActor)
        return try await sessions.redirect(to: Paths.home, flash: .flash_password_changed, context)
    }

    /// Signed in, the choice is saved on the profile; signed out, in a cookie.
    func changeLanguage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let language = Language(rawValue: context.form["language"]) else { throw AppError.badRequest }
        let back = SafeRedirect.relative(context.form["next"]) ?? Paths.home
        var response = Response.redirect(to: back)
        if let session = context.session {
            try await users.setLanguage(id: session.user.id, to: language, by: context.auditActor)
        }
        response.setCookie(cookies.make(AppCookies.language, language.rawValue, maxAge: 365 * 86400))
        return response
    }
}
