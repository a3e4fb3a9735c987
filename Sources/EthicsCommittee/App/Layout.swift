import Foundation

/// What the layout template needs on every page: language, committee, who is signed in, navigation.
struct Layout: Sendable {
    struct NavItem: Sendable {
        let href: String
        let label: String
        let current: Bool
    }
    struct LanguageOption: Sendable {
        let code: String
        let label: String
        let selected: Bool
    }
    struct Badge: Sendable {
        let name: String
        let role: String
    }

    /// Links the templates use, from `Paths` so they cannot drift from the routes.
    struct LinkPaths: Sendable {
        let home = Paths.home, login = Paths.login, logout = Paths.logout, language = Paths.language
        let password = Paths.password, users = Paths.users, newInvitation = Paths.newInvitation
        let audit = Paths.audit, settings = Paths.settings, members = Paths.members, welcome = Paths.welcome, stylesheet = "/css/app.css", icon = "/img/favicon.svg"
        let charter = Paths.charter, cases = Paths.cases, meetings = Paths.meetings, deliverables = Paths.deliverables
        let notifications = Paths.notifications, written = Paths.writtenProcedures
        let search = Paths.search, systems = Paths.systems, incidents = Paths.incidents
        let forgotPassword = Paths.forgotPassword, twoFactor = Paths.twoFactor, copyScript = "/js/copy.js"
    }
    /// A governance document version the signed-in person still has to acknowledge.
    struct Reminder: Sendable {
        let text: String
        let href: String
    }

    let paths = LinkPaths()
    let lang: String
    let committeeName: String
    let title: String
    let csrf: String
    /// Error pages are rendered outside the session, without a token: no form there.
    let canSwitchLanguage: Bool
    let user: Badge?
    let nav: [NavItem]
    let hasNav: Bool
    let flash: String?
    /// A one-time link the flash gives (an invitation, a password reset): shown in a field to select or copy.
    let flashLink: String?
    /// The banner asking to acknowledge a new version, on every signed-in page until done.
    let reminders: [Reminder]
    let languages: [LanguageOption]
    /// Where the language switch returns to.
    let here: String
    /// The header's link to the notifications, with the unread count (signed-in pages only).
    let notifications: NotificationBadge?

    init(context: AppRequestContext, settings: Settings, messages: Messages, title: String,
         path: String, flash: String?, flashLink: String? = nil, reminders: [Reminder] = [], unread: Int? = nil) {
        lang = context.language.rawValue
        committeeName = settings.committeeName
        self.title = title
        csrf = context.csrfToken
        canSwitchLanguage = !context.csrfToken.isEmpty
        user = context.session.map { Badge(name: $0.user.name, role: messages[runtime: "role_\($0.user.role.rawValue)"] ?? "") }
        nav = Navigation.items(for: context.actor).map { item in
            NavItem(href: item.path, label: messages[item.label],
                    current: item.path == Paths.home ? path == Paths.home
                        : path.hasPrefix(item.path) || item.covers.map(path.hasPrefix) == true)
        }
        hasNav = !nav.isEmpty
        self.flash = flash
        self.flashLink = flashLink
        self.reminders = reminders
        languages = Language.allCases.map {
            LanguageOption(code: $0.rawValue, label: messages[runtime: "language_\($0.rawValue)"] ?? $0.rawValue,
                           selected: $0 == context.language)
        }
        here = SafeRedirect.relative(path) ?? Paths.home
        notifications = unread.map { NotificationBadge(count: $0, language: context.language) }
    }
}

/// The navigation a person gets: only the entries the policy lets them open.
enum Navigation {
    struct Entry {
        let path: String
        let label: MessageKey
        let action: Action
        /// Another prefix the entry stands for (the charter entry covers every governance document).
        var covers: String? = nil
    }

    static let entries: [Entry] = [
        Entry(path: Paths.home, label: .nav_home, action: .useApp),
        Entry(path: Paths.cases, label: .nav_cases, action: .useApp),
        Entry(path: Paths.meetings, label: .nav_meetings, action: .viewMeetings),
        Entry(path: Paths.writtenProcedures, label: .nav_written, action: .viewWrittenProcedures),
        Entry(path: Paths.deliverables, label: .nav_deliverables, action: .viewDeliverables),
        Entry(path: Paths.systems, label: .nav_systems, action: .viewSystems),
        Entry(path: Paths.incidents, label: .nav_incidents, action: .viewIncidents),
        Entry(path: Paths.figures, label: .nav_figures, action: .viewFigures),
        Entry(path: Paths.charter, label: .nav_charter, action: .readCharter(isPublic: false), covers: "/documents/"),
        Entry(path: Paths.members, label: .nav_members, action: .viewComposition),
        Entry(path: Paths.search, label: .nav_search, action: .useApp),
        Entry(path: Paths.users, label: .nav_users, action: .manageAccounts),
        Entry(path: Paths.audit, label: .nav_audit, action: .readAuditTrail),
        Entry(path: Paths.settings, label: .nav_settings, action: .manageSettings),
        Entry(path: Paths.password, label: .nav_account, action: .useApp),
    ]

    static func items(for actor: Requester?) -> [Entry] {
        guard actor != nil else { return [] }
        return entries.filter { Policy.decide(actor, $0.action) == .allow }
    }
}

/// One-time messages kept in the session between a POST and the page it redirects to:
/// a catalogue key and an optional value, e.g. the invitation link to copy.
enum Flash {
    static func encode(_ key: MessageKey, _ value: String = "") -> String { key.name + "\u{1F}" + value }

    /// The link a `*_link` message carries (shown in its own field), if any.
    static func link(_ stored: String) -> String? {
        let parts = stored.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count > 1, parts[0].hasSuffix("_link"), !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    static func decode(_ stored: String, messages: Messages) -> String {
        let parts = stored.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        let text = messages[runtime: String(parts[0])] ?? ""
        return parts.count > 1 ? text.replacingOccurrences(of: "{value}", with: String(parts[1])) : text
    }
}
