import Foundation
import Hummingbird

/// Sign-in and sign-out.
struct LoginController {
    let users: UserStore
    let sessions: SessionStore
    let passwords: PasswordHasher
    let throttle: LoginThrottle
    let twoFactor: TwoFactorStore
    let settings: SettingsCache
    let renderer: Renderer
    let cookies: AppCookies
    let clock: AppClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.login), use: show)
        router.post(RouterPath(Paths.login), use: signIn)
        router.post(RouterPath(Paths.logout), use: signOut)
    }

    struct Page: Sendable {
        var email = ""
        var next = ""
        var error: String?
        /// After a password reset: the new password works now.
        var notice: String?
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = SafeRedirect.relative(request.uri.queryParameters["next"].map(String.init)) ?? ""
        if context.session != nil { return .redirect(to: next.isEmpty ? Paths.home : next) }
        let notice = request.uri.queryParameters["reset"] == "done" ? Catalog.messages(context.language)[.reset_done] : nil
        return try await renderer.page("accounts/login", Page(next: next, notice: notice), title: .login_title, context: context, path: Paths.login)
    }

    func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let email = context.form["email"], password = context.form.raw("password")
        let next = SafeRedirect.relative(context.form["next"]) ?? Paths.home
        let now = clock.now
        func refuse(_ key: String, _ status: HTTPResponse.Status) async throws -> Response {
            let page = Page(email: email, next: next, error: Catalog.messages(context.language)[runtime: key])
            return try await renderer.page("accounts/login", page, title: .login_title, context: context, path: Paths.login, status: status)
        }

        guard try await throttle.admit(account: email, client: context.client, now: now) else {
            try await users.recordFailedSignIn(email: email, userId: nil, reason: "throttled", client: context.client)
            return try await refuse("login_throttled", .tooManyRequests)
        }
        let found = try await users.credentials(email: email)
        // Always run bcrypt, so an unknown e-mail takes as long as a wrong password.
        let matches = try await passwords.verify(password, hash: found?.1 ?? passwords.decoy)
        guard let (user, _) = found, matches, user.active else {
            throttle.recordFailure(account: email, client: context.client, now: now)
            let reason = found == nil ? "unknown_email" : (matches ? "inactive" : "wrong_password")
            try await users.recordFailedSignIn(email: email, userId: found?.0.id, reason: reason, client: context.client)
            return try await refuse("login_failed", .unprocessableContent)
        }
        throttle.recordSuccess(account: email, client: context.client)
        // A fresh id whatever the browser sent: a planted cookie never becomes the signed-in session.
        let previous = request.cookies[AppCookies.session].map { Tokens.sha256Hex($0.value) }
        // Two-factor: the code comes next; or, where it is required and not set up yet, setting it up does.
        let stage: Session.Stage = try await twoFactor.isEnabled(userId: user.id) ? .secondFactor
            : settings.current.twoFactorRequired.applies(to: user.role) ? .enrol : .full
        let cookieValue = try await sessions.start(user: user, replacing: previous, client: context.client, stage: stage)
        let target = switch stage {
        case .full: next
        case .secondFactor: next == Paths.home ? Paths.secondFactor : Paths.secondFactor + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        case .enrol: Paths.twoFactor
        }
        var response = Response.redirect(to: target)
        response.setCookie(cookies.make(AppCookies.session, cookieValue))
        return response
    }

    func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let session = context.session ?? context.pendingSession { try await sessions.signOut(session, client: context.client) }
        var response = Response.redirect(to: Paths.login)
        response.setCookie(cookies.expired(AppCookies.session))
        return response
    }
}
