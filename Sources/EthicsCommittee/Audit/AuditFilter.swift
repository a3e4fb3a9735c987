import Foundation

/// What the admin asked to see of the trail, read from the page's query string. Every field is checked;
/// a value that does not parse becomes a message on the filter form, never a query.
struct AuditFilter: Sendable, Equatable {
    enum Who: Sendable, Equatable {
        case account(Int64)
        /// Entries written by nobody signed in: the system, the command line, failed sign-ins.
        case nobody
    }

    /// Only the reads: confidential cases opened, minutes read, attachments downloaded.
    var viewsOnly = false
    var who: Who?
    /// The e-mail typed in the "who" field, for the controller to turn into an account (`who`).
    var whoEmail: String?
    var action: String?
    var targetType: String?
    var targetId: String?
    /// Committee-local calendar days, inclusive, as YYYY-MM-DD.
    var from: String?
    var to: String?

    /// The actions that make the view log (reads: they change nothing in the archive, `AuditStore.lastChangeId`).
    static let viewActions = ["case.viewed", "meeting.minutes_viewed", "meeting.pack_generated", "case.attachment_downloaded",
                              "incident.attachment_downloaded"]

    /// The raw values, kept to re-fill the form and to carry the filter into links.
    struct Input: Sendable, Equatable {
        var kind = "", who = "", action = "", targetType = "", targetId = "", from = "", to = ""
    }

    /// Parses the query; returns the filter, or the catalogue keys of the problems by field name.
    static func parse(_ input: Input) -> (AuditFilter, [String: String]) {
        var filter = AuditFilter()
        var errors: [String: String] = [:]
        filter.viewsOnly = input.kind == "views"
        if input.kind == "nobody" { filter.who = .nobody }
        let email = input.who.trimmingCharacters(in: .whitespaces)
        if !email.isEmpty {
            // A field rather than a list: a committee with hundreds of accounts made the page a list of them.
            if Validate.email(email) == nil { filter.whoEmail = email.lowercased() } else { errors["who"] = "audit_error_who" }
        }
        if !input.action.isEmpty {
            if isCode(input.action, max: 80, allowing: "._") { filter.action = input.action } else { errors["action"] = "audit_error_action" }
        }
        if !input.targetType.isEmpty {
            if isCode(input.targetType, max: 40, allowing: "_") { filter.targetType = input.targetType } else { errors["targetType"] = "audit_error_target" }
        }
        let targetId = input.targetId.trimmingCharacters(in: .whitespaces)
        if !targetId.isEmpty {
            if targetId.count <= 64, !targetId.contains(where: { $0.isNewline }) { filter.targetId = targetId } else { errors["targetId"] = "audit_error_target" }
        }
        for (field, value) in [("from", input.from), ("to", input.to)] where !value.isEmpty {
            guard Formats.isISODate(value) else { errors[field] = "audit_error_date"; continue }
            if field == "from" { filter.from = value } else { filter.to = value }
        }
        if let from = filter.from, let to = filter.to, from > to { errors["to"] = "audit_error_range" }
        return (filter, errors)
    }

    private static func isCode(_ text: String, max: Int, allowing extra: String) -> Bool {
        !text.isEmpty && text.count <= max
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || extra.unicodeScalars.contains($0) }
    }

    /// The query string that gives this input back (for paging and the CSV link), without the page number.
    static func query(_ input: Input) -> String {
        let pairs = [("kind", input.kind), ("who", input.who), ("action", input.action), ("type", input.targetType),
                     ("record", input.targetId), ("from", input.from), ("to", input.to)]
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return pairs.filter { !$0.1.isEmpty }
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}
