import Foundation

/// The header's link to the notifications: "Notifications" and, when some are unread, their number.
struct NotificationBadge: Sendable {
    let href = Paths.notifications
    let count: Int
    let hasUnread: Bool
    /// Read by screen readers after the number ("3 unread").
    let unreadLabel: String

    init(count: Int, language: Language) {
        self.count = count
        hasUnread = count > 0
        unreadLabel = Catalog.messages(language).fill(.notifications_unread, count: count)
    }
}

/// View models of the notification pages.
enum NotificationPages {
    struct Row: Sendable {
        let text: String
        let when: String
        let unread: Bool
        /// POST: marks it read, then goes to the record.
        let openAction: String
        /// An invitation's meeting pack.
        var packHref: String? = nil
    }

    struct List: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let hasUnread: Bool
        let count: String
        let readAllAction = Paths.notificationsReadAll
        // The pager (`Templates/pager.mustache`): 50 a page, newest first.
        let pageNumber: Int
        let pageCount: Int
        let hasPages: Bool
        let previous: String?
        let next: String?
    }

    /// The e-mail choice on the account page.
    struct EmailChoice: Sendable {
        let action = Paths.notificationEmail
        let on: Bool
        /// Whether the server sends mail at all; the choice is kept either way.
        let smtpConfigured: Bool
    }
}
