/// A signed-in session as the request sees it.
public struct Session: Sendable {
    /// SHA-256 of the cookie value; the cookie value itself is never stored.
    public let idHash: String
    public let user: User
    public let csrfToken: String
    public let flash: String?
    /// A committee seat (member or expert) that has not yet completed its profile and signed the
    /// independence declaration: every page but the onboarding one waits for it.
    public let needsOnboarding: Bool
    /// Signed in, or half-way (password given, second factor awaited or to be set up).
    public var stage: Stage = .full
    /// When the person last proved it was them in this session (sign-in, a code, the password again).
    public var verifiedAt: String?

    public enum Stage: String, Sendable {
        case full
        /// The password was right; the code of the second factor is awaited.
        case secondFactor = "second_factor"
        /// The password was right; the account must set up two-factor before anything else.
        case enrol
    }
}
