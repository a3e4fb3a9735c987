import Foundation
import Hummingbird

/// The case lists: all the cases a person may see, their own, those they have to review; with
/// filters and paging (the policy is applied inside the query).
struct CaseListController {
    let cases: CaseStore
    let renderer: Renderer
    let formats: Formats
    static let pageSize = 25

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.cases), use: list)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.useApp)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let query = request.uri.queryParameters
        let messages = Catalog.messages(context.language)
        // The tabs the page offers are the scopes the list answers; another one typed in the address starts from the first.
        let scopes = Policy.caseListScopes(actor)
        var filter = CaseFilter()
        filter.scope = query["scope"].flatMap { CaseFilter.Scope(rawValue: String($0)) }.flatMap { scopes.contains($0) ? $0 : nil } ?? scopes[0]
        filter.status = query["status"].flatMap { CaseStatus(rawValue: String($0)) }
        filter.tier = query["tier"].flatMap { RiskTier(rawValue: String($0)) }
        filter.overdueOnly = query["overdue"] == "1"
        filter.aiActLabel = query["ai_act"].map(String.init).flatMap { AIActFilter.codes.contains($0) ? $0 : nil }
        let requested = min(RequestNumber.page(query["page"]), ListBound.maxPage(size: Self.pageSize))
        let (firstRows, total) = try await cases.list(for: actor, filter: filter, today: formats.localISODate(),
                                                      offset: RequestNumber.offset(page: requested, size: Self.pageSize), limit: Self.pageSize)
        let pageCount = ListBound.pageCount(total: total, size: Self.pageSize)
        let number = min(max(1, requested), pageCount)
        let rows = number == requested ? firstRows : try await cases.list(
            for: actor, filter: filter, today: formats.localISODate(), offset: RequestNumber.offset(page: number, size: Self.pageSize), limit: Self.pageSize).0

        func link(scope: CaseFilter.Scope? = nil, page: Int? = nil) -> String {
            var parts = ["scope=\((scope ?? filter.scope).rawValue)"]
            if scope == nil {
                if let status = filter.status { parts.append("status=\(status.rawValue)") }
                if let tier = filter.tier { parts.append("tier=\(tier.rawValue)") }
                if filter.overdueOnly { parts.append("overdue=1") }
                if let label = filter.aiActLabel { parts.append("ai_act=\(label)") }
            }
            if let page { parts.append("page=\(page)") }
            return Paths.cases + "?" + parts.joined(separator: "&")
        }
        var page = CaseListPage(
            tabs: scopes.map { CaseListPage.Tab(href: link(scope: $0), label: messages[runtime: "cases_scope_\($0.rawValue)"] ?? "", current: $0 == filter.scope) },
            rows: rows.map { row in
                CaseListPage.Row(href: Paths.case(row.id), title: row.title, team: row.team,
                                 status: messages[runtime: "case_status_\(row.status.rawValue)"] ?? "", statusKey: row.status.rawValue,
                                 tier: messages[runtime: "tier_\(row.riskTier.rawValue)"] ?? "", tierKey: row.riskTier.rawValue,
                                 confidential: row.confidential, overdue: row.overdue,
                                 updated: formats.date(row.updatedAt, context.language),
                                 aiActClass: row.aiActClass.flatMap { messages[runtime: "aiact_class_\($0.rawValue)"] } ?? "",
                                 aiActClassKey: row.aiActClass?.rawValue ?? "")
            },
            total: total, totalLabel: ListBound.countLabel(.cases_count, total, context.language),
            statuses: CaseStatus.allCases.map { Choice(value: $0.rawValue, label: messages[runtime: "case_status_\($0.rawValue)"] ?? "", selected: $0 == filter.status) },
            tiers: RiskTier.allCases.map { Choice(value: $0.rawValue, label: messages[runtime: "tier_\($0.rawValue)"] ?? "", selected: $0 == filter.tier) },
            aiActLabels: AIActFilter.codes.map { Choice(value: $0, label: messages[runtime: "aiact_label_\($0)"] ?? $0, selected: $0 == filter.aiActLabel) },
            overdueOnly: filter.overdueOnly, scope: filter.scope.rawValue,
            canCreate: Policy.decide(actor, .createCase) == .allow, newCase: Paths.newCase,
            pageNumber: number, pageCount: pageCount,
            previous: number > 1 ? link(page: number - 1) : nil, next: number < pageCount ? link(page: number + 1) : nil)
        if Policy.decide(actor, .exportCases) == .allow {
            let filters = [filter.status.map { "status=\($0.rawValue)" }, filter.tier.map { "tier=\($0.rawValue)" }].compactMap { $0 }
            let query = filters.isEmpty ? "" : "?" + filters.joined(separator: "&")
            page.exportCSV = Paths.casesExportCSV + query
            page.exportJSON = Paths.casesExportJSON + query
        }
        if Policy.decide(actor, .reclassifyCases) == .allow { page.reclassifyHref = Paths.aiActReclassify }
        return try await renderer.page("cases/index", page, title: .cases_title, context: context, path: Paths.cases)
    }
}
