import Foundation
import Hummingbird

/// Deliverables: the list by status and owner, one deliverable, its form, its status changes.
struct DeliverableController {
    let deliverables: DeliverableStore
    let users: UserStore
    let cases: CaseStore
    let meetings: MeetingStore
    let sessions: SessionStore
    let renderer: Renderer
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.deliverables), use: list)
        router.get(RouterPath(Paths.newDeliverable), use: new)
        router.post(RouterPath(Paths.deliverables), use: create)
        router.get(RouterPath(Paths.deliverablePattern), use: show)
        router.get(RouterPath(Paths.deliverableEditPattern), use: edit)
        router.post(RouterPath(Paths.deliverableEditPattern), use: update)
        router.get(RouterPath(Paths.deliverableStatusPattern), use: confirmMove)
        router.post(RouterPath(Paths.deliverableStatusPattern), use: move)
    }

    static let pageSize = 50

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewDeliverables)
        let messages = Catalog.messages(context.language), today = formats.localISODate()
        let query = request.uri.queryParameters
        let status = query["status"].flatMap { DeliverableStatus(rawValue: String($0)) }
        // The owner filter is an e-mail or a name (or an account number), resolved here; nobody known: nothing listed.
        let ownerTyped = query["owner"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        var owner: Int64?, ownerError: String?
        if !ownerTyped.isEmpty {
            if let found = try await users.find(typed: ownerTyped) { owner = found.id } else {
                owner = -1; ownerError = messages[.error_person_unknown]
            }
        }
        guard let actor = context.actor else { throw Refusal.notFound }
        let shown = try await deliverables.list(for: actor, status: status, ownerId: owner,
                                                page: RequestNumber.page(query["page"]), size: Self.pageSize)
        func link(_ number: Int) -> String {
            let typed = ownerTyped.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "@.-_"))) ?? ""
            let filters = [status.map { "status=\($0.rawValue)" }, ownerTyped.isEmpty ? nil : "owner=\(typed)", "page=\(number)"]
            return Paths.deliverables + "?" + filters.compactMap { $0 }.joined(separator: "&")
        }
        let page = DeliverablePages.List(
            rows: shown.rows.map { row($0, messages, context.language, today) }, hasRows: !shown.rows.isEmpty,
            statuses: DeliverableStatus.allCases.map { Choice(value: $0.rawValue, label: messages[runtime: "deliverable_status_\($0.rawValue)"] ?? "", selected: $0 == status) },
            owner: ownerTyped, ownerError: ownerError,
            newHref: Policy.decide(context.actor, .manageDeliverables) == .allow ? Paths.newDeliverable : nil,
            count: ListBound.countLabel(.deliverables_count, shown.total, context.language),
            pageNumber: shown.number, pageCount: shown.pageCount, hasPages: shown.pageCount > 1,
            previous: shown.hasPrevious ? link(shown.number - 1) : nil, next: shown.hasNext ? link(shown.number + 1) : nil)
        return try await renderer.page("deliverables/index", page, title: .deliverables_title, context: context, path: Paths.deliverables)
    }

    private func row(_ item: Deliverable, _ messages: Messages, _ language: Language, _ today: String) -> DeliverablePages.Row {
        DeliverablePages.Row(href: Paths.deliverable(item.id), title: item.title, kind: messages[runtime: "deliverable_kind_\(item.kind.rawValue)"] ?? "",
                             owner: item.ownerName, due: formats.calendarDate(item.dueOn, language),
                             status: messages[runtime: "deliverable_status_\(item.status.rawValue)"] ?? "", statusKey: item.status.rawValue,
                             overdue: item.overdue(today: today))
    }

    private func load(_ context: AppRequestContext) async throws -> Deliverable {
        guard let id = context.parameters.get("id", as: Int64.self), let (found, facts) = try await deliverables.find(id: id) else {
            throw Refusal.notFound
        }
        try context.require(.viewDeliverable(facts))
        return found
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await showPage(try await load(context), context: context)
    }

    private func showPage(_ item: Deliverable, context: AppRequestContext, error: String? = nil,
                          status: HTTPResponse.Status = .ok) async throws -> Response {
        let messages = Catalog.messages(context.language), language = context.language
        let manage = Policy.decide(context.actor, .manageDeliverables) == .allow
        // The linked case and meeting are links only for a reader who may open them: a page never links to a 404.
        let linkedCase = try await item.caseId.asyncMap { try await cases.find(id: $0) } ?? nil
        let caseLink = linkedCase.flatMap { Policy.decide(context.actor, .viewCase($0.1)) == .allow ? $0.0 : nil }
        let meeting = try await item.meetingId.asyncMap { try await meetings.find(id: $0) } ?? nil
        let meetingLink = meeting.flatMap { Policy.decide(context.actor, .viewMeeting($0.1)) == .allow ? $0.0 : nil }
        let page = DeliverablePages.Show(
            title: item.title, kind: messages[runtime: "deliverable_kind_\(item.kind.rawValue)"] ?? "", owner: item.ownerName,
            due: formats.calendarDate(item.dueOn, language), overdue: item.overdue(today: formats.localISODate()),
            status: messages[runtime: "deliverable_status_\(item.status.rawValue)"] ?? "", statusKey: item.status.rawValue,
            delivered: item.deliveredAt.map { formats.date($0, language) },
            caseHref: caseLink.map { Paths.case($0.id) }, caseTitle: caseLink?.title, meetingHref: meetingLink.map { Paths.meeting($0.id) },
            bodyHTML: item.bodyHTML,
            editHref: manage && item.status != .delivered ? Paths.deliverableEdit(item.id) : nil,
            statusAction: manage && !item.status.next.isEmpty ? Paths.deliverableStatus(item.id) : nil,
            moves: item.status.next.map {
                DeliverablePages.Button(value: $0.rawValue, label: messages[runtime: "deliverable_move_\($0.rawValue)"] ?? "",
                                        confirmHref: $0 == .delivered ? Paths.deliverableStatus(item.id) + "?status=delivered" : nil)
            },
            frozen: item.status == .delivered, formError: error.flatMap { messages[runtime: $0] })
        return try await renderer.page("deliverables/show", page, titleText: item.title, context: context,
                                       path: Paths.deliverable(item.id), status: status)
    }

    /// Marking a deliverable delivered freezes it: the button leads to a confirmation page (`Confirmation`).
    func confirmMove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await load(context)
        try context.require(.manageDeliverables)
        guard request.uri.queryParameters["status"].map(String.init) == DeliverableStatus.delivered.rawValue,
              item.status.next.contains(.delivered) else { return .redirect(to: Paths.deliverable(item.id)) }
        return try await confirmDelivered(item, context)
    }

    private func confirmDelivered(_ item: Deliverable, _ context: AppRequestContext) async throws -> Response {
        try await Confirmation.page("delivered", name: item.title, action: Paths.deliverableStatus(item.id), back: Paths.deliverable(item.id),
                                    backLabel: item.title, fields: [Confirmation.Hidden(name: "status", value: DeliverableStatus.delivered.rawValue)],
                                    context: context, renderer: renderer)
    }

    func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await load(context)
        try context.require(.manageDeliverables)
        guard let target = DeliverableStatus(rawValue: context.form["status"]) else {
            return try await showPage(item, context: context, error: "deliverable_error_move", status: .unprocessableContent)
        }
        if target == .delivered, item.status.next.contains(.delivered), !Confirmation.given(context.form) {
            return try await confirmDelivered(item, context)
        }
        do {
            try await deliverables.move(id: item.id, to: target, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await showPage(item, context: context, error: refusal.key, status: .unprocessableContent)
        }
        let flash: MessageKey = switch target {
        case .planned: .flash_deliverable_planned
        case .inProgress: .flash_deliverable_in_progress
        case .delivered: .flash_deliverable_delivered
        case .cancelled: .flash_deliverable_cancelled
        }
        return try await done(item.id, flash, context)
    }

    private func done(_ id: Int64, _ flash: MessageKey, _ context: AppRequestContext) async throws -> Response {
        return try await sessions.redirect(to: Paths.deliverable(id), flash: flash, context)
    }

    // MARK: the form

    func new(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageDeliverables)
        let draft = DeliverableDraft(kind: .benchmark, title: "", ownerId: context.session?.user.id ?? 0,
                                     dueOn: formats.localISODate(daysFromNow: 30), caseId: nil, meetingId: nil, body: "")
        return try await form(draft, id: nil, errors: FieldErrors(), context: context)
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await load(context)
        try context.require(.manageDeliverables)
        guard item.status != .delivered else { return try await showPage(item, context: context, error: "deliverable_error_frozen", status: .unprocessableContent) }
        let draft = DeliverableDraft(kind: item.kind, title: item.title, ownerId: item.ownerId, dueOn: item.dueOn, caseId: item.caseId,
                                     meetingId: item.meetingId, body: item.body)
        return try await form(draft, id: item.id, errors: FieldErrors(), context: context)
    }

    /// The form; `typed` holds what was typed in the owner, case and meeting fields of a refused form (kept as is).
    private func form(_ draft: DeliverableDraft, id: Int64?, errors: FieldErrors, context: AppRequestContext,
                      status: HTTPResponse.Status = .ok, typed: [String: String] = [:]) async throws -> Response {
        let messages = Catalog.messages(context.language)
        guard let actor = context.actor else { throw Refusal.notFound }
        // Searchable fields, bounded however large the archive (issue 19): the first committee accounts, the latest
        // cases and meetings the person may open are suggested; any may be typed (an e-mail or name, a number).
        let limit = CaseShowBuilder.suggestions
        let people = try await users.suggestions(roles: Policy.deliverableOwnerRoles, limit: limit)
        let recentCases = try await cases.list(for: actor, filter: CaseFilter(), today: formats.localISODate(), offset: 0, limit: limit).0
        let recentMeetings = try await meetings.list(for: actor, limit: limit)
        var owner = typed["owner_id"] ?? ""
        if typed["owner_id"] == nil, let saved = try await users.find(id: draft.ownerId) { owner = saved.email }
        let page = DeliverablePages.Form(
            action: id.map(Paths.deliverableEdit) ?? Paths.deliverables, isNew: id == nil,
            kinds: DeliverableKind.allCases.map { Choice(value: $0.rawValue, label: messages[runtime: "deliverable_kind_\($0.rawValue)"] ?? "", selected: $0 == draft.kind) },
            title: draft.title,
            owner: owner,
            owners: people.map { Choice(value: $0.email, label: $0.name, selected: false) },
            dueOn: draft.dueOn,
            caseId: typed["case_id"] ?? draft.caseId.map(String.init) ?? "",
            cases: recentCases.map { Choice(value: String($0.id), label: $0.title, selected: false) },
            meetingId: typed["meeting_id"] ?? draft.meetingId.map(String.init) ?? "",
            meetings: recentMeetings.map { Choice(value: String($0.id), label: "\($0.title) — \(formats.date($0.startsAt, context.language))", selected: false) },
            body: draft.body, errors: errors.messages(context.language), error: errors.isEmpty ? nil : messages[.meeting_form_errors])
        return try await renderer.page("deliverables/form", page, title: id == nil ? .deliverable_new_title : .deliverable_edit_title,
                                       context: context, path: id.map(Paths.deliverableEdit) ?? Paths.newDeliverable, status: status)
    }

    private func decode(_ context: AppRequestContext) async throws -> (DeliverableDraft, String?, FieldErrors, [String: String]) {
        let form = context.form
        var errors = FieldErrors()
        let kind = DeliverableKind(rawValue: form["kind"])
        if kind == nil { errors.add("kind", .deliverable_error_kind) }
        if let problem = Validate.text(form["title"], max: 200) { errors.add("title", problem) }
        let typed = ["owner_id": form["owner_id"].trimmingCharacters(in: .whitespaces),
                     "case_id": form["case_id"].trimmingCharacters(in: .whitespaces),
                     "meeting_id": form["meeting_id"].trimmingCharacters(in: .whitespaces)]
        if !Formats.isISODate(form["due_on"]) { errors.add("due_on", .deliverable_error_due) }
        let caseId = Int64(typed["case_id"] ?? ""), meetingId = Int64(typed["meeting_id"] ?? "")
        // A number typed must name an existing record; empty means none.
        var linkedCase: CaseFacts?
        if typed["case_id"]?.isEmpty == false {
            if let caseId { linkedCase = try await cases.find(id: caseId)?.1 }
            if linkedCase == nil { errors.add("case_id", .deliverable_error_link) }
        }
        // The owner: a committee account, who may open the linked case (`Policy.mayOwnDeliverable`), so that they can
        // open what they own and its page never links them to a 404.
        let owner = try await users.find(typed: typed["owner_id"] ?? "")
        if owner.map({ $0.active && Policy.deliverableOwnerRoles.contains($0.role) }) != true {
            errors.add("owner_id", typed["owner_id"]?.isEmpty == false ? .error_person_unknown : .deliverable_error_owner)
        } else if let owner, !Policy.mayOwnDeliverable(Requester(userId: owner.id, role: owner.role), active: owner.active, linkedCase: linkedCase) {
            errors.add("owner_id", .deliverable_error_owner_case)
        }
        if typed["meeting_id"]?.isEmpty == false {
            var found = false
            if let meetingId { found = try await meetings.find(id: meetingId) != nil }
            if !found { errors.add("meeting_id", .deliverable_error_link) }
        }
        let body = form.raw("body").trimmingCharacters(in: .whitespacesAndNewlines)
        let html = body.utf8.count <= 100_000 ? try? Markdown.html(body) : nil
        if html == nil { errors.add("body", .error_too_long) }
        let draft = DeliverableDraft(kind: kind ?? .other, title: form["title"], ownerId: owner?.id ?? 0, dueOn: form["due_on"],
                                     caseId: caseId, meetingId: meetingId, body: body)
        return (draft, html, errors, typed)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageDeliverables)
        let (draft, html, errors, typed) = try await decode(context)
        guard errors.isEmpty, let html else {
            return try await form(draft, id: nil, errors: errors, context: context, status: .unprocessableContent, typed: typed)
        }
        let id = try await deliverables.create(draft, bodyHTML: html, by: context.auditActor)
        return try await done(id, .flash_deliverable_created, context)
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await load(context)
        try context.require(.manageDeliverables)
        let (draft, html, errors, typed) = try await decode(context)
        guard errors.isEmpty, let html else {
            return try await form(draft, id: item.id, errors: errors, context: context, status: .unprocessableContent, typed: typed)
        }
        do {
            try await deliverables.update(id: item.id, draft, bodyHTML: html, by: context.auditActor)
        } catch let refusal as MeetingRefusal {
            return try await showPage(item, context: context, error: refusal.key, status: .unprocessableContent)
        }
        return try await done(item.id, .flash_deliverable_saved, context)
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
