import GRDB

/// An account. Never deleted while history points at it: deactivation ends its sessions instead.
public struct User: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: Role
    public var language: Language?
    public var active: Bool
    public var createdAt: String
    public var deactivatedAt: String?
}

extension User: FetchableRecord {
    public init(row: Row) {
        id = row["id"]; email = row["email"]; name = row["name"]
        role = Role(rawValue: row["role"]) ?? .submitter
        language = (row["language"] as String?).flatMap(Language.init(rawValue:))
        active = row["active"]; createdAt = row["created_at"]; deactivatedAt = row["deactivated_at"]
    }
}
