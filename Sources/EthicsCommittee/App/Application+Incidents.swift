import Hummingbird

extension AppServices {
    /// The incident store: evidence files live beside case attachments, in their own folder.
    var incidents: IncidentStore {
        IncidentStore(db: database, clock: config.clock, directory: config.resolvedAttachmentsDirectory + "/incidents")
    }
}

/// Incidents and feedback (issue 18): reports on systems, `/incidents`, triage, the public feedback form.
func addIncidentRoutes(_ app: AppServices, to router: Router<AppRequestContext>, renderer: Renderer) {
    let config = app.config
    // The incidents list routes first: `/incidents/export.csv` is not an incident id.
    IncidentListController(incidents: app.incidents, renderer: renderer, formats: app.formats).addRoutes(to: router)
    IncidentController(incidents: app.incidents, systems: app.systems, users: app.users, sessions: app.sessions, renderer: renderer, formats: app.formats,
                       maxBytes: config.maxAttachmentBytes).addRoutes(to: router)
    PublicFeedbackController(incidents: app.incidents, settings: app.settings, renderer: renderer, formats: app.formats,
                             throttle: LoginThrottle(PublicFeedbackController.throttleLimits), clock: config.clock).addRoutes(to: router)
}
