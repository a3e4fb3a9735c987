import Foundation

/// Every URL of the app in one place: route patterns and the links that point at them, side by side,
/// so links and routes cannot drift apart.
enum Paths {
    static let home = "/"
    static let healthz = "/healthz"
    static let login = "/login"
    static let logout = "/logout"
    static let language = "/language"
    static let password = "/account/password"
    static let joinPattern = "/join/:token"
    static func join(_ token: String) -> String { "/join/\(token)" }

    static let users = "/admin/users"
    static let userPattern = "/admin/users/:id"
    static func user(_ id: Int64) -> String { "/admin/users/\(id)" }
    static let userRolePattern = "/admin/users/:id/role"
    static func userRole(_ id: Int64) -> String { "/admin/users/\(id)/role" }
    static let userDeactivatePattern = "/admin/users/:id/deactivate"
    static func userDeactivate(_ id: Int64) -> String { "/admin/users/\(id)/deactivate" }
    static let userReactivatePattern = "/admin/users/:id/reactivate"
    static func userReactivate(_ id: Int64) -> String { "/admin/users/\(id)/reactivate" }

    static let invitations = "/admin/invitations"
    static let newInvitation = "/admin/invitations/new"
    static let invitationPattern = "/admin/invitations/:id"
    static func invitation(_ id: Int64) -> String { "/admin/invitations/\(id)" }
    static let invitationRevokePattern = "/admin/invitations/:id/revoke"
    static func invitationRevoke(_ id: Int64) -> String { "/admin/invitations/\(id)/revoke" }

    static let audit = "/admin/audit"
    static func audit(page: Int) -> String { "/admin/audit?page=\(page)" }
    static let settings = "/admin/settings"

    /// Files served from `Public/`; everything else is a page.
    static func isStatic(_ path: String) -> Bool {
        path.hasPrefix("/css/") || path.hasPrefix("/js/") || path.hasPrefix("/img/") || path == "/favicon.ico"
    }

    static func login(next: String?) -> String {
        guard let next, next != home else { return login }
        return login + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
}
