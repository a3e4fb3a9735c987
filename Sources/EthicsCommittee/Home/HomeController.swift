import Foundation
import Hummingbird

/// The home page of each role, and the health check.
struct HomeController {
    let renderer: Renderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.home), use: home)
        router.get(RouterPath(Paths.healthz)) { _, _ in "ok" }
    }

    struct Page: Sendable {
        let greeting: String
        let roleSummary: String
        let isAdmin: Bool
    }

    func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        let messages = Catalog.messages(context.language)
        let page = Page(greeting: (messages["home_greeting"] ?? "").replacingOccurrences(of: "{name}", with: session.user.name),
                        roleSummary: messages["home_role_\(session.user.role.rawValue)"] ?? "",
                        isAdmin: Policy.decide(context.actor, .manageAccounts) == .allow)
        return try await renderer.page("home/index", page, title: "home_title", context: context, path: Paths.home)
    }
}
