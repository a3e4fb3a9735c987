import Foundation
import Hummingbird

/// The admin's account pages: the list, one account, its role, deactivation.
struct UsersController {
    let users: UserStore
    let invitations: InvitationStore
    let sessions: SessionStore
    let resets: PasswordResetStore
    let twoFactor: TwoFactorStore
    let mail: AccountMail
    let renderer: Renderer
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.users), use: list)
        router.get(RouterPath(Paths.userPattern), use: show)
        router.post(RouterPath(Paths.userRolePattern), use: changeRole)
        router.get(RouterPath(Paths.userDeactivatePattern), use: confirmDeactivate)
        router.post(RouterPath(Paths.userDeactivatePattern), use: deactivate)
        router.post(RouterPath(Paths.userReactivatePattern), use: reactivate)
        router.post(RouterPath(Paths.userResetLinkPattern), use: createResetLink)
        router.get(RouterPath(Paths.userResetTwoFactorPattern), use: confirmResetTwoFactor)
        router.post(RouterPath(Paths.userResetTwoFactorPattern), use: resetTwoFactor)
    }

    struct Row: Sendable {
        let href: String
        let name: String
        let email: String
        let role: String
        let active: Bool
        let created: String
    }

    struct InvitationRow: Sendable {
        let href: String
        let email: String
        let role: String
        let expires: String
        let expired: Bool
    }

    struct ListPage: Sendable {
        let users: [Row]
        let invitations: [InvitationRow]
        let hasInvitations: Bool
        /// "… and N more" when more invitations are pending than shown.
        let invitationsMore: String?
        let newInvitation: String
        // The pager (`Templates/pager.mustache`).
        let pageNumber: Int
        let pageCount: Int
        let hasPages: Bool
        let previous: String?
        let next: String?
    }

    static let pageSize = 50

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let messages = Catalog.messages(context.language)
        let now = Timestamp.string(formats.clock.now)
        let shown = try await users.page(RequestNumber.page(request.uri.queryParameters["page"]), size: Self.pageSize)
        let rows = shown.rows.map { user in
            Row(href: Paths.user(user.id), name: user.name, email: user.email,
                role: messages[runtime: "role_\(user.role.rawValue)"] ?? "", active: user.active,
                created: formats.date(user.createdAt, context.language))
        }
        let open = try await invitations.open(roles: Role.allCases.filter { Policy.decide(context.actor, .viewInvitation($0)) == .allow },
                                              limit: Self.pageSize)
        let pending = open.rows.map { invitation in
            InvitationRow(href: Paths.invitation(invitation.id), email: invitation.email ?? "",
                          role: messages[runtime: "role_\(invitation.role.rawValue)"] ?? "",
                          expires: formats.dateTime(invitation.expiresAt, context.language),
                          expired: invitation.state(at: now) == .expired)
        }
        func link(_ number: Int) -> String { Paths.users + "?page=\(number)" }
        let more = open.total - open.rows.count
        let page = ListPage(users: rows, invitations: pending, hasInvitations: !pending.isEmpty,
                            invitationsMore: more > 0 ? messages.fill(.members_more, ["count": String(more)]) : nil,
                            newInvitation: Paths.newInvitation,
                            pageNumber: shown.number, pageCount: shown.pageCount, hasPages: shown.pageCount > 1,
                            previous: shown.hasPrevious ? link(shown.number - 1) : nil, next: shown.hasNext ? link(shown.number + 1) : nil)
        return try await renderer.page("admin/users", page, title: .users_title, context: context, path: Paths.users)
    }


    struct UserPage: Sendable {
        let name: String
        let email: String
        let role: String
        let active: Bool
        let isSelf: Bool
        let created: String
        let deactivated: String?
        let liveSessions: Int
        let roles: [Choice]
        let roleAction: String
        let deactivateAction: String
        let reactivateAction: String
        let canCreateResetLink: Bool
        let resetLinkAction: String
        let twoFactorOn: Bool
        let canResetTwoFactor: Bool
        let resetTwoFactorHref: String
        let mailConfigured: Bool
        var error: String?
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        return try await userPage(try target(context), context: context)
    }

    func changeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let user = try await target(context)
        guard let role = Role(rawValue: context.form["role"]) else {
            return try await userPage(user, context: context, error: "error_role_invalid")
        }
        // The admin cannot demote themself: the committee would be left without anyone to run it.
        if user.id == context.session?.user.id, role != .admin {
            return try await userPage(user, context: context, error: "error_self_demote")
        }
        try context.requireRecentVerification()
        try await users.changeRole(id: user.id, to: role, by: context.auditActor)
        return try await sessions.redirect(to: Paths.user(user.id), flash: .flash_role_changed, context)
    }

    /// Deactivation asks first (`Confirmation`): it ends every session of the account at once.
    func confirmDeactivate(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let user = try await target(context)
        guard user.active, user.id != context.session?.user.id else { return .redirect(to: Paths.user(user.id)) }
        return try await confirmation(user, context)
    }

    private func confirmation(_ user: User, _ context: AppRequestContext) async throws -> Response {
        try await Confirmation.page("deactivate", name: user.name, action: Paths.userDeactivate(user.id), back: Paths.user(user.id),
                                    backLabel: user.name, context: context, renderer: renderer)
    }

    func deactivate(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let user = try await target(context)
        if user.id == context.session?.user.id {
            return try await userPage(user, context: context, error: "error_self_deactivate")
        }
        guard Confirmation.given(context.form) else { return try await confirmation(user, context) }
        try await users.deactivate(id: user.id, by: context.auditActor)
        return try await sessions.redirect(to: Paths.user(user.id), flash: .flash_deactivated, context)
    }

    func reactivate(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let user = try await target(context)
        try await users.reactivate(id: user.id, by: context.auditActor)
        return try await sessions.redirect(to: Paths.user(user.id), flash: .flash_reactivated, context)
    }

    /// A reset link for someone who lost their password: shown once to the admin, e-mailed when SMTP is configured.
    func createResetLink(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.createResetLink)
        let user = try await target(context)
        guard user.active, let (_, token) = try await resets.create(email: user.email, by: context.auditActor, staff: true) else {
            return try await userPage(user, context: context, error: "error_reset_inactive")
        }
        let link = mail.link(Paths.reset(token))
        mail.send(to: user.email, language: user.language, .init(subjectKey: .mail_reset_subject, bodyKey: .mail_reset_body,
                                                                  values: ["name": user.name, "link": link]))
        return try await sessions.redirect(to: Paths.user(user.id), flash: .flash_reset_link, value: link, context)
    }

    /// Removing someone's second factor asks first, and wants the admin's own fresh code or password.
    func confirmResetTwoFactor(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.resetSecondFactor)
        let user = try await target(context)
        try context.requireRecentVerification()
        return try await Confirmation.page("reset_two_factor", name: user.name, action: Paths.userResetTwoFactor(user.id),
                                           back: Paths.user(user.id), backLabel: user.name, context: context, renderer: renderer)
    }

    func resetTwoFactor(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.resetSecondFactor)
        let user = try await target(context)
        try context.requireRecentVerification()
        guard Confirmation.given(context.form) else { return .redirect(to: Paths.userResetTwoFactor(user.id)) }
        try await twoFactor.reset(userId: user.id, by: context.auditActor)
        return try await sessions.redirect(to: Paths.user(user.id), flash: .flash_two_factor_reset, context)
    }

    private func target(_ context: AppRequestContext) async throws -> User {
        guard let id = context.parameters.get("id", as: Int64.self), let user = try await users.find(id: id) else {
            throw Refusal.notFound
        }
        return user
    }


    private func userPage(_ user: User, context: AppRequestContext, error: String? = nil) async throws -> Response {
        let messages = Catalog.messages(context.language)
        let page = UserPage(
            name: user.name, email: user.email, role: messages[runtime: "role_\(user.role.rawValue)"] ?? "",
            active: user.active, isSelf: user.id == context.session?.user.id,
            created: formats.dateTime(user.createdAt, context.language),
            deactivated: user.deactivatedAt.map { formats.dateTime($0, context.language) },
            liveSessions: try await sessions.count(userId: user.id),
            roles: Role.allCases.map { Choice(value: $0.rawValue, label: messages[runtime: "role_\($0.rawValue)"] ?? "", selected: $0 == user.role) },
            roleAction: Paths.userRole(user.id), deactivateAction: Paths.userDeactivate(user.id),
            reactivateAction: Paths.userReactivate(user.id),
            canCreateResetLink: user.active && Policy.decide(context.actor, .createResetLink) == .allow,
            resetLinkAction: Paths.userResetLink(user.id),
            twoFactorOn: try await twoFactor.isEnabled(userId: user.id),
            canResetTwoFactor: Policy.decide(context.actor, .resetSecondFactor) == .allow && user.id != context.session?.user.id,
            resetTwoFactorHref: Paths.userResetTwoFactor(user.id), mailConfigured: mail.configured,
            error: error.flatMap { messages[runtime: $0] })
        return try await renderer.page("admin/user", page, titleText: user.name, context: context, path: Paths.user(user.id),
                                 status: error == nil ? .ok : .unprocessableContent)
    }
}
