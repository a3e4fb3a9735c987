import Hummingbird

/// Meetings: planning, the agenda, the meeting's lifecycle, ballots, minutes and the meeting pack.
func addMeetingRoutes(_ app: AppServices, to router: Router<AppRequestContext>, renderer: Renderer, caseBuilder: CaseShowBuilder) {
    let meetingViews = MeetingViews(meetings: app.meetings, agenda: app.agenda, minutes: app.minutes, settings: app.settings,
                                    formats: app.formats)
    let meetingBuilder = MeetingShowBuilder(meetings: app.meetings, agenda: app.agenda, minutes: app.minutes, users: app.users,
                                            renderer: renderer, views: meetingViews)
    let meetingPlanning = MeetingController(meetings: app.meetings, agenda: app.agenda, sessions: app.sessions, renderer: renderer,
                                            views: meetingViews, builder: meetingBuilder)
    meetingPlanning.addRoutes(to: router)
    MeetingLifecycleController(meetings: app.meetings, sessions: app.sessions, renderer: renderer, views: meetingViews,
                               builder: meetingBuilder, planning: meetingPlanning).addRoutes(to: router)
    AgendaController(agenda: app.agenda, meetings: app.meetings, users: app.users, sessions: app.sessions, views: meetingViews,
                     builder: meetingBuilder).addRoutes(to: router)
    BallotController(ballots: app.agenda.ballots, users: app.users, sessions: app.sessions, views: meetingViews,
                     builder: meetingBuilder).addRoutes(to: router)
    MinutesController(minutes: app.minutes, meetings: app.meetings, sessions: app.sessions, renderer: renderer, viewLog: app.viewLog,
                      views: meetingViews).addRoutes(to: router)
    MeetingPackController(views: meetingViews, builder: MeetingPackBuilder(views: meetingViews, cases: app.cases, caseBuilder: caseBuilder),
                          renderer: renderer, viewLog: app.viewLog).addRoutes(to: router)
}
