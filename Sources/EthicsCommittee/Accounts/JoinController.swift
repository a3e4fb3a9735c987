import Foundation
import Hummingbird

/// One-time links: the first admin's setup and invitations. The person sets a password, the
/// account is created and signed in, and the link is spent.
struct JoinController {
    let invitations: InvitationStore
    let users: UserStore
    let sessions: SessionStore
    let passwords: PasswordHasher
    let settings: SettingsCache
    let renderer: Renderer
    let cookies: AppCookies
    let clock: AppClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.joinPattern), use: show)
        router.post(RouterPath(Paths.joinPattern), use: join)
    }

    struct Page: Sendable {
        let action: String
        let isSetup: Bool
        let role: String
        let message: String
        let emailFixed: Bool
        var email: String
        var name: String
        var errors: [String: String] = [:]
    }

    struct Unusable: Sendable {}

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let invitation = try await usable(token) else { return try await unusable(context, request) }
        return try await render(page(invitation, token: token, context: context), context: context, request: request)
    }

    func join(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let invitation = try await usable(token) else { return try await unusable(context, request) }
        var page = page(invitation, token: token, context: context)
        if !page.emailFixed { page.email = context.form["email"] }
        page.name = context.form["name"]
        let password = context.form.raw("password")

        var errors = FieldErrors()
        if let problem = Validate.email(page.email) { errors.add("email", problem) }
        if let problem = Validate.text(page.name, max: 200) { errors.add("name", problem) }
        if let problem = PasswordProblem.check(password, confirmation: context.form.raw("password_confirmation"),
                                               email: page.email, name: page.name) {
            errors.add("password", runtime: problem.rawValue)
        }
        if errors.isEmpty, !page.emailFixed, try await users.emailTaken(page.email) { errors.add("email", .error_email_taken) }
        guard errors.isEmpty else {
            page.errors = errors.messages(context.language)
            return try await render(page, context: context, request: request, status: .unprocessableContent)
        }

        let hash = try await passwords.hash(password)
        let user: User
        do {
            user = try await invitations.accept(token: token, email: page.email, name: page.name, passwordHash: hash,
                                          client: context.client)
        } catch InvitationError.emailTaken {
            errors.add("email", .error_email_taken)
            page.errors = errors.messages(context.language)
            return try await render(page, context: context, request: request, status: .unprocessableContent)
        } catch InvitationError.unusable {
            return try await unusable(context, request)
        }
        let previous = request.cookies[AppCookies.session].map { Tokens.sha256Hex($0.value) }
        // Where two-factor is required for this role, setting it up comes first (then onboarding, for a seat).
        let enrol = settings.current.twoFactorRequired.applies(to: user.role)
        let cookieValue = try await sessions.start(user: user, replacing: previous, client: context.client, stage: enrol ? .enrol : .full)
        try await sessions.setFlash(Flash.encode(.flash_welcome), idHash: Tokens.sha256Hex(cookieValue))
        var response = Response.redirect(to: enrol ? Paths.twoFactor : Paths.home)
        response.setCookie(cookies.make(AppCookies.session, cookieValue))
        return response
    }

    private func usable(_ token: String) async throws -> Invitation? {
        guard let invitation = try await invitations.find(token: token),
              invitation.state(at: Timestamp.string(clock.now)) == .pending
        else { return nil }
        if invitation.purpose == .setup, try await users.hasActiveAdmin() { return nil }
        return invitation
    }

    private func page(_ invitation: Invitation, token: String, context: AppRequestContext) -> Page {
        let messages = Catalog.messages(context.language)
        return Page(action: Paths.join(token), isSetup: invitation.purpose == .setup,
                    role: messages[runtime: "role_\(invitation.role.rawValue)"] ?? "", message: invitation.message,
                    emailFixed: invitation.email != nil, email: invitation.email ?? "", name: invitation.name ?? "")
    }

    private func render(_ page: Page, context: AppRequestContext, request: Request,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        try await renderer.page("accounts/join", page, title: page.isSetup ? .setup_title : .join_title,
                          context: context, path: request.uri.path, status: status)
    }

    /// Used, revoked, expired or unknown links all get the same clear page.
    private func unusable(_ context: AppRequestContext, _ request: Request) async throws -> Response {
        try await renderer.page("accounts/join_unusable", Unusable(), title: .join_unusable_title, context: context,
                          path: request.uri.path, status: .gone)
    }
}
