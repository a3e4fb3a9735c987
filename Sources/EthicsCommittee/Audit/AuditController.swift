import Foundation
import Hummingbird

/// The admin's view of the audit trail, newest first, paged.
struct AuditController {
    let audit: AuditStore
    let renderer: Renderer
    let formats: Formats
    static let pageSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.audit), use: list)
    }

    struct Row: Sendable {
        let id: Int64
        let at: String
        let actor: String
        let action: String
        let target: String
        let detail: String
        let client: String
    }

    struct Page: Sendable {
        let rows: [Row]
        let pageNumber: Int
        let pageCount: Int
        let total: Int
        let previous: String?
        let next: String?
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.readAuditTrail)
        let total = try await audit.count()
        let pageCount = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let number = min(max(1, Int(request.uri.queryParameters["page"].map(String.init) ?? "1") ?? 1), pageCount)
        let rows = try await audit.page(offset: (number - 1) * Self.pageSize, limit: Self.pageSize).map { entry in
            Row(id: entry.id, at: formats.dateTime(entry.at, context.language, seconds: true), actor: entry.actor,
                action: entry.action, target: entry.targetType.isEmpty ? "" : "\(entry.targetType) \(entry.targetId)",
                detail: entry.detail, client: entry.client)
        }
        let page = Page(rows: rows, pageNumber: number, pageCount: pageCount, total: total,
                        previous: number > 1 ? Paths.audit(page: number - 1) : nil,
                        next: number < pageCount ? Paths.audit(page: number + 1) : nil)
        return try await renderer.page("admin/audit", page, title: "audit_title", context: context, path: Paths.audit)
    }
}
