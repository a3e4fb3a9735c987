import Hummingbird

/// Finds the signed-in session from the cookie and picks the interface language.
/// An unknown, expired or deactivated session is treated as signed out and its cookie cleared.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: SessionStore
    let settings: SettingsCache
    let cookies: AppCookies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var clearCookie = false
        if let value = request.cookies[AppCookies.session]?.value, !value.isEmpty {
            context.session = try await sessions.find(cookieValue: value)
            clearCookie = context.session == nil
        }
        if let session = context.session { context.csrfToken = session.csrfToken }
        context.language = context.session?.user.language
            ?? request.cookies[AppCookies.language].flatMap { Language(rawValue: $0.value) }
            ?? Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
            ?? settings.current.defaultLanguage
        var response = try await next(request, context)
        if clearCookie, response.headers[.setCookie] == nil { response.setCookie(cookies.expired(AppCookies.session)) }
        return response
    }
}
