import Hummingbird
import NIOCore

/// Every non-GET request must carry the form field `_csrf` equal, in constant time, to the session's
/// token (signed in) or to the pre-sign-in cookie (signed out). Reads and caps the body once, and
/// hands the parsed form to the route.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let field = "_csrf"
    let cookies: AppCookies
    let maxBodyBytes: Int
    /// Multipart bodies carry files, so they may be larger.
    let maxUploadBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let cookieToken = request.cookies[AppCookies.csrf]?.value ?? ""
        var newCookieToken: String?
        if context.session != nil || context.pendingSession != nil {
            // The session middleware already set the session's token.
        } else if cookieToken.count >= 32 {
            context.csrfToken = cookieToken
        } else {
            newCookieToken = Tokens.random()
            context.csrfToken = newCookieToken!
        }

        if request.method != .get && request.method != .head {
            let contentType = request.headers[.contentType] ?? ""
            let boundary = MultipartForm.boundary(of: contentType)
            // Files are only ever accepted from signed-in people: refuse a stranger's upload before reading it.
            if boundary != nil && context.session == nil { throw AppError.signInRequired }
            let body: ByteBuffer
            do { body = try await request.collectBody(upTo: boundary == nil ? maxBodyBytes : maxUploadBytes) } catch {
                throw AppError.payloadTooLarge
            }
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                context.form = FormFields(urlEncoded: body.readableBytesView)
            } else if let boundary {
                guard let parsed = try? MultipartForm.parse(body, boundary: boundary) else { throw AppError.badRequest }
                context.form = FormFields(pairs: parsed.fields)
                context.uploads = parsed.files
            }
            let expected = (context.session ?? context.pendingSession)?.csrfToken ?? cookieToken
            guard !expected.isEmpty, Tokens.constantTimeEqual(context.form.raw(Self.field), expected) else {
                throw Refusal.forbidden
            }
        }

        var response = try await next(request, context)
        if let newCookieToken { response.setCookie(cookies.make(AppCookies.csrf, newCookieToken)) }
        return response
    }
}
