import Foundation
import Hummingbird

/// The admin's view of the audit trail: filters (who, action, record, dates), the view log, a CSV export of
/// what the filters select, and the chain verified on demand.
struct AuditController {
    let audit: AuditStore
    let users: UserStore
    let sessions: SessionStore
    let renderer: Renderer
    let formats: Formats
    static let pageSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.audit), use: list)
        router.get(RouterPath(Paths.auditExport), use: export)
        router.post(RouterPath(Paths.auditVerify), use: verify)
    }

    struct Row: Sendable {
        let id: Int64
        let at: String
        let actor: String
        let action: String
        let actionLabel: String
        let target: String
        let targetHref: String?
        let detail: String
        let client: String
    }

    struct Filters: Sendable {
        let input: AuditFilter.Input
        let errors: [String: String]
        let kinds: [Choice]
        let actions: [Choice]
        let types: [Choice]
        let hasErrors: Bool
    }

    struct Page: Sendable {
        let filters: Filters
        let rows: [Row]
        let hasRows: Bool
        let summary: String
        let pageNumber: Int
        let pageCount: Int
        let previous: String?
        let next: String?
        let exportHref: String
        let verifyAction: String
        let viewsOnly: Bool
        let clearHref: String
    }

    static let targetTypes = ["case", "meeting", "deliverable", "user", "invitation", "interest",
                              "governance_document", "governance_version", "settings"]

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.readAuditTrail)
        let messages = Catalog.messages(context.language)
        let input = Self.input(request)
        var (filter, errors) = AuditFilter.parse(input)
        if let email = filter.whoEmail {
            if let user = try await users.find(email: email) { filter.who = .account(user.id) } else { errors["who"] = "audit_error_who_unknown" }
        }
        let query = AuditFilter.query(input)
        var rows: [Row] = []
        var total = 0
        var number = 1
        var pageCount = 1
        var reach = ListBound.rows
        if errors.isEmpty {
            let shown = try await audit.search(bounds(filter), page: RequestNumber.page(request.uri.queryParameters["page"]), size: Self.pageSize)
            (total, number, pageCount, reach) = (shown.total, shown.number, shown.pageCount, shown.reach)
            rows = shown.rows.map { row($0, messages, context.language) }
        }
        var shown = input
        if errors["from"] == "audit_error_date" { shown.from = "" }
        if errors["to"] == "audit_error_date" { shown.to = "" }
        let filters = Filters(
            input: shown, errors: errors.mapValues { messages[runtime: $0] ?? $0 },
            kinds: [Choice(value: "", label: messages[.audit_kind_all], selected: input.kind != "views"),
                    Choice(value: "views", label: messages[.audit_kind_views], selected: input.kind == "views"),
                    Choice(value: "nobody", label: messages[.audit_who_nobody], selected: input.kind == "nobody")],
            actions: [Choice(value: "", label: messages[.audit_action_any], selected: input.action.isEmpty)]
                + Self.actionCodes(context.language).map { Choice(value: $0.code, label: $0.label, selected: input.action == $0.code) },
            types: [Choice(value: "", label: messages[.audit_type_any], selected: input.targetType.isEmpty)]
                + Self.targetTypes.map { Choice(value: $0, label: messages[runtime: "audit_type_\($0)"] ?? $0, selected: input.targetType == $0) },
            hasErrors: !errors.isEmpty)
        let page = Page(
            filters: filters, rows: rows, hasRows: !rows.isEmpty, summary: ListBound.countLabel(.audit_entries, total, context.language, reach: reach),
            pageNumber: number, pageCount: pageCount,
            previous: number > 1 ? Paths.audit(query: query, page: number - 1) : nil,
            next: number < pageCount ? Paths.audit(query: query, page: number + 1) : nil,
            exportHref: Paths.auditExport(query: query), verifyAction: Paths.auditVerify,
            viewsOnly: filter.viewsOnly, clearHref: Paths.audit)
        return try await renderer.page("admin/audit", page, title: filter.viewsOnly ? .audit_views_title : .audit_title,
                                       context: context, path: Paths.audit, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The entries the filters select, as CSV, streamed in batches (the whole trail may be hundreds of thousands).
    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.readAuditTrail)
        try context.requireRecentVerification()
        var (filter, errors) = AuditFilter.parse(Self.input(request))
        if let email = filter.whoEmail { filter.who = try await users.find(email: email).map { .account($0.id) } ?? .account(0) }
        guard errors.isEmpty else { throw AppError.badRequest }
        let batches = audit.batches(bounds(filter))
        let messages = Catalog.messages(context.language)
        let header = ["id", "at", "actor_id", "actor", "action", "action_label", "target_type", "target_id", "detail", "client", "hash"]
        return StreamedDownload.response(type: "text/csv; charset=utf-8", name: "audit-\(formats.localISODate()).csv") { writer in
            try await writer.write(ByteBuffer(string: CSV.byteOrderMark + CSV.line(header)))
            for try await batch in batches {
                var text = ""
                for entry in batch {
                    text += CSV.line([String(entry.id), entry.at, entry.actorId.map(String.init) ?? "", entry.actor, entry.action,
                                      messages[runtime: "audit_action_\(entry.action)"] ?? "", entry.targetType, entry.targetId,
                                      entry.detail, entry.client, entry.hash])
                }
                try await writer.write(ByteBuffer(string: text))
            }
        }
    }

    /// Walks the whole chain now; the result is shown and itself recorded in the trail.
    func verify(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.readAuditTrail)
        let result = try await audit.verifyAndRecord(by: context.auditActor, at: formats.clock.now)
        let (key, value) = result.firstBrokenId.map { (.flash_audit_broken, String($0)) }
            ?? result.anchorProblem.map { ($0.flash.key, $0.flash.value) }
            ?? (.flash_audit_holds, String(result.checked))
        return try await sessions.redirect(to: Paths.audit, flash: key, value: value, context)
    }

    private static func input(_ request: Request) -> AuditFilter.Input {
        let query = request.uri.queryParameters
        func value(_ name: String) -> String { String((query[Substring(name)].map(String.init) ?? "").prefix(200)) }
        return AuditFilter.Input(kind: value("kind"), who: value("who"), action: value("action"), targetType: value("type"),
                                 targetId: value("record"), from: value("from"), to: value("to"))
    }

    /// The committee's calendar days as stored UTC bounds: from the first day's midnight to the midnight after the last.
    private func bounds(_ filter: AuditFilter) -> AuditQuery {
        let nextDay = filter.to.flatMap { day in
            Timestamp.date(day + "T12:00:00.000Z").map { Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash).format($0 + 86400) }
        }
        return AuditQuery(filter: filter,
                          atFrom: filter.from.flatMap { formats.storedTimestamp(fromLocal: $0 + "T00:00") },
                          atBefore: nextDay.flatMap { formats.storedTimestamp(fromLocal: $0 + "T00:00") })
    }

    /// Every action the catalogue names (`audit_action_<code>`), by label: sorted once per language, as a
    /// locale-aware sort of a hundred labels was two thirds of the audit page's time (bench/README.md).
    static func actionCodes(_ language: Language) -> [(code: String, label: String)] {
        language == .fr ? frenchActionCodes : englishActionCodes
    }

    private static let englishActionCodes = sortedActionCodes(Catalog.messages(.en))
    private static let frenchActionCodes = sortedActionCodes(Catalog.messages(.fr))

    private static func sortedActionCodes(_ messages: Messages) -> [(code: String, label: String)] {
        let prefix = "audit_action_"
        return zip(MessageKey.names, messages.texts).compactMap { key, label in
            key.hasPrefix(prefix) && key != "audit_action_any" ? (code: String(key.dropFirst(prefix.count)), label: label) : nil
        }.sorted { $0.label.localizedStandardCompare($1.label) == .orderedAscending }
    }

    private func row(_ entry: AuditEntry, _ messages: Messages, _ language: Language) -> Row {
        let id = Int64(entry.targetId)
        let href: String? = switch entry.targetType {
        case "case": id.map(Paths.case)
        case "meeting": id.map(Paths.meeting)
        case "deliverable": id.map(Paths.deliverable)
        case "user": id.map(Paths.user)
        default: nil
        }
        let type = messages[runtime: "audit_type_\(entry.targetType)"] ?? entry.targetType
        return Row(id: entry.id, at: formats.dateTime(entry.at, language, seconds: true), actor: entry.actor,
                   action: entry.action, actionLabel: messages[runtime: "audit_action_\(entry.action)"] ?? entry.action,
                   target: entry.targetType.isEmpty ? "" : "\(type) \(entry.targetId)", targetHref: href,
                   detail: entry.detail, client: entry.client)
    }
}
