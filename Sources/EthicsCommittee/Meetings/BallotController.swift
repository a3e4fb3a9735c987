import Foundation
import Hummingbird

/// Members voting themselves, in session: the secretary opens an item's vote, each present voting member who is
/// not recused casts (and may change) a ballot on their own device, the secretary may record a show of hands for
/// someone, follows who has voted, and closes the vote, which decides the item through the agenda's decision path.
struct BallotController {
    let ballots: BallotStore
    let users: UserStore
    let sessions: SessionStore
    let views: MeetingViews
    let builder: MeetingShowBuilder

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post(RouterPath(Paths.meetingItemVoteOpenPattern), use: open)
        router.post(RouterPath(Paths.meetingItemBallotPattern), use: cast)
        router.post(RouterPath(Paths.meetingItemVoteHandsPattern), use: hands)
        router.post(RouterPath(Paths.meetingItemVoteClosePattern), use: close)
        router.get(RouterPath(Paths.meetingItemVoteCountPattern), use: count)
    }

    /// The meeting and the item in the path, for whoever may see the meeting; 404 otherwise.
    private func load(_ context: AppRequestContext) async throws -> (MeetingRecord, AgendaItem, Int) {
        let record = try await views.load(context)
        guard let id = context.parameters.get("item", as: Int64.self),
              let index = record.items.firstIndex(where: { $0.id == id }) else { throw Refusal.notFound }
        return (record, record.items[index], index + 1)
    }

    /// Whoever may see the meeting but may not act now gets the page again with the reason (422); others 404.
    private func refuse(_ record: MeetingRecord, _ key: String, _ context: AppRequestContext) async throws -> Response {
        try await builder.refuse(record, key, context)
    }

    private func done(_ record: MeetingRecord, _ flash: MessageKey, number: Int, _ context: AppRequestContext) async throws -> Response {
        return try await sessions.redirect(to: Paths.meeting(record.meeting.id) + "#vote-\(number)", flash: flash, context)
    }

    func open(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (record, item, number) = try await load(context)
        try context.require(.manageMeetings)
        guard Policy.decide(context.actor, .openVote(record.voteFacts(item))) == .allow else {
            return try await refuse(record, item.decidedAt != nil ? "vote_error_already" : record.meeting.status != .held
                                    ? "meeting_error_not_held" : "vote_error_open_already", context)
        }
        do {
            try await ballots.openVote(itemId: item.id, meetingId: record.meeting.id, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await refuse(record, refusal.key, context)
        }
        return try await done(record, .flash_vote_opened, number: number, context)
    }

    /// A voter's own ballot. Refused (422, what was typed kept, the reason on the form) after the close, for a
    /// recused member, a member not present, or an item whose vote is not open: the policy's reason, asked again
    /// by the store inside its write.
    func cast(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (record, item, number) = try await load(context)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let form = BallotForm(context.form), language = context.language
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            var forms = MeetingShowForms()
            forms.ballot = form.refused(errors, message: message, language)
            forms.ballotItemId = item.id
            return try await builder.refuse(record, forms: forms, context)
        }
        // Staff and project owners have no ballot; a member who may see the meeting is told why they may not vote now.
        guard Policy.hasBallot(actor) else { throw Refusal.notFound }
        if let reason = Policy.ballotRefusal(record.ballotFacts(item, userId: actor.userId)) { return try await refused(FieldErrors(), reason) }
        try context.require(.castBallot(record.ballotFacts(item, userId: actor.userId)))
        let errors = form.validate()
        guard errors.isEmpty, let choice = form.choice else { return try await refused(errors) }
        do {
            try await ballots.cast(itemId: item.id, meetingId: record.meeting.id, voterId: actor.userId, choice: choice,
                                   dissent: form.dissent, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await refused(FieldErrors(), refusal.key)
        }
        return try await done(record, .flash_ballot_cast, number: number, context)
    }

    /// The secretary records a member's vote by show of hands ("recorded by the secretary").
    func hands(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (record, item, number) = try await load(context)
        try context.require(.manageMeetings)
        let form = HandsForm(context.form), language = context.language
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            var forms = MeetingShowForms()
            forms.hands = form.refused(errors, message: message, language)
            forms.ballotItemId = item.id
            return try await builder.refuse(record, forms: forms, context)
        }
        guard Policy.decide(context.actor, .recordBallot(record.voteFacts(item))) == .allow else {
            return try await refused(FieldErrors(), Policy.ballotRefusal(record.ballotFacts(item, userId: 0)) ?? "ballot_error_not_open")
        }
        var errors = form.validate()
        // The policy's reason, said of the member rather than to them.
        if let voter = form.voterId, let reason = Policy.ballotRefusal(record.ballotFacts(item, userId: voter)) {
            errors.add("voter_id", runtime: ["ballot_error_not_present", "ballot_error_not_voting", "ballot_error_recused"].contains(reason) ? reason + "_member" : reason)
        }
        guard errors.isEmpty, let voter = form.voterId, let choice = form.ballot.choice else { return try await refused(errors) }
        do {
            try await ballots.cast(itemId: item.id, meetingId: record.meeting.id, voterId: voter, choice: choice,
                                   dissent: form.ballot.dissent, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await refused(FieldErrors(), refusal.key)
        }
        return try await done(record, .flash_ballot_recorded, number: number, context)
    }

    /// Closes the vote. Quorum first (the reason, as for the roll), then the majority rule inside the store's
    /// write, with the ballots as they are at that moment; the result goes through the agenda's decision path.
    func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (record, item, number) = try await load(context)
        try context.require(.manageMeetings)
        let form = CloseVoteForm(context.form), language = context.language
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            var forms = MeetingShowForms()
            forms.closeVote = form.refused(errors, message: message, language)
            forms.ballotItemId = item.id
            return try await builder.refuse(record, forms: forms, context)
        }
        let facts = record.voteFacts(item)
        guard Policy.decide(context.actor, .closeVote(facts)) == .allow else {
            return try await refuse(record, facts.decided ? "vote_error_already" : "vote_error_not_open", context)
        }
        if case .refused(let reason) = record.quorum(item, views.settings.current) {
            let messages = Catalog.messages(language)
            return try await refused(FieldErrors(), Punctuation.of(language).labelled(messages[.quorum_label], messages[runtime: reason] ?? reason))
        }
        var errors = form.validate()
        let allowed: [ItemOutcome] = item.kind == .case ? [.favourable, .conditions, .unfavourable, .deferred] : [.adopted, .rejected]
        let outcome = ItemOutcome(rawValue: form.rawOutcome).flatMap { allowed.contains($0) ? $0 : nil }
        if outcome == nil { errors.add("outcome", .vote_error_outcome) }
        var conditions: [NewCondition] = []
        if outcome == .conditions {
            conditions = try await ConditionOwners.meetingConditions(form.conditions, form.obligations, caseId: item.caseId,
                                                                     item.caseId.flatMap { record.cases[$0] }, aiAct: AIActStore(db: ballots.db),
                                                                     users: users, language: language, errors: &errors)
        }
        guard errors.isEmpty, let outcome else { return try await refused(errors) }
        guard let html = try? Markdown.html(form.decision) else { return try await refused(.on("decision", .error_markdown_too_large)) }
        var decision = ItemDecision(outcome: outcome, text: form.decision, html: html)
        decision.conditions = conditions
        if item.kind == .minutes, outcome == .adopted, let earlier = item.minutesMeetingId, let earlierRecord = try await views.record(earlier) {
            decision.minutesArchive = try await MinutesPrint(views: views, minutes: builder.minutes, renderer: builder.renderer)
                .archive(earlierRecord, approver: context.session?.user.name ?? "", inMeeting: record.meeting.id, at: views.formats.clock.now)
        }
        do {
            _ = try await ballots.close(itemId: item.id, meetingId: record.meeting.id,
                                        meetingDate: views.formats.localISODate(of: record.meeting.startsAt), proposal: decision,
                                        by: context.auditActor)
        } catch let refusal as MeetingRefusal where refusal.key.hasPrefix("aiact_refusal") {
            return try await refused(.on("outcome", runtime: refusal.key))  // Art. 5: said at the outcome
        } catch let refusal as MeetingRefusal {
            return try await refused(FieldErrors(), refusal.key)
        }
        return try await done(record, .flash_vote_closed, number: number, context)
    }

    /// The secretary's count as a small HTML fragment (who has voted, not how), for the page's script to refresh.
    func count(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (record, item, number) = try await load(context)
        try context.require(.followVote(record.voteFacts(item)))
        let ballots = try await ballots.ballots(meetingId: record.meeting.id)[item.id] ?? []
        guard let view = BallotViews(formats: views.formats).view(item, number: number, record, ballots: ballots, owners: [],
                                                                   forms: MeetingShowForms(), context) else { throw Refusal.notFound }
        let html = try builder.renderer.render("meetings/ballot_count", view)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
