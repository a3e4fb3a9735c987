import Foundation

/// The header's link to the notifications: "Notifications" and, when some are unread, their number.
struct NotificationBadge: Sendable {
    let href = Paths.notifications
    /// The number shown: "99+" past `ListBound.unread` (the count stops there, `NotificationStore.unreadCount`).
    let count: String
    let hasUnread: Bool
    /// Read by screen readers after the number ("3 unread").
    let unreadLabel: String

    init(count: Int, language: Language) {
        self.count = count > ListBound.unread ? "\(ListBound.unread)+" : String(count)
        hasUnread = count > 0
        unreadLabel = count > ListBound.unread ? Catalog.messages(language)[.notifications_unread_many]
            : Catalog.messages(language).fill(.notifications_unread, count: count)
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
