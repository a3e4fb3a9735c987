import Foundation
import Hummingbird

/// `/incidents`: the incidents on the systems a person may see, paged, with status tabs (counted in SQL by the
/// same rule) and filters; and the same selection as CSV for those who may export.
struct IncidentListController {
    let incidents: IncidentStore
    let renderer: Renderer
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.incidents), use: list)
        router.get(RouterPath(Paths.incidentsExportCSV), use: exportCSV)
    }

    static func filter(_ request: Request) -> IncidentFilter {
        let query = request.uri.queryParameters
        return IncidentFilter(status: query["status"].flatMap { IncidentStatus(rawValue: String($0)) },
                              severity: query["severity"].flatMap { IncidentSeverity(rawValue: String($0)) },
                              harmType: query["harm"].flatMap { HarmType(rawValue: String($0)) },
                              source: query["source"].flatMap { IncidentSource(rawValue: String($0)) })
    }

    /// The query string of a filter (and page), for links.
    static func query(_ filter: IncidentFilter, page: Int? = nil) -> String {
        var parts: [String] = []
        if let status = filter.status { parts.append("status=\(status.rawValue)") }
        if let severity = filter.severity { parts.append("severity=\(severity.rawValue)") }
        if let harm = filter.harmType { parts.append("harm=\(harm.rawValue)") }
        if let source = filter.source { parts.append("source=\(source.rawValue)") }
        if let page { parts.append("page=\(page)") }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewIncidents)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let filter = Self.filter(request)
        let requested = RequestNumber.page(request.uri.queryParameters["page"])
        let (shown, byStatus) = try await incidents.list(for: actor, filter: filter, page: requested)
        let views = IncidentViews(formats: formats, language: context.language)
        let language = context.language
        var all = filter
        all.status = nil
        let tabs = [StatusTab(href: Paths.incidents + Self.query(all), label: views.text(.incident_status_all),
                              count: formats.number(byStatus.values.reduce(0, +), language), current: filter.status == nil)]
            + IncidentStatus.allCases.map { status in
                var one = filter
                one.status = status
                return StatusTab(href: Paths.incidents + Self.query(one), label: views.status(status),
                                 count: formats.number(byStatus[status] ?? 0, language), current: filter.status == status)
            }
        func link(_ page: Int) -> String { Paths.incidents + Self.query(filter, page: page) }
        var values = FormState()
        values.values = ["severity": filter.severity?.rawValue ?? "", "harm_type": filter.harmType?.rawValue ?? "",
                         "source": filter.source?.rawValue ?? ""]
        let page = IncidentPages.List(
            tabs: tabs, action: Paths.incidents, status: filter.status?.rawValue ?? "",
            severities: values.choices("severity", IncidentSeverity.allCases.map { ($0.rawValue, views.severity($0)) }),
            harmTypes: values.choices("harm_type", HarmType.allCases.map { ($0.rawValue, views.harm($0)) }),
            sources: values.choices("source", IncidentSource.allCases.map { ($0.rawValue, views.text(runtime: "incident_source_\($0.rawValue)")) }),
            rows: shown.rows.map(views.row), hasRows: !shown.rows.isEmpty,
            count: Catalog.messages(language).fill(.incidents_count, count: shown.total),
            pageNumber: shown.number, pageCount: shown.pageCount, hasPages: shown.pageCount > 1,
            previous: shown.hasPrevious ? link(shown.number - 1) : nil, next: shown.hasNext ? link(shown.number + 1) : nil,
            exportHref: Policy.decide(actor, .exportCases) == .allow ? Paths.incidentsExportCSV + Self.query(filter) : nil)
        return try await renderer.page("incidents/index", page, title: .incidents_title, context: context, path: Paths.incidents)
    }

    /// The incidents the person may see under the list's filters, one row each, as CSV (the staff and internal
    /// members, as the case export), newest first, streamed in batches (`IncidentStore.exportBatches`): complete
    /// whatever their number.
    func exportCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.exportCases)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let batches = incidents.exportBatches(for: actor, filter: Self.filter(request))
        let (views, dates) = (IncidentViews(formats: formats, language: context.language), formats)
        let header = ["incident_export_id", "incident_export_reported", "incident_system", "field_title", "incident_harm_type",
                      "incident_severity", "field_status", "incident_export_source", "incident_people_affected",
                      "incident_fallback_used", "incident_aware_on", "incident_export_deadline", "incident_export_notified",
                      "incident_triaged_at", "incident_closed_at"].map(views.text)
        return StreamedDownload.response(type: "text/csv; charset=utf-8", name: "incidents-\(formats.localISODate()).csv") { writer in
            try await writer.write(ByteBuffer(string: CSV.byteOrderMark + CSV.line(header)))
            for try await batch in batches {
                var text = ""
                for row in batch {
                    let due = Art73Deadline.due(severity: row.severity, awareOn: row.awareOn, case: row.art73Case)
                    text += CSV.line([
                        String(row.id), dates.localISODate(of: row.reportedAt), row.systemName ?? "", row.title, views.harm(row.harmType),
                        views.severity(row.severity), views.status(row.status), views.text(runtime: "incident_source_\(row.source.rawValue)"),
                        row.peopleAffected.map(String.init) ?? "", views.text(runtime: "incident_fallback_\(row.fallbackUsed.rawValue)"),
                        row.awareOn, due ?? "", row.authorityNotifiedOn ?? "",
                        row.triagedAt.map { dates.localISODate(of: $0) } ?? "", row.closedAt.map { dates.localISODate(of: $0) } ?? ""])
                }
                try await writer.write(ByteBuffer(string: text))
            }
        }
    }
}
