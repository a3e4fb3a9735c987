import Foundation
import Hummingbird

/// Two-factor sign-in: the code after the password, setting it up (QR code drawn on the server, the secret as
/// text, a first code to confirm, ten recovery codes shown once), and re-authentication before sensitive acts.
struct TwoFactorController {
    let twoFactor: TwoFactorStore
    let sessions: SessionStore
    let users: UserStore
    let passwords: PasswordHasher
    /// Wrong codes count like wrong passwords.
    let throttle: LoginThrottle
    let settings: SettingsCache
    let renderer: Renderer
    let clock: AppClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.secondFactor), use: showCode)
        router.post(RouterPath(Paths.secondFactor), use: checkCode)
        router.get(RouterPath(Paths.twoFactor), use: showSetup)
        router.post(RouterPath(Paths.twoFactor), use: enable)
        router.get(RouterPath(Paths.twoFactorQR), use: qrCode)
        router.get(RouterPath(Paths.confirmIdentity), use: showConfirm)
        router.post(RouterPath(Paths.confirmIdentity), use: confirm)
    }

    // MARK: The code after the password

    struct CodePage: Sendable {
        var code = ""
        var next = ""
        var error: String?
        let action = Paths.secondFactor + "#code-form"
    }

    private func pending(_ context: AppRequestContext, _ stage: Session.Stage) -> Session? {
        context.pendingSession.flatMap { $0.stage == stage ? $0 : nil }
    }

    func showCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard pending(context, .secondFactor) != nil else { return .redirect(to: context.session == nil ? Paths.login : Paths.home) }
        let next = SafeRedirect.relative(request.uri.queryParameters["next"].map(String.init)) ?? ""
        return try await renderer.page("accounts/code", CodePage(next: next), title: .code_title, context: context, path: Paths.secondFactor)
    }

    func checkCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = pending(context, .secondFactor) else { return .redirect(to: Paths.login) }
        let code = context.form["code"], next = SafeRedirect.relative(context.form["next"]) ?? Paths.home
        let actor = AuditActor(id: session.user.id, label: session.user.email, client: context.client)
        switch try await check(session.user, code: code, actor: actor, context: context) {
        case .success(let detail):
            try await sessions.complete(session, client: context.client, detail: detail)
            if detail == "recovery_code" {
                try await sessions.setFlash(Flash.encode(.flash_recovery_code_used, String(try await twoFactor.recoveryCodesLeft(userId: session.user.id))),
                                            idHash: session.idHash)
            }
            return .redirect(to: next)
        case .refused(let key, let status):
            let page = CodePage(code: code, next: next, error: Catalog.messages(context.language)[runtime: key])
            return try await renderer.page("accounts/code", page, title: .code_title, context: context, path: Paths.secondFactor, status: status)
        }
    }

    enum Outcome { case success(String), refused(String, HTTPResponse.Status) }

    /// A code (or recovery code) checked under the sign-in throttle, failures audited.
    private func check(_ user: User, code: String, actor: AuditActor, context: AppRequestContext) async throws -> Outcome {
        let now = clock.now
        guard try await throttle.admit(account: user.email, client: context.client, now: now) else {
            try await users.recordFailedSignIn(email: user.email, userId: user.id, reason: "code_throttled", client: context.client)
            return .refused("login_throttled", .tooManyRequests)
        }
        let result = try await twoFactor.check(userId: user.id, code: code, by: actor)
        switch result {
        case .accepted, .recoveryCodeAccepted:
            throttle.recordSuccess(account: user.email, client: context.client)
            return .success(result == .accepted ? "code" : "recovery_code")
        case .wrong, .replayed, .recoveryCodeUsed:
            throttle.recordFailure(account: user.email, client: context.client, now: now)
            let reason = result == .wrong ? "wrong_code" : result == .replayed ? "replayed_code" : "used_recovery_code"
            try await users.recordFailedSignIn(email: user.email, userId: user.id, reason: reason, client: context.client)
            return .refused("error_" + reason, .unprocessableContent)
        }
    }

    // MARK: Setting it up

    struct SetupPage: Sendable {
        var enabled = false
        var required = false
        var secret = ""
        var secretGroups = ""
        var code = ""
        var recoveryCodesLeft = 0
        var error: String?
        /// Right after enabling: the codes, shown this once.
        var recoveryCodes: [String] = []
        var showCodes = false
        var continueHref = Paths.home
        let action = Paths.twoFactor + "#setup-form"
        let qr = Paths.twoFactorQR
    }

    private func owner(_ context: AppRequestContext) throws -> Session {
        if let session = context.session { return session }
        if let session = pending(context, .enrol) { return session }
        throw AppError.signInRequired
    }

    func showSetup(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try owner(context)
        return try await setupPage(session, context: context)
    }

    private func setupPage(_ session: Session, context: AppRequestContext, code: String = "", error: String? = nil,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        var page = SetupPage(required: settings.current.twoFactorRequired.applies(to: session.user.role), code: code,
                             error: error.flatMap { Catalog.messages(context.language)[runtime: $0] })
        if try await twoFactor.isEnabled(userId: session.user.id) {
            page.enabled = true
            page.recoveryCodesLeft = try await twoFactor.recoveryCodesLeft(userId: session.user.id)
        } else {
            page.secret = try await twoFactor.pendingSecret(userId: session.user.id)
            page.secretGroups = stride(from: 0, to: page.secret.count, by: 4).map {
                let start = page.secret.index(page.secret.startIndex, offsetBy: $0)
                return String(page.secret[start..<(page.secret.index(start, offsetBy: 4, limitedBy: page.secret.endIndex) ?? page.secret.endIndex)])
            }.joined(separator: " ")
        }
        return try await renderer.page("accounts/two_factor", page, title: .two_factor_title, context: context,
                                       path: Paths.twoFactor, status: status)
    }

    func enable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try owner(context)
        let code = context.form["code"]
        let actor = AuditActor(id: session.user.id, label: session.user.email, client: context.client)
        let now = clock.now
        guard try await throttle.admit(account: session.user.email, client: context.client, now: now) else {
            return try await setupPage(session, context: context, code: code, error: "login_throttled", status: .tooManyRequests)
        }
        let codes: [String]
        do {
            codes = try await twoFactor.enable(userId: session.user.id, code: code, by: actor)
        } catch TwoFactorStore.Refusal.wrongCode {
            throttle.recordFailure(account: session.user.email, client: context.client, now: now)
            return try await setupPage(session, context: context, code: code, error: "error_wrong_code", status: .unprocessableContent)
        } catch TwoFactorStore.Refusal.alreadyEnrolled {
            return try await setupPage(session, context: context, error: "error_two_factor_already", status: .conflict)
        } catch TwoFactorStore.Refusal.notStarted {
            return try await setupPage(session, context: context, code: code, error: "error_wrong_code", status: .unprocessableContent)
        }
        if session.stage == .enrol { try await sessions.complete(session, client: context.client, detail: "two_factor_enrolled") }
        // The codes exist only now: this answer shows them once (no redirect could carry them without storing them).
        var page = SetupPage(enabled: true, recoveryCodes: codes, showCodes: true)
        page.recoveryCodesLeft = codes.count
        var done = context
        if session.stage == .enrol { done.pendingSession = nil }
        return try await renderer.page("accounts/two_factor", page, title: .two_factor_title, context: done, path: Paths.twoFactor)
    }

    /// The QR code of the secret being set up, as SVG. None once two-factor is on: the secret is not shown again.
    func qrCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try owner(context)
        guard try await !twoFactor.isEnabled(userId: session.user.id) else { throw Refusal.notFound }
        let secret = try await twoFactor.pendingSecret(userId: session.user.id)
        let uri = TOTP.provisioningURI(secret: secret, account: session.user.email, issuer: settings.current.committeeName)
        guard let svg = QRCode.svg(uri) else { throw Refusal.notFound }
        var response = Response(status: .ok, headers: [.contentType: "image/svg+xml"], body: .init(byteBuffer: .init(string: svg)))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    // MARK: Re-authentication

    struct ConfirmPage: Sendable {
        var next: String
        var usesCode: Bool
        var code = ""
        var error: String?
        let action = Paths.confirmIdentity + "#confirm-form"
    }

    func showConfirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        let next = SafeRedirect.relative(request.uri.queryParameters["next"].map(String.init)) ?? Paths.home
        let page = ConfirmPage(next: next, usesCode: try await twoFactor.isEnabled(userId: session.user.id))
        return try await renderer.page("accounts/confirm", page, title: .confirm_identity_title, context: context, path: Paths.confirmIdentity)
    }

    /// A code (when two-factor is on) or the password proves it is still the same person.
    func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        let next = SafeRedirect.relative(context.form["next"]) ?? Paths.home
        let usesCode = try await twoFactor.isEnabled(userId: session.user.id)
        var page = ConfirmPage(next: next, usesCode: usesCode)
        let outcome: Outcome
        if usesCode {
            page.code = context.form["code"]
            outcome = try await check(session.user, code: page.code, actor: context.auditActor, context: context)
        } else {
            let now = clock.now
            if try await !throttle.admit(account: session.user.email, client: context.client, now: now) {
                outcome = .refused("login_throttled", .tooManyRequests)
            } else if try await passwords.verify(context.form.raw("password"), hash: try await users.passwordHash(id: session.user.id) ?? "") {
                throttle.recordSuccess(account: session.user.email, client: context.client)
                outcome = .success("password")
            } else {
                throttle.recordFailure(account: session.user.email, client: context.client, now: now)
                outcome = .refused("error_current_password", .unprocessableContent)
            }
        }
        switch outcome {
        case .success(let method):
            try await sessions.markVerified(session, client: context.client, method: method)
            return .redirect(to: next)
        case .refused(let key, let status):
            page.error = Catalog.messages(context.language)[runtime: key]
            return try await renderer.page("accounts/confirm", page, title: .confirm_identity_title, context: context,
                                           path: Paths.confirmIdentity, status: status)
        }
    }
}
