import Foundation
import Hummingbird

/// `/cases/ai-act-reclassify`: the staff's list of open and approved cases an earlier questionnaire version classified,
/// each with what the current version makes of the same answers, and the button that classifies it again.
struct AIActReclassifyController {
    let cases: CaseStore
    let store: AIActReclassifyStore
    let sessions: SessionStore
    let renderer: Renderer

    static let pageSize = 25

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.aiActReclassify), use: list)
        router.post(RouterPath(Paths.caseReclassifyPattern), use: reclassify)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.reclassifyCases)
        let requested = RequestNumber.page(request.uri.queryParameters.get("page"))
        let list = try await store.outdated(page: requested, size: Self.pageSize)
        let page = AIActReclassifyPage(list, language: context.language)
        return try await renderer.page("cases/ai_act_reclassify", page, title: .aiact_reclassify_title, context: context,
                                       path: Paths.aiActReclassify)
    }

    func reclassify(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.reclassifyCases)
        guard let id = context.parameters.get("id", as: Int64.self), try await cases.find(id: id) != nil else { throw Refusal.notFound }
        try await store.reclassify(caseId: id, by: context.auditActor)
        return try await sessions.redirect(to: Paths.aiActReclassify, flash: .flash_aiact_reclassified, context)
    }
}

/// The re-classification list: each case, its class and version now, and what the current questionnaire gives.
struct AIActReclassifyPage: Sendable {
    struct Row: Sendable {
        let title: String
        let href: String
        let status: String
        let now: String
        let then: String
        let changes: Bool
        let action: String
    }
    let rows: [Row]
    let hasRows: Bool
    let lead: String
    let pager: MeetingPages.Pager?

    init(_ list: ListPage<AIActOutdatedCase>, language: Language) {
        let t = Catalog.messages(language)
        func describe(_ riskClass: AIActClass?, _ labels: [AIActLabel]) -> String {
            guard let riskClass else { return t[.aiact_reclassify_incomplete] }
            let points = labels.filter { $0.kind == .riskClass && !$0.point.isEmpty }.map { t[runtime: "aiact_point_\($0.point)"] ?? $0.point }
            return (t[runtime: "aiact_class_\(riskClass.rawValue)"] ?? riskClass.rawValue) + (points.isEmpty ? "" : " (" + points.joined(separator: ", ") + ")")
        }
        rows = list.rows.map { row in
            let current: (AIActClass?, [AIActLabel])
            switch AIActClassifier.classify(row.answers) {
            case .classified(let result): current = (result.riskClass, result.labels)
            case .incomplete, .refused: current = (nil, [])
            }
            let before = t.fill(.aiact_reclassify_version, ["version": String(row.version)]) + " — " + describe(row.riskClass, row.labels)
            return Row(title: row.title, href: Paths.case(row.caseId), status: t[runtime: "case_status_\(row.status.rawValue)"] ?? row.status.rawValue,
                       now: before, then: describe(current.0, current.1), changes: current.0 != row.riskClass || current.1 != row.labels,
                       action: Paths.caseReclassify(row.caseId))
        }
        hasRows = !rows.isEmpty
        lead = t.fill(.aiact_reclassify_lead, ["version": String(AIActQuestionnaire.version), "count": String(list.total)])
        pager = list.pageCount > 1 ? MeetingPages.Pager(
            previous: list.hasPrevious ? Paths.aiActReclassify + "?page=\(list.number - 1)" : nil,
            next: list.hasNext ? Paths.aiActReclassify + "?page=\(list.number + 1)" : nil,
            pageNumber: list.number, pageCount: list.pageCount) : nil
    }
}
