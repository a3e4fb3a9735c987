/// A signed-in session as the request sees it.
public struct Session: Sendable {
    /// SHA-256 of the cookie value; the cookie value itself is never stored.
    public let idHash: String
    public let user: User
    public let csrfToken: String
    public let flash: String?
}
