import GRDB

/// A one-time link: the first admin's setup, or an account an admin prepared for someone.
public struct Invitation: Sendable, Equatable {
    public enum Purpose: String, Sendable { case setup, invite }
    public enum State: String, Sendable { case pending, used, revoked, expired }

    public var id: Int64
    public var purpose: Purpose
    public var email: String?
    public var name: String?
    public var role: Role
    public var message: String
    public var createdBy: Int64?
    public var createdAt: String
    public var expiresAt: String
    public var usedAt: String?
    public var revokedAt: String?

    /// Where the link stands at a given time.
    public func state(at now: String) -> State {
        if usedAt != nil { return .used }
        if revokedAt != nil { return .revoked }
        return expiresAt <= now ? .expired : .pending
    }
}

extension Invitation: FetchableRecord {
    public init(row: Row) {
        id = row["id"]; purpose = Purpose(rawValue: row["purpose"]) ?? .invite
        email = row["email"]; name = row["name"]; role = Role(rawValue: row["role"]) ?? .submitter
        message = row["message"]; createdBy = row["created_by"]; createdAt = row["created_at"]
        expiresAt = row["expires_at"]; usedAt = row["used_at"]; revokedAt = row["revoked_at"]
    }
}
