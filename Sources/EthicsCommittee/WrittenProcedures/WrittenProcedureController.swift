import Foundation
import GRDB
import Hummingbird

/// Written procedures: the list, a free motion's form, a procedure's page with the voter's ballot, declaration
/// and objection. Opening one on a case is `WrittenCaseController` (its form is on the case page).
struct WrittenProcedureController {
    let store: WrittenProcedureStore
    /// The case or deliverable a procedure decides: linked only for a reader the policy lets open it (a voter
    /// reads it until the procedure closes; after, the usual rule applies).
    let cases: CaseStore
    let deliverables: DeliverableStore
    let settings: SettingsCache
    let sessions: SessionStore
    let renderer: Renderer
    let formats: Formats
    let viewLog: ViewLog
    static let pageSize = 25

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.writtenProcedures), use: list)
        router.get(RouterPath(Paths.newWrittenMotion), use: newMotion)
        router.post(RouterPath(Paths.writtenProcedures), use: openMotion)
        router.get(RouterPath(Paths.writtenProcedurePattern), use: show)
        router.post(RouterPath(Paths.writtenBallotPattern), use: ballot)
        router.post(RouterPath(Paths.writtenDeclarationPattern), use: declare)
        router.get(RouterPath(Paths.writtenObjectionPattern), use: confirmObjection)
        router.post(RouterPath(Paths.writtenObjectionPattern), use: object)
    }

    // MARK: list and motions

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewWrittenProcedures)
        guard let actor = context.actor else { throw AppError.signInRequired }
        _ = try await store.closeDue()
        let language = context.language, messages = Catalog.messages(language)
        let listed = try await store.list(for: actor, page: RequestNumber.page(request.uri.queryParameters["page"]), size: Self.pageSize)
        let rows = listed.rows, number = listed.number
        let page = WrittenProcedurePages.List(
            rows: rows.map { row in
                WrittenProcedurePages.Row(
                    href: Paths.writtenProcedure(row.id), title: row.title, kind: messages[runtime: "written_kind_\(row.kind.rawValue)"] ?? "",
                    deadline: formats.dateTime(row.deadline, language), status: statusLabel(row.status, row.result, messages),
                    statusKey: row.status.rawValue,
                    progress: messages.fill(.written_progress, ["voted": String(row.ballots), "voters": String(row.voters)]))
            },
            hasRows: !rows.isEmpty, totalLabel: Catalog.messages(language).fill(.written_count, count: listed.total),
            newHref: Policy.decide(actor, .openWrittenMotion) == .allow ? Paths.newWrittenMotion : nil,
            pageNumber: number, pageCount: listed.pageCount,
            previous: listed.hasPrevious ? Paths.writtenProcedures + "?page=\(number - 1)" : nil,
            next: listed.hasNext ? Paths.writtenProcedures + "?page=\(number + 1)" : nil)
        return try await renderer.page("written/index", page, title: .written_title, context: context, path: Paths.writtenProcedures)
    }

    func statusLabel(_ status: WrittenStatus, _ result: WrittenResultCode?, _ messages: Messages) -> String {
        if let result { return messages[runtime: "written_result_\(result.rawValue)"] ?? "" }
        return messages[runtime: "written_status_\(status.rawValue)"] ?? ""
    }

    func newMotion(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.openWrittenMotion)
        return try await motionPage(FormState(), context: context, status: .ok)
    }

    private func motionPage(_ form: FormState, context: AppRequestContext, status: HTTPResponse.Status) async throws -> Response {
        // A searchable field (issue 19): the latest deliverables a motion may adopt are suggested, any may be typed.
        let deliverables = try await store.deliverableChoices(limit: CaseShowBuilder.suggestions)
        let page = WrittenProcedurePages.NewMotion(action: Paths.writtenProcedures + "#motion-form",
                                                   deliverables: deliverables.map { Choice(value: String($0.id), label: $0.title, selected: false) },
                                                   form: form, limits: LimitHints(context.language), backHref: Paths.writtenProcedures)
        return try await renderer.page("written/new", page, title: .written_new_motion, context: context, path: Paths.newWrittenMotion,
                                       status: status)
    }

    func openMotion(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.openWrittenMotion)
        let form = WrittenMotionForm(context.form), language = context.language
        func refused(_ errors: FieldErrors, _ message: String? = nil) async throws -> Response {
            try await motionPage(form.refused(errors, message: message, language), context: context, status: .unprocessableContent)
        }
        var errors = form.validate()
        let deadline = WrittenCaseController.deadline(form.deadline, formats: formats, errors: &errors)
        var deliverableId: Int64?
        if !form.rawDeliverable.isEmpty {
            switch try await store.adoptableDeliverable(typed: form.rawDeliverable) {
            case .one(let id): deliverableId = id
            case .none: errors.add("deliverable_id", .written_error_deliverable_unknown)
            case .several: errors.add("deliverable_id", .written_error_deliverable_several)
            }
        }
        guard errors.isEmpty, let deadline, let html = try? Markdown.html(form.text) else {
            return try await refused(errors.isEmpty ? .on("text", .error_markdown_too_large) : errors)
        }
        let proposal = WrittenProposal(kind: .motion, caseId: nil, deliverableId: deliverableId, title: form.title, text: form.text,
                                       textHTML: html, outcome: nil, opinion: "", opinionHTML: "", charterVersion: nil, articles: "",
                                       conditions: [], deadline: deadline)
        let id: Int64
        do { id = try await store.open(proposal, by: context.auditActor) } catch let refusal as WrittenRefusal {
            return try await refused(refusal.key == "written_error_deadline_past" ? .on("deadline", runtime: refusal.key) : FieldErrors(),
                                     refusal.key == "written_error_deadline_past" ? nil : refusal.key)
        }
        return try await done(id, .flash_written_opened, context)
    }

    private func done(_ id: Int64, _ flash: MessageKey, _ context: AppRequestContext) async throws -> Response {
        return try await sessions.redirect(to: Paths.writtenProcedure(id), flash: flash, context)
    }

    // MARK: one procedure

    /// The procedure in the path, closed first if its deadline passed, after the policy let the person see it.
    private func load(_ context: AppRequestContext) async throws -> (WrittenProcedure, [WrittenVoter], WrittenFacts) {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Refusal.notFound }
        let objection = settings.current.writtenObjection
        guard var found = try await store.find(id: id, objectionAllowed: objection) else { throw Refusal.notFound }
        try context.require(.viewWrittenProcedure(found.2))
        if found.0.status == .open && found.0.deadline <= Timestamp.string(formats.clock.now) {
            _ = try await store.closeDue()
            guard let again = try await store.find(id: id, objectionAllowed: objection) else { throw Refusal.notFound }
            found = again
            try context.require(.viewWrittenProcedure(found.2))
        }
        return found
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (procedure, voters, facts) = try await load(context)
        if facts.caseFacts?.confidential == true, let caseId = procedure.caseId {
            try await viewLog.record(context, action: "case.viewed", targetType: "case", targetId: caseId)
        }
        return try await render(procedure, voters, facts, context: context)
    }

    private func openableCase(_ id: Int64?, _ actor: Requester?) async throws -> String? {
        guard let id, let (_, facts) = try await cases.find(id: id), Policy.decide(actor, .viewCase(facts)) == .allow else { return nil }
        return Paths.case(id)
    }

    private func openableDeliverable(_ id: Int64?, _ actor: Requester?) async throws -> String? {
        guard let id, let (_, facts) = try await deliverables.find(id: id), Policy.decide(actor, .viewDeliverable(facts)) == .allow else {
            return nil
        }
        return Paths.deliverable(id)
    }

    private func render(_ procedure: WrittenProcedure, _ voters: [WrittenVoter], _ facts: WrittenFacts, context: AppRequestContext,
                        ballot: FormState = FormState(), declaration: FormState = FormState(), formError: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = context.language, messages = Catalog.messages(language), actor = context.actor
        func t(_ key: String) -> String { messages[runtime: key] ?? key }
        let me = actor?.userId
        let closed = procedure.status == .closed
        let conditions = procedure.outcome == .conditions ? try await store.conditions(id: procedure.id) : []
        let counted = voters.filter { !$0.recused }
        let count = { (choice: VoteChoice) in counted.filter { $0.choice == choice }.count }
        let mine = voters.first { $0.userId == me }
        let page = WrittenProcedurePages.Show(
            id: procedure.id, title: procedure.caseTitle ?? procedure.title, kind: t("written_kind_\(procedure.kind.rawValue)"),
            caseHref: try await openableCase(procedure.caseId, actor), deliverableHref: try await openableDeliverable(procedure.deliverableId, actor),
            textHTML: procedure.textHTML, deadline: formats.dateTime(procedure.deadline, language), open: procedure.status == .open,
            status: statusLabel(procedure.status, procedure.result, messages), statusKey: procedure.status.rawValue,
            result: procedure.result.map { t("written_result_\($0.rawValue)") },
            tally: closed ? Catalog.fill(t("written_tally"), ["for": String(count(.for)), "against": String(count(.against)),
                                                              "abstain": String(count(.abstain)), "voters": String(counted.count)]) : nil,
            proposedOutcome: procedure.outcome.map { t("outcome_\($0.rawValue)") },
            opinionHTML: procedure.opinionHTML.isEmpty ? nil : procedure.opinionHTML,
            articles: procedure.articles.isEmpty ? nil : procedure.articles,
            charterVersion: procedure.charterVersion.map(String.init),
            conditions: conditions.map {
                WrittenProcedurePages.Condition(text: $0.text, owner: $0.ownerName, due: formats.calendarDate($0.dueOn, language))
            },
            hasConditions: !conditions.isEmpty,
            voters: voters.map { voter -> WrittenProcedurePages.Voter in
                let state: String = if voter.recused { t("written_voter_recused") }
                    else if voter.choice != nil { t("written_voter_voted") }
                    else if voter.mustDeclare { t("written_voter_must_declare") }
                    else { t("written_voter_waiting") }
                // Choices and reasons are shown once the vote is over, so nobody votes with the count in view.
                return WrittenProcedurePages.Voter(name: voter.name, state: state, choice: closed ? voter.choice.map { t("vote_\($0.rawValue)") } : nil,
                             reasoning: closed && !voter.reasoning.isEmpty ? voter.reasoning : nil)
            },
            votedLine: Catalog.fill(t("written_progress"), ["voted": String(facts.voted.count), "voters": String(counted.count)]),
            meetingHref: procedure.meetingId.map(Paths.meeting),
            toMeetingLine: procedure.status == .toMeeting ? t(procedure.meetingId == nil ? "written_to_be_scheduled" : "written_to_meeting") : nil,
            myBallot: mine?.choice.map { t("vote_\($0.rawValue)") },
            ballotAction: Policy.decide(actor, .castWrittenBallot(facts)) == .allow ? Paths.writtenBallot(procedure.id) + "#ballot-form" : nil,
            choices: ballot.choices("choice", VoteChoice.allCases.map { ($0.rawValue, t("vote_\($0.rawValue)")) }),
            declarationAction: Policy.decide(actor, .declareWrittenInterest(facts)) == .allow
                ? Paths.writtenDeclaration(procedure.id) + "#declaration-form" : nil,
            conflictLine: mine?.mustDeclare == true ? Catalog.fill(t("written_conflict_line"), ["organisation": mine?.conflictWith ?? ""]) : nil,
            objectionHref: Policy.decide(actor, .objectToWrittenProcedure(facts)) == .allow ? Paths.writtenObjection(procedure.id) : nil,
            formError: formError.map { t($0) }, ballot: ballot, declaration: declaration, limits: LimitHints(language))
        return try await renderer.page("written/show", page, titleText: page.title, context: context,
                                       path: Paths.writtenProcedure(procedure.id), status: status)
    }

    /// The page again with the reason an act was refused (422).
    private func refuse(_ key: String?, context: AppRequestContext, ballot: FormState = FormState(),
                        declaration: FormState = FormState()) async throws -> Response {
        let (procedure, voters, facts) = try await load(context)
        return try await render(procedure, voters, facts, context: context, ballot: ballot, declaration: declaration, formError: key,
                                status: .unprocessableContent)
    }

    /// Why this person may not cast a ballot now, as a catalogue key.
    private func ballotRefusal(_ facts: WrittenFacts, _ me: Int64?) -> String {
        guard let me else { return "written_error_not_eligible" }
        if !facts.open { return "written_error_closed" }
        if facts.voted.contains(me) { return "written_error_already_voted" }
        if facts.mustDeclare.contains(me) { return "written_error_declare_first" }
        return "written_error_not_eligible"
    }

    func ballot(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (procedure, _, facts) = try await load(context)
        let form = WrittenBallotForm(context.form), language = context.language
        guard Policy.decide(context.actor, .castWrittenBallot(facts)) == .allow, let me = context.actor?.userId else {
            let key = ballotRefusal(facts, context.actor?.userId)
            return try await refuse(nil, context: context, ballot: form.refused(message: key, language))
        }
        let errors = form.validate()
        guard errors.isEmpty, let choice = form.choice else {
            return try await refuse(nil, context: context, ballot: form.refused(errors, language))
        }
        do {
            let closed = try await store.cast(id: procedure.id, userId: me, choice: choice, reasoning: form.reasoning, by: context.auditActor)
            return try await done(procedure.id, closed ? .flash_written_closed : .flash_written_voted, context)
        } catch let refusal as WrittenRefusal {
            return try await refuse(nil, context: context, ballot: form.refused(message: refusal.key, language))
        }
    }

    func declare(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (procedure, _, facts) = try await load(context)
        let language = context.language
        let raw = context.form["declaration"], declaration = WrittenDeclaration(rawValue: raw)
        let state = FormState(values: ["declaration": raw], errors: FieldErrors(), language: language)
        guard Policy.decide(context.actor, .declareWrittenInterest(facts)) == .allow, let me = context.actor?.userId else {
            let key = facts.open ? "written_error_already_declared" : "written_error_closed"
            return try await refuse(key, context: context)
        }
        guard let declaration else {
            return try await refuse(nil, context: context,
                                    declaration: FormState(values: state.values, errors: .on("declaration", .error_written_declaration), language: language))
        }
        // Recusing is irreversible: the form's "I understand" box must be ticked.
        if declaration == .recused && !Confirmation.given(context.form) {
            return try await refuse(nil, context: context,
                                    declaration: FormState(values: state.values, errors: FieldErrors(), message: "error_confirm_recusal", language: language))
        }
        do {
            let closed = try await store.declare(id: procedure.id, userId: me, declaration, by: context.auditActor)
            if declaration == .recused {
                // The case may no longer be theirs to see: back to the list.
                return try await sessions.redirect(to: Paths.writtenProcedures, flash: .flash_written_recused, context)
            }
            return try await done(procedure.id, closed ? .flash_written_closed : .flash_written_cleared, context)
        } catch let refusal as WrittenRefusal {
            return try await refuse(refusal.key, context: context)
        }
    }

    func confirmObjection(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (procedure, _, facts) = try await load(context)
        try context.require(.objectToWrittenProcedure(facts))
        return try await confirmation(procedure, context)
    }

    private func confirmation(_ procedure: WrittenProcedure, _ context: AppRequestContext) async throws -> Response {
        let title = procedure.caseTitle ?? procedure.title
        return try await Confirmation.page("written_objection", name: title, action: Paths.writtenObjection(procedure.id),
                                           back: Paths.writtenProcedure(procedure.id), backLabel: title, context: context, renderer: renderer)
    }

    func object(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (procedure, _, facts) = try await load(context)
        guard Policy.decide(context.actor, .objectToWrittenProcedure(facts)) == .allow, let me = context.actor?.userId else {
            return try await refuse(facts.open ? "written_error_not_eligible" : "written_error_closed", context: context)
        }
        guard Confirmation.given(context.form) else { return try await confirmation(procedure, context) }
        do {
            let meeting = try await store.object(id: procedure.id, userId: me, by: context.auditActor)
            return try await done(procedure.id, meeting == nil ? .flash_written_to_be_scheduled : .flash_written_to_meeting, context)
        } catch let refusal as WrittenRefusal {
            return try await refuse(refusal.key, context: context)
        }
    }
}
