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
}
