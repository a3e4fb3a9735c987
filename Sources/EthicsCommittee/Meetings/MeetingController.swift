import Foundation
import Hummingbird

/// The meetings list, planning a meeting, its page, its calendar file, holding it and its attendance.
struct MeetingController {
    let meetings: MeetingStore
    let agenda: AgendaStore
    let sessions: SessionStore
    let renderer: Renderer
    let views: MeetingViews
    let builder: MeetingShowBuilder

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.meetings), use: list)
        router.get(RouterPath(Paths.newMeeting), use: new)
        router.post(RouterPath(Paths.meetings), use: create)
        router.get(RouterPath(Paths.meetingCalendarPattern), use: calendar)
        router.get(RouterPath(Paths.meetingPattern), use: show)
        router.post(RouterPath(Paths.meetingHoldPattern), use: hold)
        router.post(RouterPath(Paths.meetingAttendancePattern), use: attendance)
    }

    /// Upcoming meetings (planned, in the future), soonest first, then past ones (held, closed, cancelled, or
    /// planned but dated in the past), latest first: each half paged on its own.
    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewMeetings)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let messages = Catalog.messages(context.language)
        let now = Timestamp.string(views.formats.clock.now)
        let query = request.uri.queryParameters
        let upcomingPage = RequestNumber.page(query["upcoming"].map(String.init)), pastPage = RequestNumber.page(query["past"].map(String.init))
        func rows(_ found: [Meeting]) -> [MeetingPages.ListRow] {
            found.map { meeting in
                let overdue = meeting.status == .planned && meeting.startsAt < now
                return MeetingPages.ListRow(href: Paths.meeting(meeting.id), title: meeting.title, when: views.when(meeting, context.language),
                                            status: messages[runtime: overdue ? "meeting_status_not_held" : "meeting_status_\(meeting.status.rawValue)"] ?? "",
                                            statusKey: meeting.status.rawValue)
            }
        }
        let upcoming = try await meetings.list(for: actor, upcoming: true, now: now, page: upcomingPage)
        let past = try await meetings.list(for: actor, upcoming: false, now: now, page: pastPage)
        // Each half pages on its own; the other half's page stays in the links.
        func pager(_ shown: ListPage<Meeting>, _ link: (Int) -> String) -> MeetingPages.Pager? {
            guard shown.pageCount > 1 else { return nil }
            return MeetingPages.Pager(previous: shown.hasPrevious ? link(shown.number - 1) : nil, next: shown.hasNext ? link(shown.number + 1) : nil,
                                      pageNumber: shown.number, pageCount: shown.pageCount)
        }
        let page = MeetingPages.List(
            upcoming: rows(upcoming.rows), hasUpcoming: !upcoming.rows.isEmpty, past: rows(past.rows), hasPast: !past.rows.isEmpty,
            newHref: Policy.decide(actor, .manageMeetings) == .allow ? Paths.newMeeting : nil,
            upcomingPager: pager(upcoming) { Paths.meetings + "?upcoming=\($0)&past=\(past.number)" },
            pastPager: pager(past) { Paths.meetings + "?upcoming=\(upcoming.number)&past=\($0)" })
        return try await renderer.page("meetings/index", page, title: .meetings_title, context: context, path: Paths.meetings)
    }

    func new(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageMeetings)
        let voting = Set(try await meetings.votingMembers().map(\.userId))
        let form = try await formPage(title: "", startsAt: "", duration: "120", place: "", videoURL: "", invited: voting,
                                      errors: FieldErrors(), context: context)
        return try await renderer.page("meetings/form", form, title: .meeting_new_title, context: context, path: Paths.newMeeting)
    }

    /// The planning form, or with `editing` the form that changes that planned meeting.
    func formPage(title: String, startsAt: String, duration: String, place: String, videoURL: String, invited: Set<Int64>,
                  errors: FieldErrors, editing: Meeting? = nil, context: AppRequestContext) async throws -> MeetingPages.Form {
        let messages = Catalog.messages(context.language)
        let committee = try await meetings.committee()
        return MeetingPages.Form(
            action: (editing.map { Paths.meetingEdit($0.id) } ?? Paths.meetings) + "#meeting-form",
            heading: messages[editing == nil ? .meeting_new_title : .meeting_edit_title],
            submit: messages[editing == nil ? .meeting_create : .meeting_edit_save],
            backHref: editing.map { Paths.meeting($0.id) } ?? Paths.meetings,
            editing: editing != nil, title: title, startsAt: startsAt, duration: duration, place: place, videoURL: videoURL,
            timeZone: views.settings.current.timeZone,
            members: committee.map { member in
                let kind = messages[member.external ? .member_external : .member_internal]
                let vote = member.voting ? "" : " · " + messages[.meeting_non_voting]
                return MeetingPages.InviteeOption(value: String(member.userId), label: "\(member.name) (\(kind)\(vote))",
                                                  checked: invited.contains(member.userId))
            },
            errors: errors.messages(context.language), error: errors.isEmpty ? nil : messages[.meeting_form_errors])
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageMeetings)
        let form = MeetingForm(context.form, committee: Set(try await meetings.committee().map(\.userId)))
        let (draft, errors) = form.validate(formats: views.formats)
        guard let draft else {
            let page = try await formPage(form, errors: errors, context: context)
            return try await renderer.page("meetings/form", page, title: .meeting_new_title, context: context,
                                           path: Paths.newMeeting, status: .unprocessableContent)
        }
        let id = try await meetings.create(draft, by: context.auditActor)
        return try await done(id, .flash_meeting_created, context)
    }

    /// The form again with what was typed and the messages.
    func formPage(_ form: MeetingForm, errors: FieldErrors, editing: Meeting? = nil,
                  context: AppRequestContext) async throws -> MeetingPages.Form {
        try await formPage(title: form.title, startsAt: form.local, duration: form.duration, place: form.place, videoURL: form.videoURL,
                           invited: Set(form.invited), errors: errors, editing: editing, context: context)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        let page = try await builder.page(record, context: context)
        return try await renderer.page("meetings/show", page, titleText: record.meeting.title, context: context,
                                       path: Paths.meeting(record.meeting.id))
    }

    func calendar(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        let text = MeetingCalendar.ics(record.meeting, committee: views.settings.current.committeeName,
                                       host: request.head.authority ?? "ethics", now: views.formats.clock.now)
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"meeting-\(record.meeting.id).ics\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func hold(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try context.require(.manageMeetings)
        do {
            try await meetings.hold(meetingId: record.meeting.id, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await builder.refuse(record, refusal.key, context)
        }
        return try await done(record.meeting.id, .flash_meeting_held, context)
    }

    func attendance(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try context.require(.manageMeetings)
        var values: [Int64: Attendance] = [:]
        for invitee in record.invitees {
            let raw = context.form["attendance_\(invitee.userId)"]
            if raw.isEmpty { continue }
            guard let value = Attendance(rawValue: raw) else { return try await builder.refuse(record, "meeting_error_attendance", context) }
            values[invitee.userId] = value
        }
        guard !values.isEmpty else { return try await builder.refuse(record, "meeting_error_attendance", context) }
        do {
            try await meetings.recordAttendance(meetingId: record.meeting.id, values, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await builder.refuse(record, refusal.key, context)
        }
        return try await done(record.meeting.id, .flash_attendance_recorded, context)
    }

    private func done(_ id: Int64, _ flash: MessageKey, _ context: AppRequestContext) async throws -> Response {
        return try await sessions.redirect(to: Paths.meeting(id), flash: flash, context)
    }
}
