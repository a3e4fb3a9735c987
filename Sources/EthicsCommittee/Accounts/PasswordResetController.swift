import Foundation
import Hummingbird

/// "Forgot your password?": the person asks for a link by e-mail, then sets a new password through it.
/// The answer to a request is the same page, at once, whether or not the address has an account: the lookup
/// and the mail happen after the answer, so neither the text nor the timing tells.
struct PasswordResetController {
    let resets: PasswordResetStore
    let passwords: PasswordHasher
    /// Counts requests (not failures) per address and client: a stranger cannot flood someone's mailbox.
    let throttle: LoginThrottle
    let mail: AccountMail
    let renderer: Renderer
    let cookies: AppCookies
    let clock: AppClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.forgotPassword), use: showRequest)
        router.post(RouterPath(Paths.forgotPassword), use: request)
        router.get(RouterPath(Paths.resetPattern), use: showReset)
        router.post(RouterPath(Paths.resetPattern), use: reset)
    }

    /// Requests: 3 per address and 10 per client in 15 minutes.
    static var throttleLimits: LoginThrottle.Limits {
        var limits = LoginThrottle.Limits()
        limits.maxPerPair = 3
        limits.maxPerClient = 10
        limits.slowAccountAfter = 3
        return limits
    }

    struct RequestPage: Sendable {
        var email = ""
        var sent = false
        var errors: [String: String] = [:]
        let action = Paths.forgotPassword + "#reset-form"
    }

    func showRequest(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderer.page("accounts/forgot", RequestPage(), title: .forgot_title, context: context, path: Paths.forgotPassword)
    }

    func request(_ request: Request, context: AppRequestContext) async throws -> Response {
        var page = RequestPage(email: context.form["email"])
        var errors = FieldErrors()
        if let problem = Validate.email(page.email) { errors.add("email", problem) }
        let now = clock.now
        var status = HTTPResponse.Status.unprocessableContent
        if errors.isEmpty, case .refuse = throttle.check(account: page.email, client: context.client, now: now) {
            errors.add("email", .forgot_throttled)
            status = .tooManyRequests
        }
        guard errors.isEmpty else {
            page.errors = errors.messages(context.language)
            return try await renderer.page("accounts/forgot", page, title: .forgot_title, context: context,
                                           path: Paths.forgotPassword, status: status)
        }
        throttle.recordFailure(account: page.email, client: context.client, now: now)
        let email = page.email, actor = AuditActor(id: nil, label: String(email.prefix(254)), client: context.client)
        let resets = self.resets, mail = self.mail, logger = context.logger
        Task.detached {
            do {
                guard let (user, token) = try await resets.create(email: email, by: actor, staff: false) else { return }
                mail.send(to: user.email, language: user.language, .init(
                    subjectKey: .mail_reset_subject, bodyKey: .mail_reset_body,
                    values: ["name": user.name, "link": mail.link(Paths.reset(token))]))
            } catch {
                logger.error("reset request failed", metadata: ["error": "\(error)"])
            }
        }
        page.sent = true
        return try await renderer.page("accounts/forgot", page, title: .forgot_title, context: context, path: Paths.forgotPassword)
    }

    struct ResetPage: Sendable {
        let action: String
        let email: String
        var errors: [String: String] = [:]
    }

    struct Unusable: Sendable {
        let used: Bool
        let forgot = Paths.forgotPassword
    }

    func showReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard case .usable(let user) = try await resets.state(token: token) else {
            return try await unusable(token, context, request)
        }
        return try await renderer.page("accounts/reset", ResetPage(action: Paths.reset(token), email: user.email),
                                       title: .reset_title, context: context, path: request.uri.path)
    }

    func reset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard case .usable(let user) = try await resets.state(token: token) else {
            return try await unusable(token, context, request)
        }
        let password = context.form.raw("password")
        if let problem = PasswordProblem.check(password, confirmation: context.form.raw("password_confirmation"),
                                               email: user.email, name: user.name) {
            var page = ResetPage(action: Paths.reset(token), email: user.email)
            var errors = FieldErrors()
            errors.add("password", runtime: problem.rawValue)
            page.errors = errors.messages(context.language)
            return try await renderer.page("accounts/reset", page, title: .reset_title, context: context,
                                           path: request.uri.path, status: .unprocessableContent)
        }
        do {
            _ = try await resets.use(token: token, passwordHash: try await passwords.hash(password), client: context.client)
        } catch PasswordResetError.unusable {
            return try await unusable(token, context, request)
        }
        var response = Response.redirect(to: Paths.login + "?reset=done")
        // The person's sessions ended, this browser's too.
        response.setCookie(cookies.expired(AppCookies.session))
        return response
    }

    /// A used, replaced, expired or unknown link: one clear page, with the way to ask for a new one.
    private func unusable(_ token: String, _ context: AppRequestContext, _ request: Request) async throws -> Response {
        let used = try await resets.state(token: token) == .used
        return try await renderer.page("accounts/reset_unusable", Unusable(used: used), title: .reset_unusable_title,
                                       context: context, path: request.uri.path, status: .gone)
    }
}
