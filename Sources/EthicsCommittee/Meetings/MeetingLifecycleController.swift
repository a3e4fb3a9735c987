import Foundation
import Hummingbird

/// A planned meeting changed or cancelled by the secretary, a held one closed, and each invitee's answer.
struct MeetingLifecycleController {
    let meetings: MeetingStore
    let sessions: SessionStore
    let renderer: Renderer
    let views: MeetingViews
    let builder: MeetingShowBuilder
    let planning: MeetingController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.meetingEditPattern), use: edit)
        router.post(RouterPath(Paths.meetingEditPattern), use: update)
        router.get(RouterPath(Paths.meetingCancelPattern), use: cancelPage)
        router.post(RouterPath(Paths.meetingCancelPattern), use: cancel)
        router.get(RouterPath(Paths.meetingClosePattern), use: closePage)
        router.post(RouterPath(Paths.meetingClosePattern), use: close)
        router.post(RouterPath(Paths.meetingRSVPPattern), use: answer)
    }

    /// The meeting in the path for the secretary; a meeting that is no longer planned answers its page with the reason.
    private func managed(_ context: AppRequestContext) async throws -> MeetingRecord {
        let record = try await views.load(context)
        try context.require(.manageMeetings)
        return record
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let meeting = record.meeting
        guard meeting.status == .planned else { return try await builder.refuse(record, "meeting_error_not_planned_change", context) }
        let page = try await planning.formPage(
            title: meeting.title, startsAt: views.formats.localInput(meeting.startsAt), duration: String(meeting.duration),
            place: meeting.place, videoURL: meeting.videoURL, invited: record.facts.invitees, errors: FieldErrors(), editing: meeting,
            context: context)
        return try await renderer.page("meetings/form", page, title: .meeting_edit_title, context: context, path: Paths.meetingEdit(meeting.id))
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let meeting = record.meeting
        let form = MeetingForm(context.form, committee: Set(try await meetings.committee().map(\.userId)))
        let (draft, errors) = form.validate(formats: views.formats)
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            var page = try await planning.formPage(form, errors: errors, editing: meeting, context: context)
            if let message { page.error = Catalog.messages(context.language)[runtime: message] }
            return try await renderer.page("meetings/form", page, title: .meeting_edit_title, context: context,
                                           path: Paths.meetingEdit(meeting.id), status: .unprocessableContent)
        }
        guard let draft else { return try await refused(errors, "meeting_form_errors") }
        do {
            try await meetings.update(meetingId: meeting.id, draft, by: context.auditActor)
        } catch let refusal as MeetingRefusal where refusal.key == "meeting_error_not_planned" {
            // Held or cancelled meanwhile: the form comes back with what was typed, and why.
            return try await refused(FieldErrors(), "meeting_error_not_planned_change")
        }
        return try await done(meeting.id, meeting.startsAt == draft.startsAt ? .flash_meeting_changed : .flash_meeting_rescheduled, context)
    }

    func cancelPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        guard record.meeting.status == .planned else { return try await builder.refuse(record, "meeting_error_not_planned_change", context) }
        return try await cancelForm(record, reason: "", error: nil, context: context, status: .ok)
    }

    /// The cancellation: a reason is required, and the form says what happens; sent with `confirm=1`.
    func cancel(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let reason = context.form.raw("reason").trimmingCharacters(in: .whitespacesAndNewlines)
        guard Confirmation.given(context.form) else {
            return try await cancelForm(record, reason: reason, error: nil, context: context, status: .ok)
        }
        if let problem = Validate.text(reason, max: FieldLimits.cancelReason) {
            return try await cancelForm(record, reason: reason, error: problem == .error_required ? "meeting_cancel_error_reason" : problem.name,
                                        context: context, status: .unprocessableContent)
        }
        do {
            try await meetings.cancel(meetingId: record.meeting.id, reason: reason, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await builder.refuse(record, refusal.key == "meeting_error_not_planned" ? "meeting_error_not_planned_change" : refusal.key,
                                            context)
        }
        return try await done(record.meeting.id, .flash_meeting_cancelled, context)
    }

    private func cancelForm(_ record: MeetingRecord, reason: String, error: String?, context: AppRequestContext,
                            status: HTTPResponse.Status) async throws -> Response {
        let messages = Catalog.messages(context.language), id = record.meeting.id
        let cases = record.items.filter { $0.kind == .case && $0.decidedAt == nil }.count
        let page = MeetingLifecyclePages.Cancel(
            heading: messages.fill(.meeting_cancel_title, ["name": record.meeting.title]),
            explanation: messages.fill(.meeting_cancel_text, ["invitees": String(record.invitees.count), "cases": String(cases)]),
            action: Paths.meetingCancel(id) + "#cancel-form", backHref: Paths.meeting(id), backLabel: record.meeting.title,
            reason: reason, error: error.map { messages[runtime: $0] ?? $0 }, maxLength: FieldLimits.cancelReason,
            hint: messages.fill(.limit_characters, ["count": String(FieldLimits.cancelReason)]))
        return try await renderer.page("meetings/cancel", page, titleText: page.heading, context: context, path: Paths.meetingCancel(id),
                                       status: status)
    }

    func closePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        guard record.meeting.status == .held else { return try await builder.refuse(record, "meeting_error_not_held", context) }
        return try await closeConfirmation(record, context)
    }

    private func closeConfirmation(_ record: MeetingRecord, _ context: AppRequestContext) async throws -> Response {
        try await Confirmation.page("meeting_close", name: record.meeting.title, action: Paths.meetingClose(record.meeting.id),
                                    back: Paths.meeting(record.meeting.id), backLabel: record.meeting.title, context: context, renderer: renderer)
    }

    func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        guard Confirmation.given(context.form) else { return try await closeConfirmation(record, context) }
        do {
            try await meetings.close(meetingId: record.meeting.id, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await builder.refuse(record, refusal.key, context)
        }
        return try await done(record.meeting.id, .flash_meeting_closed, context)
    }

    /// An invitee answers for themself: attending, excused or not sure, until the meeting opens.
    func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try context.require(.answerInvitation(record.facts))
        guard let userId = context.actor?.userId else { throw AppError.signInRequired }
        guard let rsvp = RSVP(rawValue: context.form["answer"]) else { return try await builder.refuse(record, "rsvp_error_answer", context) }
        do {
            try await meetings.answer(meetingId: record.meeting.id, userId: userId, rsvp, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await builder.refuse(record, refusal.key, context)
        }
        return try await done(record.meeting.id, .flash_rsvp_saved, context)
    }

    private func done(_ id: Int64, _ flash: MessageKey, _ context: AppRequestContext) async throws -> Response {
        return try await sessions.redirect(to: Paths.meeting(id), flash: flash, context)
    }
}

enum MeetingLifecyclePages {
    /// The cancellation page: what happens, the reason, the button.
    struct Cancel: Sendable {
        let heading: String
        let explanation: String
        let action: String
        let backHref: String
        let backLabel: String
        let reason: String
        let error: String?
        let maxLength: Int
        let hint: String
    }
}
