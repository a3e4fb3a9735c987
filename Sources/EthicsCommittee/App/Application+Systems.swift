import Hummingbird

/// The systems register, and the committee's figures and exports (one `ReportStore`, so one cache, for both).
func addSystemAndReportRoutes(_ app: AppServices, to router: Router<AppRequestContext>, renderer: Renderer) {
    let config = app.config
    let reports = ReportStore(db: app.database)
    let systemBuilder = SystemShowBuilder(systems: app.systems, formats: app.formats)
    let systemPages = SystemController(systems: app.systems, cases: app.cases, users: app.users, sessions: app.sessions, settings: app.settings,
                                       renderer: renderer, formats: app.formats, builder: systemBuilder,
                                       incidentSection: IncidentSection(incidents: app.incidents, formats: app.formats))
    // The export first: `/systems/export.csv` is not a system id.
    SystemExportController(systems: app.systems, formats: app.formats).addRoutes(to: router)
    systemPages.addRoutes(to: router)
    SystemActionController(systems: app.systems, renderer: renderer, formats: app.formats, settings: app.settings, builder: systemBuilder,
                           register: systemPages).addRoutes(to: router)
    ReportController(reports: reports, systems: app.systems, settings: app.settings, renderer: renderer, formats: app.formats, clock: config.clock).addRoutes(to: router)
    CaseExportController(reports: reports, formats: app.formats, clock: config.clock).addRoutes(to: router)
}
