import Hummingbird
import NIOCore

/// Per-request state: who is signed in, their CSRF token, the language, and the parsed form.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address, for the audit trail and sign-in throttling: the socket peer, or what a trusted
    /// proxy says in `X-Forwarded-For` (`ClientAddressMiddleware`).
    public var client: String
    /// The socket peer's address.
    public let peer: String
    public var session: Session?
    /// Whether the person proved it was them recently enough for a sensitive act (set by the session middleware).
    public var recentlyVerified = false
    /// A sign-in half-way (password given, second factor awaited or to be set up): not signed in yet.
    public var pendingSession: Session?
    /// The token forms must carry: the session's, or the pre-sign-in cookie's.
    public var csrfToken = ""
    public var language: Language = .en
    /// The url-encoded body of a POST, read once by the CSRF middleware.
    public var form = FormFields()
    /// Files of a multipart POST (attachments), read once by the CSRF middleware.
    public var uploads: [UploadedFile] = []

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? ""
        client = peer
    }

    public var actor: Requester? {
        session.map { Requester(userId: $0.user.id, role: $0.user.role, onboarded: !$0.needsOnboarding) }
    }

    /// How the audit trail names whoever makes this request.
    public var auditActor: AuditActor {
        AuditActor(id: session?.user.id, label: session?.user.email ?? "anonymous", client: client)
    }

    /// Asks the one policy; throws the error that becomes 404 or the sign-in redirect.
    public func require(_ action: Action) throws {
        switch Policy.decide(actor, action) {
        case .allow: return
        case .notFound: throw Refusal.notFound
        case .signInRequired: throw AppError.signInRequired
        case .onboardingRequired: throw AppError.onboardingRequired
        }
    }

    /// Sensitive acts (publishing a charter version, approving minutes, changing a role, exporting the audit
    /// trail, resetting someone's second factor) ask for a fresh password or code: asked after the policy.
    public func requireRecentVerification() throws {
        guard session != nil else { throw AppError.signInRequired }
        if !recentlyVerified { throw AppError.reauthenticationRequired }
    }

    /// The signed-in session, after the policy allowed `action`.
    public func requireSession(_ action: Action = .useApp) throws -> Session {
        try require(action)
        guard let session else { throw AppError.signInRequired }
        return session
    }
}
