import Foundation

/// Account creation from the command line, with the same rules as the web forms.
public enum Accounts {
    public static func createFromCommandLine(db: AppDatabase, email: String, name: String, role: Role,
                                             password: String) async throws -> User {
        let email = email.trimmingCharacters(in: .whitespaces), name = name.trimmingCharacters(in: .whitespaces)
        let english = Catalog.messages(.en)
        if let problem = Validate.email(email) { throw CommandLineRefusal("Email: " + english[problem]) }
        if let problem = Validate.text(name, max: 200) { throw CommandLineRefusal("Name: " + english[problem]) }
        if let problem = PasswordProblem.check(password, confirmation: password, email: email, name: name) {
            throw CommandLineRefusal("Password: " + (english[runtime: problem.rawValue] ?? problem.rawValue))
        }
        let users = UserStore(db: db)
        if try await users.emailTaken(email) { throw CommandLineRefusal(english[.error_email_taken]) }
        let hash = try await PasswordHasher(cost: 12).hash(password)
        return try await users.create(email: email, name: name, role: role, passwordHash: hash, by: .system("command line"))
    }
}

public struct CommandLineRefusal: Error, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}

/// Recovery from the command line, for whoever runs the server (issue 16): a new password, a lost second
/// factor, or an installation whose administrators are all locked out. Each step is audited.
extension Accounts {
    /// Sets a new password (same rules as the web forms) and ends the account's sessions.
    public static func resetPasswordFromCommandLine(db: AppDatabase, email: String, password: String) async throws -> User {
        let users = UserStore(db: db)
        guard let user = try await users.find(email: email.trimmingCharacters(in: .whitespaces)) else {
            throw CommandLineRefusal("No account uses \(email).")
        }
        if let problem = PasswordProblem.check(password, confirmation: password, email: user.email, name: user.name) {
            throw CommandLineRefusal("Password: " + (Catalog.messages(.en)[runtime: problem.rawValue] ?? problem.rawValue))
        }
        let hash = try await PasswordHasher(cost: 12).hash(password)
        try await users.changePassword(id: user.id, hash: hash, keepingSession: nil, by: .system("command line"))
        return user
    }

    /// Removes the account's second factor: it signs in with its password, then sets two-factor up again if required.
    public static func resetTwoFactorFromCommandLine(db: AppDatabase, email: String) async throws -> User {
        guard let user = try await UserStore(db: db).find(email: email.trimmingCharacters(in: .whitespaces)) else {
            throw CommandLineRefusal("No account uses \(email).")
        }
        try await TwoFactorStore(db: db, clock: .system).reset(userId: user.id, by: .system("command line"))
        return user
    }

    /// Gives admin access back to an existing account: active again, role admin, second factor removed.
    /// With a new password as well, a lone administrator who lost everything is back in.
    public static func restoreAdminFromCommandLine(db: AppDatabase, email: String) async throws -> User {
        let users = UserStore(db: db)
        guard let user = try await users.find(email: email.trimmingCharacters(in: .whitespaces)) else {
            throw CommandLineRefusal("No account uses \(email). Create one with `ethics user add --role admin`.")
        }
        let actor = AuditActor.system("command line")
        if !user.active { try await users.reactivate(id: user.id, by: actor) }
        if user.role != .admin { try await users.changeRole(id: user.id, to: .admin, by: actor) }
        try await TwoFactorStore(db: db, clock: .system).reset(userId: user.id, by: actor)
        return try await users.find(id: user.id) ?? user
    }

    /// Who must use two-factor sign-in (the setting the admin also changes on the settings page).
    public static func setTwoFactorRequirement(db: AppDatabase, _ value: String) async throws {
        guard let requirement = TwoFactorRequirement(rawValue: value) else {
            throw CommandLineRefusal("Use off, staff or committee.")
        }
        let store = SettingsStore(db: db, clock: .system)
        var settings = try await store.load()
        settings.twoFactorRequired = requirement
        _ = try await store.save(settings, by: .system("command line"))
    }
}
