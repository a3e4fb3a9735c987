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

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewMeetings)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let messages = Catalog.messages(context.language)
        let now = Timestamp.string(views.formats.clock.now)
        let rows = try await meetings.list(for: actor).map { meeting in
            (meeting, MeetingPages.ListRow(href: Paths.meeting(meeting.id), title: meeting.title,
                                           when: views.when(meeting, context.language),
                                           status: messages["meeting_status_\(meeting.status.rawValue)"] ?? "",
                                           statusKey: meeting.status.rawValue))
        }
        let upcoming = rows.filter { $0.0.status == .planned || $0.0.startsAt >= now }.reversed().map(\.1)
        let past = rows.filter { !($0.0.status == .planned || $0.0.startsAt >= now) }.map(\.1)
        let page = MeetingPages.List(
            upcoming: upcoming, hasUpcoming: !upcoming.isEmpty, past: past, hasPast: !past.isEmpty,
            newHref: Policy.decide(actor, .manageMeetings) == .allow ? Paths.newMeeting : nil)
        return try await renderer.page("meetings/index", page, title: "meetings_title", context: context, path: Paths.meetings)
    }

    func new(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageMeetings)
        let voting = Set(try await meetings.votingMembers().map(\.userId))
        let form = try await formPage(title: "", startsAt: "", duration: "120", place: "", videoURL: "", invited: voting,
                                      errors: FieldErrors(), context: context)
        return try await renderer.page("meetings/form", form, title: "meeting_new_title", context: context, path: Paths.newMeeting)
    }

    private func formPage(title: String, startsAt: String, duration: String, place: String, videoURL: String, invited: Set<Int64>,
                          errors: FieldErrors, context: AppRequestContext) async throws -> MeetingPages.Form {
        let messages = Catalog.messages(context.language)
        let committee = try await meetings.committee()
        return MeetingPages.Form(
            action: Paths.meetings, title: title, startsAt: startsAt, duration: duration, place: place, videoURL: videoURL,
            timeZone: views.settings.current.timeZone,
            members: committee.map { member in
                let kind = messages[member.external ? "member_external" : "member_internal"] ?? ""
                let vote = member.voting ? "" : " · " + (messages["meeting_non_voting"] ?? "")
                return MeetingPages.InviteeOption(value: String(member.userId), label: "\(member.name) (\(kind)\(vote))",
                                                  checked: invited.contains(member.userId))
            },
            errors: errors.messages(context.language), error: errors.isEmpty ? nil : messages["meeting_form_errors"])
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageMeetings)
        let form = context.form
        var errors = FieldErrors()
        let title = form["title"], place = form["place"], video = form["video_url"], local = form["starts_at"]
        if let problem = Validate.text(title, max: 200) { errors.add("title", problem) }
        let startsAt = views.formats.storedTimestamp(fromLocal: local)
        if startsAt == nil { errors.add("starts_at", "meeting_error_when") }
        // A meeting is planned for the future: one dated now or earlier would be held before its agenda exists.
        if let startsAt, startsAt <= Timestamp.string(views.formats.clock.now) { errors.add("starts_at", "meeting_error_past") }
        let duration = Int(form["duration"]) ?? 0
        if !(15...720).contains(duration) { errors.add("duration", "meeting_error_duration") }
        if place.isEmpty && video.isEmpty { errors.add("place", "meeting_error_where") }
        if let problem = Validate.text(place, max: 300, required: false) { errors.add("place", problem) }
        if !video.isEmpty && !VideoLink.isValid(video) {
            errors.add("video_url", "meeting_error_video")
        }
        let committee = Set(try await meetings.committee().map(\.userId))
        let invited = form.choices("invitees") { RequestNumber.id($0) }.filter(committee.contains)
        if invited.isEmpty { errors.add("invitees", "meeting_error_invitees") }
        guard errors.isEmpty, let startsAt else {
            let page = try await formPage(title: title, startsAt: local, duration: form["duration"], place: place, videoURL: video,
                                          invited: Set(invited), errors: errors, context: context)
            return try await renderer.page("meetings/form", page, title: "meeting_new_title", context: context,
                                           path: Paths.newMeeting, status: .unprocessableContent)
        }
        let id = try await meetings.create(MeetingDraft(title: title, startsAt: startsAt, duration: duration, place: place,
                                                        videoURL: video, invitees: invited), by: context.auditActor)
        return try await done(id, "flash_meeting_created", context)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        let page = try await builder.page(record, context: context)
        return try await renderer.page("meetings/show", page, title: record.meeting.title, context: context,
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
        return try await done(record.meeting.id, "flash_meeting_held", context)
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
        return try await done(record.meeting.id, "flash_attendance_recorded", context)
    }

    private func done(_ id: Int64, _ flash: String, _ context: AppRequestContext) async throws -> Response {
        if let session = context.session { try await sessions.setFlash(Flash.encode(flash), idHash: session.idHash) }
        return .redirect(to: Paths.meeting(id))
    }
}
