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
    }

    private func managed(_ context: AppRequestContext) async throws -> MeetingRecord {
        let record = try await views.load(context)
        try context.require(.manageMeetings)
        return record
    }

    private func item(_ record: MeetingRecord, _ context: AppRequestContext) throws -> AgendaItem {
        guard let id = context.parameters.get("item", as: Int64.self), let item = record.items.first(where: { $0.id == id }) else {
            throw AppError.notFound
        }
        return item
    }

    private func run(_ record: MeetingRecord, _ flash: String, _ context: AppRequestContext,
                     _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
        } catch let refusal as MeetingRefusal {
            return try await builder.refuse(record, refusal.key, context)
        }
        if let session = context.session { try await sessions.setFlash(Flash.encode(flash), idHash: session.idHash) }
        return .redirect(to: Paths.meeting(record.meeting.id))
    }

    func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let form = context.form, id = record.meeting.id
        switch AgendaKind(rawValue: form["kind"]) {
        case .case:
            guard let caseId = Int64(form["case_id"]) else { return try await builder.refuse(record, "agenda_error_case", context) }
            return try await run(record, "flash_item_added", context) {
                try await agenda.add(meetingId: id, kind: .case, caseId: caseId, by: context.auditActor)
            }
        case .minutes:
            guard let earlier = Int64(form["minutes_meeting_id"]), earlier != id,
                  let (meeting, _) = try await meetings.find(id: earlier) else { return try await builder.refuse(record, "agenda_error_minutes", context) }
            return try await run(record, "flash_item_added", context) {
                try await agenda.add(meetingId: id, kind: .minutes, minutesMeetingId: earlier, title: meeting.title, by: context.auditActor)
            }
        case .free:
            let title = form["title"], note = form.raw("note").trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = Validate.text(title, max: 200) { return try await builder.refuse(record, problem == "error_required" ? "agenda_error_title" : problem, context) }
            guard note.utf8.count <= 20_000, let html = try? Markdown.html(note) else { return try await builder.refuse(record, "error_too_long", context) }
            return try await run(record, "flash_item_added", context) {
                try await agenda.add(meetingId: id, kind: .free, title: title, note: note, noteHTML: html, by: context.auditActor)
            }
        case nil:
            return try await builder.refuse(record, "agenda_error_kind", context)
        }
    }

    func reorder(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        guard let direction = context.parameters.get("direction"), ["up", "down"].contains(direction) else { throw AppError.notFound }
        return try await run(record, "flash_item_moved", context) {
            try await agenda.reorder(itemId: item.id, meetingId: record.meeting.id, up: direction == "up", by: context.auditActor)
        }
    }

    func transfer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        guard let target = Int64(context.form["meeting_id"]), target != record.meeting.id,
              try await meetings.find(id: target) != nil else { return try await builder.refuse(record, "agenda_error_target", context) }
        return try await run(record, "flash_item_transferred", context) {
            try await agenda.transfer(itemId: item.id, from: record.meeting.id, to: target, by: context.auditActor)
        }
    }

    /// The secretary records the roll: one choice per present, non-recused voting member, optional dissent notes,
    /// the result and the decision text. Refused without quorum, with the reason.
    func vote(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await managed(context)
        let item = try item(record, context)
        let form = context.form
        guard record.meeting.status == .held else { return try await builder.refuse(record, "meeting_error_not_held", context) }
        guard item.decidedAt == nil else { return try await builder.refuse(record, "vote_error_already", context) }
        if case .refused(let reason) = record.quorum(item, views.settings.current) {
            // The reason reads "not reached: …"; say what is not reached.
            let messages = Catalog.messages(context.language)
            return try await builder.refuse(record, "\(messages["quorum_label"] ?? "") \(messages[reason] ?? reason)", context)
        }
        let eligible = record.eligibleVoters(item)
        let eligibleIds = Set(eligible.map { "vote_\($0.userId)" })
        // A choice for anyone else (absent, recused, not voting, not invited) is refused, not ignored.
        let named = form.names.filter { $0.hasPrefix("vote_") && !form[$0].isEmpty }
        if !Set(named).isSubset(of: eligibleIds) { return try await builder.refuse(record, "vote_error_not_eligible", context) }
        var votes: [VoteEntry] = []
        for voter in eligible {
            guard let choice = VoteChoice(rawValue: form["vote_\(voter.userId)"]) else { return try await builder.refuse(record, "vote_error_missing", context) }
            let dissent = form["dissent_\(voter.userId)"]
            if let problem = Validate.text(dissent, max: 2000, required: false) { return try await builder.refuse(record, problem, context) }
            votes.append(VoteEntry(userId: voter.userId, choice: choice, dissent: dissent))
        }
        let allowed: [ItemOutcome] = item.kind == .case ? [.favourable, .conditions, .unfavourable, .deferred] : [.adopted, .rejected]
        guard var outcome = ItemOutcome(rawValue: form["outcome"]), allowed.contains(outcome) else {
            return try await builder.refuse(record, "vote_error_outcome", context)
        }
        // A proposal the vote does not carry is not adopted: a case stays in review (deferred).
        let carried = votes.filter { $0.choice == .for }.count > votes.filter { $0.choice == .against }.count
        if !carried { outcome = item.kind == .case ? .deferred : .rejected }
        let text = form.raw("decision").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return try await builder.refuse(record, "vote_error_decision", context) }
        guard let html = try? Markdown.html(text) else { return try await builder.refuse(record, "error_markdown_too_large", context) }
        var decision = ItemDecision(outcome: outcome, text: text, html: html)
        if outcome == .conditions {
            for index in 1...3 {
                let conditionText = form["condition_text_\(index)"]
                if conditionText.isEmpty { continue }
                guard conditionText.count <= 1000, let owner = Int64(form["condition_owner_\(index)"]),
                      let facts = item.caseId.flatMap({ record.cases[$0] }),
                      ConditionOwners.allowed(try await users.find(id: owner), facts), Formats.isISODate(form["condition_due_\(index)"])
                else { return try await builder.refuse(record, "error_condition", context) }
                decision.conditions.append(NewCondition(text: conditionText, ownerId: owner, dueOn: form["condition_due_\(index)"]))
            }
            guard !decision.conditions.isEmpty else { return try await builder.refuse(record, "error_conditions_required", context) }
        }
        let meetingDate = views.formats.localISODate(of: record.meeting.startsAt)
        return try await run(record, "flash_item_decided", context) {
            try await agenda.decide(itemId: item.id, meetingId: record.meeting.id, meetingDate: meetingDate, votes: votes,
                                    decision: decision, by: context.auditActor)
        }
    }
}
