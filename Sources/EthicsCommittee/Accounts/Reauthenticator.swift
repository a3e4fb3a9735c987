import Foundation

/// Re-authentication typed inside a form (the charter's publish form): the person gives their password, or a
/// code when two-factor is on, in a field of the form itself, so nothing else typed in the form is lost.
/// Other sensitive acts (nothing typed) send the person to `/account/confirm` first instead.
struct Reauthenticator: Sendable {
    let twoFactor: TwoFactorStore
    let users: UserStore
    let sessions: SessionStore
    let passwords: PasswordHasher
    let throttle: LoginThrottle
    let clock: AppClock
    /// The form field carrying the password or code.
    static let field = "reauth"

    /// Whether the person is confirmed: recently, or now through the form's field. A wrong entry counts as a
    /// failed sign-in (throttled); a right one marks the session verified.
    func confirmed(_ context: AppRequestContext) async throws -> Bool {
        guard let session = context.session else { return false }
        if context.recentlyVerified { return true }
        let typed = context.form.raw(Self.field)
        guard !typed.isEmpty else { return false }
        let now = clock.now, user = session.user
        guard try await throttle.admit(account: user.email, client: context.client, now: now) else { return false }
        let ok: Bool
        if try await twoFactor.isEnabled(userId: user.id) {
            let check = try await twoFactor.check(userId: user.id, code: typed, by: context.auditActor)
            ok = check == .accepted || check == .recoveryCodeAccepted
        } else {
            ok = try await passwords.verify(typed, hash: try await users.passwordHash(id: user.id) ?? "")
        }
        guard ok else {
            throttle.recordFailure(account: user.email, client: context.client, now: now)
            try await users.recordFailedSignIn(email: user.email, userId: user.id, reason: "reauthentication", client: context.client)
            return false
        }
        throttle.recordSuccess(account: user.email, client: context.client)
        try await sessions.markVerified(session, client: context.client, method: "form")
        return true
    }
}
