import Foundation
import Hummingbird

/// Serves `Public/` for the static prefixes only, before the session lookup and the router:
/// a stylesheet costs no database read, and error pages further in cannot shadow a file.
struct StaticFilesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let files: FileMiddleware<AppRequestContext, LocalFileSystem>

    init(folder: String) {
        files = FileMiddleware(folder, searchForIndexHtml: false)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Paths.isStatic(request.uri.path) else { return try await next(request, context) }
        // The file system reads a name up to its first NUL: "/css/app.css%00.x" would serve app.css. No file
        // of ours has a control character or a backslash in its name.
        guard let decoded = request.uri.path.removingPercentEncoding,
              !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" })
        else { throw HTTPError(.notFound) }
        return try await files.handle(request, context: context) { _, _ in throw HTTPError(.notFound) }
    }
}
