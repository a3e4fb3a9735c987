import HTTPTypes
import Hummingbird

/// Adds the security headers to every response: pages, errors and static files alike.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static var contentSecurityPolicy: String {
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    }

    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers, path: request.uri.path)
        return response
    }

    static func apply(to headers: inout HTTPFields, path: String) {
        // A download may carry a stricter policy of its own (sandbox); keep it.
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = contentSecurityPolicy }
        headers[.xContentTypeOptions] = "nosniff"
        headers[Self.referrerPolicy] = "same-origin"
        headers[Self.frameOptions] = "DENY"
        // Static files may be cached; every other page can hold private data and must not be.
        headers[.cacheControl] = Paths.isStatic(path) ? "public, max-age=3600" : "no-store"
    }
}
