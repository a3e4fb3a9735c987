import Foundation
import GRDB

/// SQL for accounts. Every write appends its audit entry in the same transaction.
public struct UserStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock = .system) { self.db = db; self.clock = clock }

    /// The account with this id, active or not.
    public func find(id: Int64) async throws -> User? {
        try await db.writer.read { db in try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE id = ?"), arguments: [id]) }
    }

    /// The account with this e-mail, active or not (e-mails are stored lower-case).
    public func find(email: String) async throws -> User? {
        try await db.writer.read { db in
            try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE email = ?"), arguments: [email.lowercased()])
        }
    }

    /// The first `limit` active accounts of these roles by name: the suggestions of a person field.
    public func suggestions(roles: [Role], limit: Int) async throws -> [User] {
        let marks = roles.map { _ in "?" }.joined(separator: ", ")
        return try await db.writer.read { db in
            try User.fetchAll(db, sql: "SELECT * FROM users WHERE active = 1 AND role IN (\(marks)) ORDER BY name COLLATE NOCASE, id LIMIT ?",
                              arguments: StatementArguments(roles.map(\.rawValue)) + [limit])
        }
    }

    /// The account a person field names (issue 19): by e-mail (any case), by account number (scripted clients), or by
    /// name when only one account bears it. Nil when nobody, or several, match.
    public func find(typed raw: String) async throws -> User? {
        if case .one(let user) = try await match(typed: raw) { return user }
        return nil
    }

    /// `find(typed:)`, telling nobody from several (two accounts bearing the typed name), so the field can say which.
    public func match(typed raw: String) async throws -> TypedMatch<User> {
        let typed = raw.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty, typed.count <= 254 else { return .none }
        return try await db.writer.read { db in
            if let user = try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE email = ?"), arguments: [typed.lowercased()]) {
                return .one(user)
            }
            if let id = Int64(typed) {
                return TypedMatch(try User.fetchAll(db.cachedStatement(sql: "SELECT * FROM users WHERE id = ?"), arguments: [id]))
            }
            return TypedMatch(try User.fetchAll(db.cachedStatement(sql: "SELECT * FROM users WHERE name = ? COLLATE NOCASE LIMIT 2"),
                                                arguments: [typed]))
        }
    }

    /// The account and its password hash for an e-mail (case-insensitive), for sign-in.
    func credentials(email: String) async throws -> (User, String)? {
        try await db.writer.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE email = ?"), arguments: [email])
            else { return nil }
            return (User(row: row), row["password_hash"])
        }
    }

    /// The password hash of an account.
    func passwordHash(id: Int64) async throws -> String? {
        try await db.writer.read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT password_hash FROM users WHERE id = ?"), arguments: [id])
        }
    }

    /// All accounts, active first, then by name.
    public func all() async throws -> [User] {
        try await db.writer.read { db in try Self.all(db) }
    }

    static func all(_ db: Database) throws -> [User] {
        try User.fetchAll(db.cachedStatement(sql: "SELECT * FROM users ORDER BY active DESC, name COLLATE NOCASE, id"))
    }

    /// The role of an active account; nil for an inactive or unknown one.
    static func activeRole(_ db: Database, userId: Int64) throws -> Role? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT role FROM users WHERE id = ? AND active = 1"), arguments: [userId])
            .flatMap(Role.init(rawValue:))
    }

    /// Every active account but the project owners' (told of a new governance version).
    static func activeCommittee(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM users WHERE active = 1 AND role <> 'submitter'"))
    }

    /// Every active secretary (told of a critical incident).
    static func activeSecretaries(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM users WHERE role = 'secretary' AND active = 1"))
    }

    /// One page of the accounts, active first, then by name (the administrator's list).
    public func page(_ requested: Int, size: Int) async throws -> ListPage<User> {
        try await db.writer.read { db in
            let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM users")) ?? 0
            let (number, offset) = ListPage<User>.clamp(requested: requested, total: total, size: size)
            let rows = try User.fetchAll(db.cachedStatement(sql: "SELECT * FROM users ORDER BY active DESC, name COLLATE NOCASE, id LIMIT ? OFFSET ?"),
                                         arguments: [size, offset])
            return ListPage(rows: rows, total: total, number: number, size: size)
        }
    }

    /// Whether an active admin exists (while none does, the server offers the setup link).
    public func hasActiveAdmin() async throws -> Bool {
        try await db.writer.read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND active = 1)")) ?? false
        }
    }

    /// Whether an account already uses this e-mail.
    public func emailTaken(_ email: String) async throws -> Bool {
        try await db.writer.read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM users WHERE email = ?)"), arguments: [email]) ?? false
        }
    }

    /// Creates an account with an already hashed password (command line, setup, invitation).
    public func create(email: String, name: String, role: Role, passwordHash: String, by actor: AuditActor) async throws -> User {
        try await db.writer.write { db in try insert(db, email: email, name: name, role: role, passwordHash: passwordHash, by: actor) }
    }

    /// The insert shared by `create` and the invitation store; audit in the caller's transaction.
    func insert(_ db: Database, email: String, name: String, role: Role, passwordHash: String, by actor: AuditActor) throws -> User {
        let now = clock.now
        try db.execute(
            sql: "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [email, name, role.rawValue, passwordHash, Timestamp.string(now)])
        let id = db.lastInsertedRowID
        try AuditStore.append(db, by: actor.id == nil ? AuditActor(id: id, label: email, client: actor.client) : actor,
                              action: "account.created", targetType: "user", targetId: String(id),
                              detail: "role=\(role.rawValue)", at: now)
        return try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE id = ?"), arguments: [id])!
    }

    /// Changes an account's role.
    public func changeRole(id: Int64, to role: Role, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE users SET role = ? WHERE id = ?", arguments: [role.rawValue, id])
            try AuditStore.append(db, by: actor, action: "account.role_changed", targetType: "user",
                                  targetId: String(id), detail: "role=\(role.rawValue)", at: clock.now)
        }
    }

    /// Deactivates an account and ends all its sessions at once.
    public func deactivate(id: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let now = clock.now
            try db.execute(sql: "UPDATE users SET active = 0, deactivated_at = ? WHERE id = ? AND active = 1",
                           arguments: [Timestamp.string(now), id])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id])
            try AuditStore.append(db, by: actor, action: "account.deactivated", targetType: "user",
                                  targetId: String(id), at: now)
        }
    }

    /// Lets a deactivated account sign in again.
    public func reactivate(id: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE users SET active = 1, deactivated_at = NULL WHERE id = ?", arguments: [id])
            try AuditStore.append(db, by: actor, action: "account.reactivated", targetType: "user",
                                  targetId: String(id), at: clock.now)
        }
    }

    /// Sets a new password hash and ends the account's other sessions.
    public func changePassword(id: Int64, hash: String, keepingSession keep: String?, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, id])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?", arguments: [id, keep])
            try AuditStore.append(db, by: actor, action: "account.password_changed", targetType: "user",
                                  targetId: String(id), at: clock.now)
        }
    }

    /// Sets the interface language of an account (nil: follow the browser).
    public func setLanguage(id: Int64, to language: Language?, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE users SET language = ? WHERE id = ?", arguments: [language?.rawValue, id])
            try AuditStore.append(db, by: actor, action: "account.language_changed", targetType: "user",
                                  targetId: String(id), detail: "language=\(language?.rawValue ?? "browser")", at: clock.now)
        }
    }

    /// Records a refused sign-in (unknown e-mail, wrong password, deactivated account, throttled).
    public func recordFailedSignIn(email: String, userId: Int64?, reason: String, client: String) async throws {
        try await db.writer.write { db in
            try AuditStore.append(db, by: AuditActor(id: userId, label: String(email.prefix(254)), client: client),
                                  action: "auth.sign_in_failed", targetType: "user",
                                  targetId: userId.map(String.init) ?? "", detail: reason, at: clock.now)
        }
    }
}
