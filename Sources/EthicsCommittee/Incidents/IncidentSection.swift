import Foundation

/// The incidents section of a system page: its incidents the reader may see, paged by `incidents_page` (ten a page),
/// and the report button when the policy offers it.
struct IncidentSection {
    let incidents: IncidentStore
    let formats: Formats

    static let pageSize = 10
    static let pageParameter = "incidents_page"

    func section(systemId: Int64, facts: SystemFacts, actor: Requester, requestedPage: Int, language: Language) async throws
        -> IncidentPages.SystemSection {
        let (shown, _) = try await incidents.list(for: actor, filter: IncidentFilter(), systemId: systemId, page: requestedPage,
                                                  size: Self.pageSize)
        let views = IncidentViews(formats: formats, language: language)
        func link(_ page: Int) -> String { Paths.system(systemId) + "?\(Self.pageParameter)=\(page)#incidents" }
        return IncidentPages.SystemSection(
            rows: shown.rows.map(views.row), hasRows: !shown.rows.isEmpty, count: Catalog.messages(language).fill(.incidents_count, count: shown.total),
            reportHref: Policy.decide(actor, .reportIncident(facts)) == .allow ? Paths.systemIncidentNew(systemId) : nil,
            pageNumber: shown.number, pageCount: shown.pageCount, hasPages: shown.pageCount > 1,
            previous: shown.hasPrevious ? link(shown.number - 1) : nil, next: shown.hasNext ? link(shown.number + 1) : nil)
    }
}
