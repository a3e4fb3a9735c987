import Foundation
import Hummingbird

/// Finds the signed-in session from the cookie and picks the interface language.
/// An unknown, expired or deactivated session is treated as signed out and its cookie cleared.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: SessionStore
    let settings: SettingsCache
    let cookies: AppCookies
    let clock: AppClock
    let reauthenticationWindow: TimeInterval
    /// What a half-signed-in session may open: its step, the QR code, signing out, the language switch.
    static let stepPaths = [Paths.secondFactor, Paths.twoFactor, Paths.twoFactorQR, Paths.logout, Paths.language, Paths.healthz]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var clearCookie = false
        var layout: LayoutReads?
        if let value = request.cookies[AppCookies.session]?.value, !value.isEmpty {
            (context.session, layout) = try await sessions.find(cookieValue: value, withLayout: request.method == .get)
            clearCookie = context.session == nil
        }
        // Half-way through a two-step sign-in, the session opens only the step's own pages.
        if let session = context.session, session.stage != .full {
            context.pendingSession = session
            context.session = nil
            if !Self.stepPaths.contains(where: { request.uri.path == $0 }) && !Paths.isStatic(request.uri.path) {
                return .redirect(to: session.stage == .enrol ? Paths.twoFactor : Paths.secondFactor, type: .found)
            }
        }
        if let session = context.session ?? context.pendingSession { context.csrfToken = session.csrfToken }
        if let verified = context.session?.verifiedAt.flatMap(Timestamp.date) {
            context.recentlyVerified = clock.now.timeIntervalSince(verified) < reauthenticationWindow
        }
        context.language = (context.session ?? context.pendingSession)?.user.language
            ?? request.cookies[AppCookies.language].flatMap { Language(rawValue: $0.value) }
            ?? Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
            ?? settings.current.defaultLanguage
        let handled = context
        var response = try await LayoutReads.$current.withValue(layout) { try await next(request, handled) }
        if clearCookie, response.headers[.setCookie] == nil { response.setCookie(cookies.expired(AppCookies.session)) }
        return response
    }
}
