import Hummingbird

/// Cases: list, form, page, the committee's work on them, attachments, the AI Act and FRIA, written procedures.
/// Returns the case page's builder, which the meeting pack shows each case with.
func addCaseRoutes(_ app: AppServices, to router: Router<AppRequestContext>, renderer: Renderer) -> CaseShowBuilder {
    let config = app.config
    let caseBuilder = CaseShowBuilder(cases: app.cases, reviews: app.caseReviews, decisions: app.caseDecisions,
                                      attachments: app.caseAttachments, users: app.users, written: app.written, formats: app.formats)
    CaseAttachmentController(cases: app.cases, attachments: app.caseAttachments, sessions: app.sessions, renderer: renderer,
                             builder: caseBuilder, maxBytes: config.maxAttachmentBytes).addRoutes(to: router)
    CaseListController(cases: app.cases, renderer: renderer, formats: app.formats).addRoutes(to: router)
    CaseFormController(cases: app.cases, users: app.users, sessions: app.sessions, renderer: renderer).addRoutes(to: router)
    CaseController(cases: app.cases, sessions: app.sessions, renderer: renderer, builder: caseBuilder, viewLog: app.viewLog).addRoutes(to: router)
    AIActReclassifyController(cases: app.cases, store: AIActReclassifyStore(db: app.database, clock: config.clock), sessions: app.sessions,
                              renderer: renderer).addRoutes(to: router)
    FRIAController(cases: app.cases, store: FRIAStore(db: app.database, clock: config.clock), sessions: app.sessions, renderer: renderer,
                   viewLog: app.viewLog, settings: app.settings, formats: app.formats).addRoutes(to: router)
    OpinionLetterController(cases: app.cases, decisions: app.caseDecisions, renderer: renderer, settings: app.settings,
                            formats: app.formats).addRoutes(to: router)
    CaseWorkController(cases: app.cases, reviews: app.caseReviews, decisions: app.caseDecisions, users: app.users,
                       charter: app.charter, sessions: app.sessions, renderer: renderer, builder: caseBuilder, formats: app.formats).addRoutes(to: router)
    WrittenCaseController(cases: app.cases, reviews: app.caseReviews, users: app.users, store: app.written, sessions: app.sessions,
                          renderer: renderer, builder: caseBuilder, formats: app.formats).addRoutes(to: router)
    WrittenProcedureController(store: app.written, cases: app.cases, deliverables: app.deliverables, settings: app.settings,
                               sessions: app.sessions, renderer: renderer, formats: app.formats, viewLog: app.viewLog).addRoutes(to: router)
    return caseBuilder
}

/// The charter and its drafts (publishing asks the person to confirm who they are again).
func addCharterRoutes(_ app: AppServices, to router: Router<AppRequestContext>, renderer: Renderer) {
    let reauthenticator = Reauthenticator(twoFactor: app.twoFactor, users: app.users, sessions: app.sessions, passwords: app.passwords,
                                          throttle: app.throttle, clock: app.config.clock)
    CharterController(charter: app.charter, settings: app.settings, sessions: app.sessions, renderer: renderer,
                      formats: app.formats).addRoutes(to: router)
    CharterDraftController(charter: app.charter, settings: app.settings, sessions: app.sessions, renderer: renderer,
                           formats: app.formats, reauthenticator: reauthenticator).addRoutes(to: router)
}
