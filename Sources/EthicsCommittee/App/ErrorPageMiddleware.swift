import Foundation
import GRDB
import Hummingbird
import Logging

/// Turns every error into a generic page with its status; details go to the log with the request id.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: Renderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AppError {
            if error == .signInRequired { return signInRedirect(request) }
            if error == .onboardingRequired { return Response.redirect(to: Paths.welcome, type: .found) }
            if error == .reauthenticationRequired { return Response.redirect(to: Paths.confirmIdentity(next: back(request)), type: .normal) }
            return renderer.errorPage(error.status, request: request, context: context)
        } catch let refusal as Refusal {
            return renderer.errorPage(refusal.status, request: request, context: context, explanationKey: refusal.key)
        } catch let refusal as StateRefusal {
            return renderer.errorPage(refusal.refusal.status, request: request, context: context, explanationKey: refusal.refusal.key)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // A constraint is the last guard of an invariant a concurrent request broke first: a conflict, not a crash.
            log(error, context)
            return renderer.errorPage(.conflict, request: request, context: context)
        } catch let error as HTTPError {
            // Router misses (404) and Hummingbird's own refusals (bad method, body too large).
            if error.status.code >= 500 { log(error, context) }
            return renderer.errorPage(error.status, request: request, context: context)
        } catch {
            log(error, context)
            return renderer.errorPage(.internalServerError, request: request, context: context)
        }
    }

    private func log(_ error: any Error, _ context: Context) {
        context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "request": "\(context.id)"])
    }

    /// Where to come back after re-authenticating: the page itself (GET), or the page the form was on.
    private func back(_ request: Request) -> String {
        if request.method == .get, let here = SafeRedirect.relative(request.uri.description) { return here }
        let referer = request.headers[.referer].flatMap { URL(string: $0) }
        let path = referer.map { $0.path + ($0.query.map { "?" + $0 } ?? "") }
        return SafeRedirect.relative(path) ?? Paths.home
    }

    /// Signed-out visitors go to the sign-in page, which sends them back here after (relative paths only).
    private func signInRedirect(_ request: Request) -> Response {
        let next = request.method == .get ? SafeRedirect.relative(request.uri.description) : nil
        return Response.redirect(to: Paths.login(next: next), type: .found)
    }
}
