import Foundation

/// Account creation from the command line, with the same rules as the web forms.
public enum Accounts {
    public static func createFromCommandLine(db: AppDatabase, email: String, name: String, role: Role,
                                             password: String) async throws -> User {
        let email = email.trimmingCharacters(in: .whitespaces), name = name.trimmingCharacters(in: .whitespaces)
        let english = Catalog.messages(.en)
        if let problem = Validate.email(email) { throw CommandLineRefusal("Email: " + (english[problem] ?? problem)) }
        if let problem = Validate.text(name, max: 200) { throw CommandLineRefusal("Name: " + (english[problem] ?? problem)) }
        if let problem = PasswordProblem.check(password, confirmation: password, email: email, name: name) {
            throw CommandLineRefusal("Password: " + (english[problem.rawValue] ?? problem.rawValue))
        }
        let users = UserStore(db: db)
        if try await users.emailTaken(email) { throw CommandLineRefusal(english["error_email_taken"] ?? "") }
        let hash = try await PasswordHasher(cost: 12).hash(password)
        return try await users.create(email: email, name: name, role: role, passwordHash: hash, by: .system("command line"))
    }
}

public struct CommandLineRefusal: Error, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}
