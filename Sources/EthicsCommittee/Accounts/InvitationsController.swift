import Foundation
import Hummingbird

/// The admin or the secretary prepares an account for someone: a one-time link with an expiry,
/// shown once to be sent; it can be revoked and re-sent (a new link, the old one revoked).
struct InvitationsController {
    let invitations: InvitationStore
    let users: UserStore
    let sessions: SessionStore
    let mail: AccountMail
    let renderer: Renderer
    let formats: Formats
    let baseURL: String

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.newInvitation), use: new)
        router.post(RouterPath(Paths.invitations), use: create)
        router.get(RouterPath(Paths.invitationPattern), use: show)
        router.post(RouterPath(Paths.invitationRevokePattern), use: revoke)
        router.post(RouterPath(Paths.invitationResendPattern), use: resend)
    }


    struct FormPage: Sendable {
        var email = ""
        var name = ""
        var role = Role.expert.rawValue
        var message = ""
        var days = "7"
        var language = ""
        var roles: [Choice] = []
        var languages: [Choice] = []
        var mailConfigured = false
        var errors: [String: String] = [:]
        /// The pending invitation to the same address, whose page offers to re-send it.
        var pendingHref: String?
        let action = Paths.invitations
    }

    func new(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageInvitations)
        return try await form(FormPage(), context: context)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageInvitations)
        let fields = context.form
        var page = FormPage(email: fields["email"], name: fields["name"], role: fields["role"],
                            message: fields.raw("message").trimmingCharacters(in: .whitespacesAndNewlines), days: fields["days"],
                            language: fields["language"])
        let language = Language(rawValue: page.language)
        var errors = FieldErrors()
        if let problem = Validate.email(page.email) { errors.add("email", problem) }
        if let problem = Validate.text(page.name, max: 200) { errors.add("name", problem) }
        if let problem = Validate.text(page.message, max: 2000, required: false) { errors.add("message", problem) }
        let role = Role(rawValue: page.role).flatMap { Policy.decide(context.actor, .invite($0)) == .allow ? $0 : nil }
        if role == nil { errors.add("role", .error_role_invalid) }
        let days = Int(page.days) ?? 0
        if !(1...30).contains(days) { errors.add("days", .error_days_range) }
        // A deactivated account may be invited again: accepting reactivates it, its history kept.
        if errors.isEmpty, let existing = try await users.find(email: page.email), existing.active { errors.add("email", .error_email_taken) }
        // A second link to the same person would dead-end one of them: re-send the pending one instead.
        if errors.isEmpty, let existing = try await invitations.pending(email: page.email) {
            errors.add("email", .error_invitation_pending)
            if Policy.decide(context.actor, .viewInvitation(existing.role)) == .allow { page.pendingHref = Paths.invitation(existing.id) }
        }
        guard errors.isEmpty, let role else {
            page.errors = errors.messages(context.language)
            return try await form(page, context: context, status: .unprocessableContent)
        }
        let (invitation, token) = try await invitations.invite(email: page.email, name: page.name, role: role,
                                                         message: page.message, days: days, by: context.auditActor)
        send(invitation, token: token, language: language, inviter: context.session?.user.name ?? "")
        return try await showLinkOnce(token, invitation, context)
    }

    /// E-mails the link (when SMTP is configured) in the invitee's language.
    private func send(_ invitation: Invitation, token: String, language: Language?, inviter: String) {
        guard let email = invitation.email else { return }
        let messages = Catalog.messages(language ?? mail.settings.current.defaultLanguage)
        mail.send(to: email, language: language, .init(
            subjectKey: .mail_invitation_subject, bodyKey: .mail_invitation_body,
            values: ["name": invitation.name ?? "", "link": mail.link(Paths.join(token)), "inviter": inviter,
                     "role": messages[runtime: "role_\(invitation.role.rawValue)"] ?? "", "message": invitation.message]))
    }

    /// The link exists only now: it goes to its creator once, through the session's flash.
    private func showLinkOnce(_ token: String, _ invitation: Invitation, _ context: AppRequestContext) async throws -> Response {
        try await sessions.redirect(to: Paths.invitation(invitation.id), flash: .flash_invitation_link, value: baseURL + Paths.join(token), context)
    }

    /// Re-sending makes a new link with the same details and revokes the old one.
    func resend(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageInvitations)
        let old = try await target(context)
        try context.require(.viewInvitation(old.role))
        try context.require(.invite(old.role))
        guard let email = old.email, old.usedAt == nil else { throw Refusal.notFound }
        if old.revokedAt == nil { try await invitations.revoke(id: old.id, by: context.auditActor) }
        let (invitation, token) = try await invitations.invite(email: email, name: old.name ?? "", role: old.role,
                                                               message: old.message, days: 7, by: context.auditActor)
        send(invitation, token: token, language: try await users.find(email: email)?.language, inviter: context.session?.user.name ?? "")
        return try await showLinkOnce(token, invitation, context)
    }

    struct ShowPage: Sendable {
        let email: String
        let name: String
        let role: String
        let message: String
        let created: String
        let expires: String
        let state: String
        let pending: Bool
        let revokeAction: String
        let resendAction: String
        let canResend: Bool
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageInvitations)
        let invitation = try await target(context)
        try context.require(.viewInvitation(invitation.role))
        let messages = Catalog.messages(context.language)
        let state = invitation.state(at: Timestamp.string(formats.clock.now))
        let page = ShowPage(email: invitation.email ?? "", name: invitation.name ?? "",
                            role: messages[runtime: "role_\(invitation.role.rawValue)"] ?? "", message: invitation.message,
                            created: formats.dateTime(invitation.createdAt, context.language),
                            expires: formats.dateTime(invitation.expiresAt, context.language),
                            state: messages[runtime: "invitation_state_\(state.rawValue)"] ?? "", pending: state == .pending,
                            revokeAction: Paths.invitationRevoke(invitation.id),
                            resendAction: Paths.invitationResend(invitation.id), canResend: state != .used)
        return try await renderer.page("admin/invitation", page, title: .invitation_title, context: context,
                                 path: Paths.invitation(invitation.id))
    }

    func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageInvitations)
        let invitation = try await target(context)
        try context.require(.revokeInvitation(invitation.role))
        try await invitations.revoke(id: invitation.id, by: context.auditActor)
        return try await sessions.redirect(to: Policy.decide(context.actor, .manageAccounts) == .allow ? Paths.users : Paths.members, flash: .flash_invitation_revoked, context)
    }

    private func target(_ context: AppRequestContext) async throws -> Invitation {
        guard let id = context.parameters.get("id", as: Int64.self), let invitation = try await invitations.find(id: id),
              invitation.purpose == .invite
        else { throw Refusal.notFound }
        return invitation
    }

    private func form(_ page: FormPage, context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        var page = page
        let messages = Catalog.messages(context.language)
        if page.language.isEmpty { page.language = mail.settings.current.defaultLanguage.rawValue }
        page.languages = Language.allCases.map {
            Choice(value: $0.rawValue, label: messages[runtime: "language_\($0.rawValue)"] ?? "", selected: $0.rawValue == page.language)
        }
        page.mailConfigured = mail.configured
        page.roles = Role.allCases.filter { Policy.decide(context.actor, .invite($0)) == .allow }.map {
            Choice(value: $0.rawValue, label: messages[runtime: "role_\($0.rawValue)"] ?? "", selected: $0.rawValue == page.role)
        }
        return try await renderer.page("admin/invite", page, title: .invite_title, context: context, path: Paths.newInvitation, status: status)
    }
}
