import Foundation
import Hummingbird

/// The agenda: adding, reordering and moving items while the meeting is planned; recording the roll
/// of votes and the result on an item once it is held.
struct AgendaController {
    let agenda: AgendaStore
    let meetings: MeetingStore
    let users: UserStore
    let sessions: SessionStore
    let views: MeetingViews
    let builder: MeetingShowBuilder

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post(RouterPath(Paths.meetingItemsPattern), use: add)
        router.post(RouterPath(Paths.meetingItemMovePattern), use: reorder)
        router.post(RouterPath(Paths.meetingItemTransferPattern), use: transfer)
        router.post(RouterPath(Paths.meetingItemVotePattern), use: vote)
        router.get(RouterPath(Paths.meetingItemEditPattern), use: editPage)
        router.post(RouterPath(Paths.meetingItemEditPattern), use: edit)
        router.post(RouterPath(Paths.meetingItemRemovePattern), use: remove)
    }

    private func managed(_ context: AppRequestContext) async throws -> MeetingRecord {
        let record = try await views.load(context)
        try context.require(.manageMeetings)
        return record
    }

    private func item(_ record: MeetingRecord, _ context: AppRequestContext) throws -> AgendaItem {
        guard let id = context.parameters.get("item", as: Int64.self), let item = record.items.first(where: { $0.id == id }) else {
            throw Refusal.notFound
        }
        return item
    }

    /// Runs a change; a refusal from the store re-renders the page, through `refused` when the form must be kept.
    private func run(_ record: MeetingRecord, _ flash: MessageKey, _ context: AppRequestContext,
                     refused: ((String) async throws -> Response)? = nil,
                     _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
        } catch let refusal as MeetingRefusal {
            if let refused { return try await refused(refusal.key) }
            return try await builder.refuse(record, refusal.key, context)
        }
        return try await sessions.redirect(to: Paths.meeting(record.meeting.id), flash: flash, context)
    }

    func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let form = context.form, id = record.meeting.id
        switch AgendaKind(rawValue: form["kind"]) {
        case .case:
            guard let caseId = Int64(form["case_id"]) else { return try await builder.refuse(record, "agenda_error_case", context) }
            return try await run(record, .flash_item_added, context) {
                try await agenda.add(meetingId: id, kind: .case, caseId: caseId, by: context.auditActor)
            }
        case .minutes:
            guard let earlier = Int64(form["minutes_meeting_id"]), earlier != id,
                  let (meeting, _) = try await meetings.find(id: earlier) else { return try await builder.refuse(record, "agenda_error_minutes", context) }
            return try await run(record, .flash_item_added, context) {
                try await agenda.add(meetingId: id, kind: .minutes, minutesMeetingId: earlier, title: meeting.title, by: context.auditActor)
            }
        case .free:
            let item = AgendaItemForm(form)
            var forms = MeetingShowForms()
            forms.agendaItem = item.refused(item.validate(), context.language)
            if forms.agendaItem.refused { return try await builder.refuse(record, forms: forms, context) }
            guard let html = try? Markdown.html(item.note) else {
                forms.agendaItem = item.refused(.on("note", .error_too_long), context.language)
                return try await builder.refuse(record, forms: forms, context)
            }
            return try await run(record, .flash_item_added, context, refused: { key in
                forms.agendaItem = item.refused(message: key, context.language)
                return try await builder.refuse(record, forms: forms, context)
            }) {
                try await agenda.add(meetingId: id, kind: .free, title: item.title, note: item.note, noteHTML: html, by: context.auditActor)
            }
        case nil:
            return try await builder.refuse(record, "agenda_error_kind", context)
        }
    }

    func reorder(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        guard let direction = context.parameters.get("direction"), ["up", "down"].contains(direction) else { throw Refusal.notFound }
        return try await run(record, .flash_item_moved, context) {
            try await agenda.reorder(itemId: item.id, meetingId: record.meeting.id, up: direction == "up", by: context.auditActor)
        }
    }

    func transfer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        guard let target = Int64(context.form["meeting_id"]), target != record.meeting.id,
              try await meetings.find(id: target) != nil else { return try await builder.refuse(record, "agenda_error_target", context) }
        return try await run(record, .flash_item_transferred, context) {
            try await agenda.transfer(itemId: item.id, from: record.meeting.id, to: target, by: context.auditActor)
        }
    }

    /// The form that changes an item's note (and a free item's title) while the meeting is planned.
    func editPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        guard record.meeting.status == .planned, item.decidedAt == nil else {
            return try await builder.refuse(record, "meeting_error_not_planned", context)
        }
        return try await itemForm(record, item, FormState(values: ["title": item.title, "note": item.note], errors: FieldErrors(),
                                                          language: context.language), context, status: .ok)
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        let form = AgendaItemForm(context.form)
        // Only a free item has a title of its own; the others are named by their case or minutes.
        var errors = form.validate()
        if item.kind != .free { errors = FieldErrors(); if let problem = Validate.text(form.note, max: FieldLimits.longText, required: false) { errors.add("note", problem) } }
        guard errors.isEmpty, let html = try? Markdown.html(form.note) else {
            let state = form.refused(errors.isEmpty ? .on("note", .error_markdown_too_large) : errors, context.language)
            return try await itemForm(record, item, state, context, status: .unprocessableContent)
        }
        return try await run(record, .flash_item_edited, context, refused: { key in
            try await itemForm(record, item, form.refused(message: key, context.language), context, status: .unprocessableContent)
        }) {
            try await agenda.edit(itemId: item.id, meetingId: record.meeting.id, title: item.kind == .free ? form.title : nil,
                                  note: form.note, noteHTML: html, by: context.auditActor)
        }
    }

    func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        return try await run(record, .flash_item_removed, context) {
            try await agenda.remove(itemId: item.id, meetingId: record.meeting.id, by: context.auditActor)
        }
    }

    private func itemForm(_ record: MeetingRecord, _ item: AgendaItem, _ form: FormState, _ context: AppRequestContext,
                          status: HTTPResponse.Status) async throws -> Response {
        let number = (record.items.firstIndex { $0.id == item.id } ?? 0) + 1
        let view = views.item(item, number: number, record, context, forms: false)
        let page = AgendaItemEditPage(meetingTitle: record.meeting.title, meetingHref: Paths.meeting(record.meeting.id),
                                      heading: "\(number). \(view.title)", free: item.kind == .free,
                                      action: Paths.meetingItemEdit(record.meeting.id, item.id) + "#item-form", form: form,
                                      limits: LimitHints(context.language))
        return try await builder.renderer.page("meetings/item_edit", page, titleText: record.meeting.title, context: context,
                                               path: Paths.meetingItemEdit(record.meeting.id, item.id), status: status)
    }

    /// The secretary records the roll: one choice per present, non-recused voting member, optional dissent notes,
    /// the result and the decision text. Refused without quorum, with the reason.
    func vote(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        let form = VoteForm(context.form), language = context.language
        // Without a vote form on the page (not held, already decided) the reason goes at the top.
        guard record.meeting.status == .held else { return try await builder.refuse(record, "meeting_error_not_held", context) }
        guard item.decidedAt == nil else { return try await builder.refuse(record, "vote_error_already", context) }
        guard item.voteOpenedAt == nil else { return try await builder.refuse(record, "vote_error_ballots_open", context) }
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            var forms = MeetingShowForms()
            forms.vote = form.refused(errors, message: message, language)
            forms.voteItemId = item.id
            return try await builder.refuse(record, forms: forms, context)
        }
        if case .refused(let reason) = record.quorum(item, views.settings.current) {
            // The reason reads "not reached: …"; say what is not reached.
            let messages = Catalog.messages(language)
            return try await refused(FieldErrors(), "\(messages[.quorum_label]) \(messages[runtime: reason] ?? reason)")
        }
        let eligible = record.eligibleVoters(item)
        let eligibleIds = Set(eligible.map { "vote_\($0.userId)" })
        // A choice for anyone else (absent, recused, not voting, not invited) is refused, not ignored.
        let named = form.fields.keys.filter { $0.hasPrefix("vote_") && !(form.fields[$0] ?? "").isEmpty }
        if !Set(named).isSubset(of: eligibleIds) { return try await refused(FieldErrors(), "vote_error_not_eligible") }
        var errors = form.validate(voters: eligible.map(\.userId))
        let missing = errors.keys.keys.contains { $0.hasPrefix("vote_") }
        let allowed: [ItemOutcome] = item.kind == .case ? [.favourable, .conditions, .unfavourable, .deferred] : [.adopted, .rejected]
        var outcome = ItemOutcome(rawValue: form.rawOutcome).flatMap { allowed.contains($0) ? $0 : nil }
        if outcome == nil { errors.add("outcome", .vote_error_outcome) }
        for (field, key) in form.validate().keys { errors.add(field, runtime: key) }
        let votes = eligible.compactMap { voter in
            form.choice(voter.userId).map { VoteEntry(userId: voter.userId, choice: $0, dissent: form.dissent(voter.userId)) }
        }
        // A proposal the vote does not carry is not adopted: a case stays in review (deferred).
        outcome = outcome.map { ItemOutcome.result(proposed: $0, votes: votes, isCase: item.kind == .case) }
        var conditions: [NewCondition] = []
        if outcome == .conditions {
            conditions = try await ConditionOwners.meetingConditions(form.conditions, form.obligations, caseId: item.caseId,
                                                                     item.caseId.flatMap { record.cases[$0] }, aiAct: AIActStore(db: agenda.db),
                                                                     users: users, language: language, errors: &errors)
        }
        guard errors.isEmpty, let outcome else { return try await refused(errors, missing ? "vote_error_missing" : nil) }
        guard let html = try? Markdown.html(form.decision) else { return try await refused(.on("decision", .error_markdown_too_large)) }
        var decision = ItemDecision(outcome: outcome, text: form.decision, html: html)
        decision.conditions = conditions
        // Adopting earlier minutes approves them: their printed copy is archived with its fingerprint, as the chair's is.
        if item.kind == .minutes, outcome == .adopted, let earlier = item.minutesMeetingId, let earlierRecord = try await views.record(earlier) {
            decision.minutesArchive = try await MinutesPrint(views: views, minutes: builder.minutes, renderer: builder.renderer)
                .archive(earlierRecord, approver: context.session?.user.name ?? "", inMeeting: record.meeting.id, at: views.formats.clock.now)
        }
        let meetingDate = views.formats.localISODate(of: record.meeting.startsAt)
        // The AI Act's refusal (Art. 5) is said at the outcome; any other reason at the top of the form.
        return try await run(record, .flash_item_decided, context, refused: { key in
            try await key.hasPrefix("aiact_refusal") ? refused(.on("outcome", runtime: key)) : refused(FieldErrors(), key)
        }) {
            try await agenda.decide(itemId: item.id, meetingId: record.meeting.id, meetingDate: meetingDate, votes: votes,
                                    decision: decision, by: context.auditActor)
        }
    }
}

/// The page that changes one agenda item.
struct AgendaItemEditPage: Sendable {
    let meetingTitle: String
    let meetingHref: String
    let heading: String
    /// A free item's title can change; other items are named by what they are about.
    let free: Bool
    let action: String
    let form: FormState
    let limits: LimitHints
}
