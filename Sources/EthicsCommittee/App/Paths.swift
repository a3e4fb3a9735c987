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

    // Governance documents: the charter's stable (public) address is /charter; every kind has /documents/{kind}/….
    static let charter = "/charter"
    static let documentPattern = "/documents/:kind"
    static func document(_ kind: String) -> String { kind == GovernanceDocument.charter ? charter : "/documents/\(kind)" }
    static let documentVersionPattern = "/documents/:kind/versions/:number"
    static func documentVersion(_ kind: String, _ number: Int) -> String { "/documents/\(kind)/versions/\(number)" }
    static let documentPrintPattern = "/documents/:kind/versions/:number/print"
    static func documentPrint(_ kind: String, _ number: Int) -> String { "/documents/\(kind)/versions/\(number)/print" }
    static let documentHistoryPattern = "/documents/:kind/history"
    static func documentHistory(_ kind: String) -> String { "/documents/\(kind)/history" }
    static let documentDiffPattern = "/documents/:kind/diff"
    static func documentDiff(_ kind: String) -> String { "/documents/\(kind)/diff" }
    static func documentDiff(_ kind: String, from: Int, to: Int, inline: Bool = false) -> String {
        "/documents/\(kind)/diff?from=\(from)&to=\(to)" + (inline ? "&view=inline" : "")
    }
    static let documentDraftPattern = "/documents/:kind/draft"
    static func documentDraft(_ kind: String) -> String { "/documents/\(kind)/draft" }
    static let documentPublishPattern = "/documents/:kind/publish"
    static func documentPublish(_ kind: String) -> String { "/documents/\(kind)/publish" }
    static let documentAcknowledgePattern = "/documents/:kind/acknowledge"
    static func documentAcknowledge(_ kind: String) -> String { "/documents/\(kind)/acknowledge" }
    static let documentAcknowledgementsPattern = "/documents/:kind/acknowledgements"
    static func documentAcknowledgements(_ kind: String) -> String { "/documents/\(kind)/acknowledgements" }
    static let printStylesheet = "/css/print.css"

    /// Files served from `Public/`; everything else is a page.
    static func isStatic(_ path: String) -> Bool {
        path.hasPrefix("/css/") || path.hasPrefix("/js/") || path.hasPrefix("/img/") || path == "/favicon.ico"
    }

    static func login(next: String?) -> String {
        guard let next, next != home else { return login }
        return login + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
}
