import Foundation
import GRDB

/// SQL for one-time links. The token is shown once, to its creator; only its SHA-256 is stored.
public struct InvitationStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    let users: UserStore
    public init(db: AppDatabase, clock: AppClock) {
        self.db = db; self.clock = clock; self.users = UserStore(db: db, clock: clock)
    }

    /// Creates the first admin's setup link, valid for an hour. Returns the token.
    public func createSetup() async throws -> String {
        let token = Tokens.random()
        try await db.writer.write { db in
            let now = clock.now
            try db.execute(
                sql: """
                    INSERT INTO invitations (token_hash, purpose, role, created_at, expires_at)
                    VALUES (?, 'setup', 'admin', ?, ?)
                    """,
                arguments: [Tokens.sha256Hex(token), Timestamp.string(now), Timestamp.string(now + 3600)])
            try AuditStore.append(db, by: .system(), action: "setup.link_created", targetType: "invitation",
                                  targetId: String(db.lastInsertedRowID), at: now)
        }
        return token
    }

    /// Invites someone by e-mail with a role; the link lives `days` days. Returns the invitation and token.
    public func invite(email: String, name: String, role: Role, message: String, days: Int,
                       by actor: AuditActor) async throws -> (Invitation, String) {
        let token = Tokens.random()
        let invitation = try await db.writer.write { db in
            let now = clock.now
            try db.execute(
                sql: """
                    INSERT INTO invitations (token_hash, purpose, email, name, role, message, created_by, created_at, expires_at)
                    VALUES (?, 'invite', ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [Tokens.sha256Hex(token), email, name, role.rawValue, message, actor.id,
                            Timestamp.string(now), Timestamp.string(now + Double(days) * 86400)])
            let id = db.lastInsertedRowID
            try AuditStore.append(db, by: actor, action: "account.invited", targetType: "invitation",
                                  targetId: String(id), detail: "email=\(email) role=\(role.rawValue)", at: now)
            return try Invitation.fetchOne(db.cachedStatement(sql: "SELECT * FROM invitations WHERE id = ?"), arguments: [id])!
        }
        return (invitation, token)
    }

    /// The invitation behind a token, whatever its state.
    public func find(token: String) async throws -> Invitation? {
        try await db.writer.read { db in
            try Invitation.fetchOne(db.cachedStatement(sql: "SELECT * FROM invitations WHERE token_hash = ?"),
                                    arguments: [Tokens.sha256Hex(token)])
        }
    }

    /// One invitation by id.
    public func find(id: Int64) async throws -> Invitation? {
        try await db.writer.read { db in
            try Invitation.fetchOne(db.cachedStatement(sql: "SELECT * FROM invitations WHERE id = ?"), arguments: [id])
        }
    }

    /// Invitations not yet used, newest first: all of them (tests), or those for `roles` (the roles whose invitations
    /// the reader may see, from `Policy`) bounded to `limit`, with how many there are in all.
    public func open() async throws -> [Invitation] {
        try await open(roles: Role.allCases, limit: nil).rows
    }

    public func open(roles: [Role], limit: Int?) async throws -> (rows: [Invitation], total: Int) {
        guard !roles.isEmpty else { return ([], 0) }
        let marks = roles.map { _ in "?" }.joined(separator: ", ")
        let filter = "purpose = 'invite' AND used_at IS NULL AND revoked_at IS NULL AND role IN (\(marks))"
        let roleArguments = StatementArguments(roles.map(\.rawValue))
        return try await db.writer.read { db in
            let rows = try Invitation.fetchAll(db.cachedStatement(sql: "SELECT * FROM invitations WHERE \(filter) ORDER BY id DESC LIMIT ?"),
                                               arguments: roleArguments + [limit ?? -1])
            let total = limit.map { rows.count < $0 } == false
                ? try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM invitations WHERE \(filter)"), arguments: roleArguments) ?? rows.count
                : rows.count
            return (rows, total)
        }
    }

    /// The pending invitation (not used, revoked or expired) to this e-mail address, if any.
    public func pending(email: String) async throws -> Invitation? {
        try await db.writer.read { db in
            try Invitation.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM invitations WHERE purpose = 'invite' AND used_at IS NULL AND revoked_at IS NULL
                    AND expires_at > ? AND lower(email) = lower(?) ORDER BY id DESC LIMIT 1
                """), arguments: [Timestamp.string(clock.now), email])
        }
    }

    /// Revokes a pending invitation.
    public func revoke(id: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let now = clock.now
            try db.execute(sql: "UPDATE invitations SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
                           arguments: [Timestamp.string(now), id])
            try AuditStore.append(db, by: actor, action: "account.invitation_revoked", targetType: "invitation",
                                  targetId: String(id), at: now)
        }
    }

    /// Uses a link: creates the account and marks the link used, in one transaction. Fails with
    /// `.unusable` when it was used, revoked or expired meanwhile, or when a setup link meets an existing admin.
    public func accept(token: String, email: String, name: String, passwordHash: String,
                       client: String) async throws -> User {
        try await db.writer.write { db in
            let now = clock.now
            guard let invitation = try Invitation.fetchOne(
                db, sql: "SELECT * FROM invitations WHERE token_hash = ?", arguments: [Tokens.sha256Hex(token)]),
                invitation.state(at: Timestamp.string(now)) == .pending
            else { throw InvitationError.unusable }
            if invitation.purpose == .setup,
               try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND active = 1)")) == true {
                throw InvitationError.unusable
            }
            let finalEmail = invitation.email ?? email
            let user: User
            if let existing = try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE email = ?"), arguments: [finalEmail]) {
                // Someone deactivated, invited back: the same account (and its history) returns with the new role.
                guard !existing.active, invitation.purpose == .invite else { throw InvitationError.emailTaken }
                try db.execute(sql: """
                    UPDATE users SET active = 1, deactivated_at = NULL, name = ?, role = ?, password_hash = ? WHERE id = ?
                    """, arguments: [name, invitation.role.rawValue, passwordHash, existing.id])
                try db.execute(sql: "DELETE FROM two_factor WHERE user_id = ?", arguments: [existing.id])
                try db.execute(sql: "DELETE FROM recovery_codes WHERE user_id = ?", arguments: [existing.id])
                try AuditStore.append(db, by: AuditActor(id: existing.id, label: existing.email, client: client), action: "account.reactivated",
                                      targetType: "user", targetId: String(existing.id), detail: "role=\(invitation.role.rawValue) by invitation",
                                      at: now)
                user = try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE id = ?"), arguments: [existing.id])!
            } else {
                user = try users.insert(db, email: finalEmail, name: name, role: invitation.role,
                                        passwordHash: passwordHash, by: AuditActor(id: nil, label: finalEmail, client: client))
            }
            try db.execute(sql: "UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ?",
                           arguments: [Timestamp.string(now), user.id, invitation.id])
            try AuditStore.append(db, by: AuditActor(id: user.id, label: user.email, client: client),
                                  action: invitation.purpose == .setup ? "setup.completed" : "account.invitation_accepted",
                                  targetType: "invitation", targetId: String(invitation.id), at: now)
            return user
        }
    }
}

public enum InvitationError: Error, Equatable {
    case unusable, emailTaken
}
