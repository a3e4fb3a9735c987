import Foundation
import GRDB

/// SQL for password reset links. The token is given once (by e-mail, or to the staff member who made it);
/// only its SHA-256 is stored. A link lives an hour, works once, and a newer one replaces it.
public struct PasswordResetStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    /// How long a reset link works.
    public static let lifetime: TimeInterval = 3600

    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// Where a link stands, for the page that opens it.
    public enum LinkState: Sendable, Equatable { case usable(User), used, expired, unknown }

    /// Makes a link for an active account, revoking its older links. `by` is nil when the person asked
    /// themself. Returns the token, or nil when no active account has that address (nothing is written then,
    /// apart from the audit entry of the request).
    public func create(email: String, by actor: AuditActor, staff: Bool) async throws -> (User, String)? {
        let token = Tokens.random()
        return try await db.writer.write { db in
            let now = clock.now
            guard let user = try User.fetchOne(db, sql: "SELECT * FROM users WHERE email = ? AND active = 1",
                                               arguments: [email.lowercased()])
            else {
                try AuditStore.append(db, by: actor, action: "account.reset_requested", targetType: "user", targetId: "",
                                      detail: "no active account", at: now)
                return nil
            }
            try db.execute(sql: "UPDATE password_resets SET revoked_at = ? WHERE user_id = ? AND used_at IS NULL AND revoked_at IS NULL",
                           arguments: [Timestamp.string(now), user.id])
            try db.execute(sql: """
                INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [Tokens.sha256Hex(token), user.id, staff ? actor.id : nil, Timestamp.string(now),
                                 Timestamp.string(now + Self.lifetime)])
            try AuditStore.append(db, by: actor, action: staff ? "account.reset_link_created" : "account.reset_requested",
                                  targetType: "user", targetId: String(user.id), at: now)
            return (user, token)
        }
    }

    /// What a token opens.
    public func state(token: String) async throws -> LinkState {
        try await db.writer.read { db in try Self.state(db, token: token, now: clock.now).0 }
    }

    private static func state(_ db: Database, token: String, now: Date) throws -> (LinkState, Int64?) {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT r.id AS reset_id, r.expires_at, r.used_at, r.revoked_at, u.*
            FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.token_hash = ?
            """, arguments: [Tokens.sha256Hex(token)])
        else { return (.unknown, nil) }
        if (row["used_at"] as String?) != nil || (row["revoked_at"] as String?) != nil { return (.used, row["reset_id"]) }
        let user = User(row: row)
        if (row["expires_at"] as String) <= Timestamp.string(now) || !user.active { return (.expired, row["reset_id"]) }
        return (.usable(user), row["reset_id"])
    }

    /// Uses a link: sets the password, spends the link and ends every session of the account, in one
    /// transaction. Throws `.unusable` when it was used, replaced or expired meanwhile.
    public func use(token: String, passwordHash: String, client: String) async throws -> User {
        try await db.writer.write { db in
            let now = clock.now
            guard case (.usable(let user), let resetId?) = try Self.state(db, token: token, now: now) else {
                throw PasswordResetError.unusable
            }
            try db.execute(sql: "UPDATE password_resets SET used_at = ? WHERE id = ?", arguments: [Timestamp.string(now), resetId])
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [passwordHash, user.id])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [user.id])
            try AuditStore.append(db, by: AuditActor(id: user.id, label: user.email, client: client), action: "account.password_reset",
                                  targetType: "user", targetId: String(user.id), at: now)
            return user
        }
    }
}

public enum PasswordResetError: Error, Equatable { case unusable }
