import Foundation
import Hummingbird

/// The minutes: reading them, the secretary's draft (prefilled from the record), the chair's approval,
/// and the standalone print view.
struct MinutesController {
    let minutes: MinutesStore
    let meetings: MeetingStore
    let sessions: SessionStore
    let renderer: Renderer
    let viewLog: ViewLog
    let views: MeetingViews
    var printer: MinutesPrint { MinutesPrint(views: views, minutes: minutes, renderer: renderer) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.meetingMinutesPattern), use: show)
        router.post(RouterPath(Paths.meetingMinutesPattern), use: save)
        router.get(RouterPath(Paths.meetingMinutesApprovePattern), use: confirmApproval)
        router.post(RouterPath(Paths.meetingMinutesApprovePattern), use: approve)
        router.get(RouterPath(Paths.meetingMinutesPrintPattern), use: printView)
        router.get(RouterPath(Paths.meetingMinutesArchivePattern), use: archive)
        router.post(RouterPath(Paths.meetingMinutesReturnPattern), use: sendBack)
    }

    private func page(_ record: MeetingRecord, _ context: AppRequestContext, markdown: String? = nil,
                      error: String? = nil) async throws -> MinutesPageResult {
        let messages = Catalog.messages(context.language)
        let id = record.meeting.id
        let manage = Policy.decide(context.actor, .manageMeetings) == .allow
        let chair = try await meetings.chairId()
        let approved = record.minutes?.approved ?? false
        let parts = try await minutes.parts(meetingId: id)
        let text = markdown ?? record.minutes?.markdown
            ?? MinutesDraft.prefill(record, messages: messages)
        let saveAction = manage && !approved && [.held, .closed].contains(record.meeting.status) ? Paths.meetingMinutes(id) : nil
        // A refused save (it sends the text) gets its message beside the editor, far below the minutes;
        // without an editor (approved minutes) it goes at the top.
        let besideEditor = markdown != nil && saveAction != nil
        let chairAsked = record.minutes != nil && !approved && Policy.decide(context.actor, .approveMinutes(chairId: chair)) == .allow
        let recused = chairAsked ? MeetingViews.recusedItemNumbers(record, context.actor) : []
        let chairMay = chairAsked && recused.isEmpty
        let pending = approved ? nil : try await minutes.pendingReturn(meetingId: id)
        let page = MeetingPages.MinutesPage(
            meetingTitle: record.meeting.title, meetingHref: Paths.meeting(id), printHref: Paths.meetingMinutesPrint(id),
            html: MinutesDraft.html(parts, record, context.actor, messages: messages), hasText: record.minutes != nil,
            approved: approved, approvalLine: views.approvalLine(record.minutes, context.language),
            fingerprint: views.fingerprintLine(record.minutes, context.language),
            archiveHref: record.minutes?.fingerprint != nil && Self.seesEveryItem(record, context.actor) ? Paths.meetingMinutesArchive(id) : nil,
            recusedNote: recused.isEmpty ? nil : messages.fill(.minutes_chair_recused, ["items": recused.map(String.init).joined(separator: ", ")]),
            returned: pending.map { messages.fill(.minutes_returned_line, ["name": $0.byName, "date": views.formats.dateTime($0.returnedAt, context.language)]) },
            returnedText: pending?.comment,
            returnAction: chairMay ? Paths.meetingMinutesReturn(id) : nil,
            saveAction: saveAction,
            markdown: text,
            approveAction: chairMay ? Paths.meetingMinutesApprove(id) : nil,
            formError: besideEditor ? nil : error.flatMap { messages[runtime: $0] ?? $0 },
            textError: besideEditor ? error.flatMap { messages[runtime: $0] ?? $0 } : nil)
        return MinutesPageResult(page: page)
    }

    struct MinutesPageResult { let page: MeetingPages.MinutesPage }

    private func render(_ record: MeetingRecord, _ context: AppRequestContext, markdown: String? = nil, error: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = try await page(record, context, markdown: markdown, error: error).page
        let title = (Catalog.messages(context.language)[.minutes_title]) + " — " + record.meeting.title
        return try await renderer.page("meetings/minutes", page, titleText: title, context: context,
                                       path: Paths.meetingMinutes(record.meeting.id), status: status)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try await logRead(record, context)
        return try await render(record, context)
    }

    /// Reading written minutes goes in the view log.
    private func logRead(_ record: MeetingRecord, _ context: AppRequestContext) async throws {
        guard record.minutes != nil else { return }
        try await viewLog.record(context, action: "meeting.minutes_viewed", targetType: "meeting", targetId: record.meeting.id)
    }

    func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try context.require(.manageMeetings)
        let markdown = context.form.raw("markdown").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !markdown.isEmpty else { return try await render(record, context, markdown: markdown, error: "minutes_error_empty", status: .unprocessableContent) }
        guard let html = try? Markdown.html(markdown), let parts = try? MinutesDraft.parts(markdown, items: record.items) else {
            return try await render(record, context, markdown: markdown, error: "error_markdown_too_large", status: .unprocessableContent)
        }
        do {
            try await minutes.save(meetingId: record.meeting.id, markdown: markdown, html: html, parts: parts, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await render(record, context, markdown: markdown, error: refusal.key, status: .unprocessableContent)
        }
        return try await done(record.meeting.id, .flash_minutes_saved, context)
    }

    /// Approval locks the minutes for good: the button leads to a confirmation page (`Confirmation`).
    func confirmApproval(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try context.require(.approveMinutes(chairId: try await meetings.chairId()))
        guard let minutes = record.minutes, !minutes.approved,
              MeetingViews.recusedItemNumbers(record, context.actor).isEmpty else { return .redirect(to: Paths.meetingMinutes(record.meeting.id)) }
        try context.requireRecentVerification()
        return try await confirmation(record, context)
    }

    private func confirmation(_ record: MeetingRecord, _ context: AppRequestContext) async throws -> Response {
        try await Confirmation.page("approve_minutes", name: record.meeting.title, action: Paths.meetingMinutesApprove(record.meeting.id),
                                    back: Paths.meetingMinutes(record.meeting.id), backLabel: record.meeting.title,
                                    context: context, renderer: renderer)
    }

    func approve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try context.require(.approveMinutes(chairId: try await meetings.chairId()))
        if !MeetingViews.recusedItemNumbers(record, context.actor).isEmpty {
            return try await render(record, context, error: "minutes_error_chair_recused", status: .conflict)
        }
        if let minutes = record.minutes, !minutes.approved, !Confirmation.given(context.form) {
            return try await confirmation(record, context)
        }
        try context.requireRecentVerification()
        do {
            // What the chair signs: the printed minutes as they read once approved, fingerprinted and kept.
            let now = views.formats.clock.now
            let archive = try await printer.archive(record, approver: context.session?.user.name ?? "", inMeeting: nil, at: now)
            try await minutes.approve(meetingId: record.meeting.id, archive: archive, at: now, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await render(record, context, error: refusal.key, status: .unprocessableContent)
        }
        return try await done(record.meeting.id, .flash_minutes_approved, context)
    }

    /// The chair sends the draft back with comments (one Policy question with approving: the chair's decision).
    func sendBack(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try context.require(.approveMinutes(chairId: try await meetings.chairId()))
        let comment = context.form.raw("comment").trimmingCharacters(in: .whitespacesAndNewlines)
        func refused(_ key: String) async throws -> Response {
            var page = try await page(record, context).page
            page.returnError = Catalog.messages(context.language)[runtime: key] ?? key
            page.returnComment = comment
            let title = (Catalog.messages(context.language)[.minutes_title]) + " — " + record.meeting.title
            return try await renderer.page("meetings/minutes", page, titleText: title, context: context,
                                           path: Paths.meetingMinutes(record.meeting.id), status: .unprocessableContent)
        }
        if let problem = Validate.text(comment, max: 4000) { return try await refused(problem == .error_required ? "minutes_return_empty" : problem.name) }
        do {
            try await minutes.sendBack(meetingId: record.meeting.id, comment: comment, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await refused(refusal.key)
        }
        return try await done(record.meeting.id, .flash_minutes_returned, context)
    }

    private func done(_ id: Int64, _ flash: MessageKey, _ context: AppRequestContext) async throws -> Response {
        return try await sessions.redirect(to: Paths.meetingMinutes(id), flash: flash, context)
    }

    /// A standalone page with print CSS: A4, page numbers, the committee and the meeting date on every page,
    /// the record and the text as one document, the approval block; DRAFT on every page until approved.
    func printView(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        try await logRead(record, context)
        let page = try await printer.page(record, reader: context.actor, language: context.language)
        return try renderer.standalone("meetings/print", page, context: context)
    }

    /// The approved copy, byte for byte, for whoever may read every item: `sha256sum` of the file gives the
    /// fingerprint the pages and the audit trail show. A download, sandboxed, never rendered as a page here.
    func archive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        guard Self.seesEveryItem(record, context.actor), let archive = try await minutes.archive(meetingId: record.meeting.id) else {
            throw Refusal.notFound
        }
        try await viewLog.record(context, action: "meeting.minutes_viewed", targetType: "meeting", targetId: record.meeting.id)
        return Response(status: .ok, headers: [
            .contentType: "text/html; charset=utf-8",
            .contentDisposition: "attachment; filename=\"minutes-\(record.meeting.id)-approved.html\"",
            .contentSecurityPolicy: "sandbox",
        ], body: .init(byteBuffer: ByteBuffer(string: archive.html)))
    }

    static func seesEveryItem(_ record: MeetingRecord, _ actor: Requester?) -> Bool {
        record.items.allSatisfy { MeetingViews.canSee($0, record, actor) }
    }
}
