import Foundation
import Hummingbird

/// The committee's figures (`/figures`) and the annual report (`/reports/annual`): charts and tables over
/// the cases the reader may open, for a year in the committee's time zone.
struct ReportController {
    let reports: ReportStore
    /// "Systems overdue for review" (issue 18), counted through the register's visibility rule.
    let systems: SystemStore
    let settings: SettingsCache
    let renderer: Renderer
    let formats: Formats
    let clock: AppClock

    /// How many overdue systems the annual report lists by name (the rest are counted).
    static let annualSystemsListed = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.figures), use: figures)
        router.get(RouterPath(Paths.annualReport), use: annual)
    }

    /// The year asked for (`?year=`), the current one in the committee's time zone otherwise, and the years offered.
    func year(_ request: Request) async throws -> (ReportPeriod, [Int]) {
        let zone = settings.current.timeZone
        let current = ReportPeriod.year(of: clock.now, timeZone: zone)
        let first = try await reports.firstCaseTimestamp().flatMap(Timestamp.date).map { ReportPeriod.year(of: $0, timeZone: zone) } ?? current
        let years = Array(min(first, current)...current).reversed()
        let year = RequestNumber.int(request.uri.queryParameters["year"], in: 1970...9999) ?? current
        return (ReportPeriod(year: year, timeZone: zone), Array(years))
    }

    private func choices(_ years: [Int], _ selected: Int) -> [Choice] {
        (years.contains(selected) ? years : [selected] + years).map { Choice(value: String($0), label: String($0), selected: $0 == selected) }
    }

    private func loadFigures(_ actor: Requester, _ period: ReportPeriod) async throws -> ReportFigures {
        try await reports.figures(for: actor, period: period, today: formats.localISODate(),
                                  localOffset: ReportPeriod.offsetModifier(at: clock.now, timeZone: settings.current.timeZone))
    }

    /// The incident figures of the year, over the incidents the reader may see.
    private func incidentFigures(_ actor: Requester, _ period: ReportPeriod) async throws -> IncidentFigures {
        try await reports.incidentFigures(
            for: actor, period: period, localOffset: ReportPeriod.offsetModifier(at: clock.now, timeZone: settings.current.timeZone))
    }

    func figures(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewFigures)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let (period, years) = try await year(request)
        let figures = try await loadFigures(actor, period)
        let language = context.language
        let charts = FigureCharts(formats: formats, language: language)
        let decided = figures.decisionsTotal.filter { $0.key != .deferred }.values.reduce(0, +)
        let late = (figures.reviews[.late] ?? 0) + (figures.reviews[.overdue] ?? 0)
        var page = ReportPages.Figures(
            year: period.year, years: choices(years, period.year), action: Paths.figures,
            headlines: [
                .init(label: charts.text(.figures_headline_opened), value: formats.number(figures.casesByStatus.values.reduce(0, +), language)),
                .init(label: charts.text(.figures_headline_decided), value: formats.number(decided, language)),
                .init(label: charts.text(.figures_headline_median),
                      value: figures.medianDays.year.map { formats.number($0, language) } ?? charts.text(.figures_no_decision)),
                .init(label: charts.text(.figures_headline_late), value: formats.number(late, language)),
            ],
            charts: charts.all(figures, year: period.year),
            exportCSV: Paths.casesExportCSV, exportJSON: Paths.casesExportJSON,
            annualHref: Paths.annualReport(year: period.year),
            systemsOverdue: try await systemsOverdue(actor, language))
        let incidents = try await incidentFigures(actor, period)
        let incidentCharts = IncidentCharts(formats: formats, language: language)
        page.incidentHeadlines = incidentCharts.headlines(incidents)
        page.incidentCharts = incidentCharts.all(incidents, year: period.year)
        let title = (Catalog.messages(language)[.figures_title]) + " " + String(period.year)
        return try await renderer.page("reports/figures", page, titleText: title, context: context, path: Paths.figures)
    }

    /// Systems in service or suspended whose review date has passed, today (not a figure of the chosen year), counted and
    /// listed through the register's visibility rule (`SystemStore.overdueForReview`): the first `limit`.
    private func systemsOverdue(_ actor: Requester, _ language: Language, limit: Int = 10) async throws -> ReportPages.SystemsOverdue {
        let today = formats.localISODate()
        let (count, rows) = try await systems.overdueForReview(for: actor, today: today, limit: limit)
        return ReportPages.SystemsOverdue(
            count: Catalog.messages(language).fill(.figures_systems_overdue_count, count: count), hasAny: count > 0,
            rows: rows.map { ReportPages.SystemsOverdue.Row(href: Paths.system($0.id), name: $0.name, owner: $0.ownerName,
                                                             due: formats.calendarDate($0.nextReviewOn, language)) },
            more: count > rows.count ? Paths.systems : nil,
            moreText: count > rows.count
                ? Catalog.messages(language).fill(.members_more, ["count": formats.number(count - rows.count, language)]) : nil,
            on: formats.calendarDate(today, language))
    }

    /// The annual report: a standalone page with print CSS (A4, running header, page numbers, charts never split).
    func annual(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewAnnualReport)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let (period, years) = try await year(request)
        let today = formats.localISODate()
        let figures = try await loadFigures(actor, period)
        let report = try await reports.annual(for: actor, period: period, today: today)
        let language = context.language
        let charts = FigureCharts(formats: formats, language: language)
        func n(_ value: Int) -> String { formats.number(value, language) }
        let totals = figures.decisionsTotal
        let kinds = report.deliverableKinds
        var page = ReportPages.Annual(
            lang: language.rawValue, committeeName: settings.current.committeeName,
            title: charts.text(.annual_title, period.year), year: period.year, years: choices(years, period.year),
            action: Paths.annualReport, generated: formats.dateTime(Timestamp.string(clock.now), language),
            icon: Layout.LinkPaths().icon, backHref: Paths.figures(year: period.year),
            cases: [
                .init(label: charts.text(.annual_cases_received), value: n(report.casesReceived)),
                .init(label: charts.text(.annual_cases_decided), value: n(report.casesDecided)),
                .init(label: charts.text(.annual_median_days),
                      value: figures.medianDays.year.map { formats.number($0, language) } ?? charts.text(.figures_no_decision)),
            ],
            decisionsTable: DecisionOutcome.allCases.map { .init(label: charts.text(runtime: "outcome_\($0.rawValue)"), value: n(totals[$0] ?? 0)) },
            decisions: charts.decisions(figures, year: period.year), median: charts.medianDays(figures, year: period.year),
            aiActClasses: charts.aiActClasses(figures, year: period.year), aiActRoles: charts.aiActRoles(figures, year: period.year),
            conditions: conditionFigures(report, charts),
            meetings: report.meetings.map {
                .init(date: formats.date($0.startsAt, language), title: $0.title, invited: n($0.invited), present: n($0.present))
            },
            hasMeetings: !report.meetings.isEmpty,
            meetingFigures: meetingFigures(report, charts),
            versions: report.charterVersions.map {
                .init(document: charts.text(runtime: "document_\($0.kind)"), number: $0.number, kind: charts.text(runtime: "annual_change_\($0.changeKind)"),
                      note: $0.changeNote, date: formats.date($0.publishedAt, language))
            },
            hasVersions: !report.charterVersions.isEmpty,
            deliverables: report.deliverables.map {
                .init(title: $0.title, kind: charts.text(runtime: "deliverable_kind_\($0.kind.rawValue)"), date: formats.date($0.deliveredAt, language))
            },
            hasDeliverables: !kinds.isEmpty,
            deliverablesMore: report.deliverablesMore > 0
                ? Catalog.messages(language).fill(.members_more, ["count": n(report.deliverablesMore)]) : nil,
            deliverableKinds: DeliverableKind.allCases.compactMap { kind in
                kinds[kind].map { .init(label: charts.text(runtime: "deliverable_kind_\(kind.rawValue)"), value: n($0)) }
            })
        let incidents = try await incidentFigures(actor, period)
        let incidentCharts = IncidentCharts(formats: formats, language: language)
        page.incidentFigures = incidentCharts.headlines(incidents)
        page.incidentCharts = incidentCharts.all(incidents, year: period.year)
        page.systemsOverdue = try await systemsOverdue(actor, language, limit: Self.annualSystemsListed)
        return try renderer.standalone("reports/annual", page, context: context)
    }

    /// The annual report's conditions: set, met, open and overdue.
    private func conditionFigures(_ report: AnnualFigures, _ charts: FigureCharts) -> [ReportPages.Headline] {
        [(MessageKey.annual_conditions_set, report.conditionsSet), (.annual_conditions_met, report.conditionsMet),
         (.annual_conditions_open, report.conditionsOpen), (.annual_conditions_overdue, report.conditionsOverdue)].map {
            .init(label: charts.text($0.0), value: formats.number($0.1, charts.language))
        }
    }

    /// The annual report's meetings held and the attendance rate.
    private func meetingFigures(_ report: AnnualFigures, _ charts: FigureCharts) -> [ReportPages.Headline] {
        [.init(label: charts.text(.annual_meetings_held), value: formats.number(report.meetings.count, charts.language)),
         .init(label: charts.text(.annual_attendance_rate),
               value: report.attendanceRate.map { formats.percent($0, charts.language) } ?? charts.text(.annual_no_attendance))]
    }
}
