import Foundation
import Hummingbird

/// Each person's own notifications: the list, opening one (marks it read), marking all read, and the
/// e-mail choice saved from the account page. Only one's own: every route asks `.useApp`, and each
/// notification is checked against its record's policy (`Notifier.mayOpen`).
struct NotificationController {
    let notifications: NotificationStore
    let sessions: SessionStore
    let renderer: Renderer
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.notifications), use: list)
        router.post(RouterPath(Paths.notificationsReadAll), use: readAll)
        router.post(RouterPath(Paths.notificationOpenPattern), use: open)
        router.post(RouterPath(Paths.notificationEmail), use: setEmail)
    }

    static let pageSize = 50

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSession()
        guard let actor = context.actor else { throw Refusal.notFound }
        let language = context.language, messages = Catalog.messages(language)
        let (shown, unread) = try await notifications.list(for: actor, page: RequestNumber.page(request.uri.queryParameters["page"]),
                                                           size: Self.pageSize)
        let rows = shown.rows.map { item in
            NotificationPages.Row(text: NotificationText.render(item, messages: messages, formats: formats, language: language),
                                  when: formats.dateTime(item.createdAt, language), unread: item.readAt == nil,
                                  openAction: Paths.notificationOpen(item.id), packHref: item.packPath)
        }
        func link(_ number: Int) -> String { Paths.notifications + "?page=\(number)" }
        let page = NotificationPages.List(rows: rows, hasRows: !rows.isEmpty, hasUnread: unread > 0,
                                          count: NotificationBadge(count: unread, language: language).unreadLabel,
                                          pageNumber: shown.number, pageCount: shown.pageCount, hasPages: shown.pageCount > 1,
                                          previous: shown.hasPrevious ? link(shown.number - 1) : nil,
                                          next: shown.hasNext ? link(shown.number + 1) : nil)
        return try await renderer.page("notifications/index", page, title: .notifications_title, context: context,
                                       path: Paths.notifications)
    }

    /// Marks the notification read and goes to its record; someone else's answers 404.
    func open(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        guard let id = context.parameters.get("id", as: Int64.self),
              let found = try await notifications.open(id: id, userId: session.user.id, by: context.auditActor)
        else { throw Refusal.notFound }
        return .redirect(to: found.path)
    }

    func readAll(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        try await notifications.markAllRead(userId: session.user.id, by: context.auditActor)
        return try await sessions.redirect(to: Paths.notifications, flash: .flash_notifications_read, context)
    }

    /// The account page's e-mail choice: "on" or "off"; anything else is a forged form.
    func setEmail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        let on: Bool
        switch context.form["email"] {
        case "on": on = true
        case "off": on = false
        default: throw AppError.badRequest
        }
        try await notifications.setEmail(on, userId: session.user.id, by: context.auditActor)
        return try await sessions.redirect(to: Paths.password, flash: on ? .flash_notifications_email_on : .flash_notifications_email_off, context)
    }
}
