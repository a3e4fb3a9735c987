import Foundation
import Hummingbird

/// Reading governance documents: the current version (the charter at its stable address /charter), any
/// version, the history, the comparison of two versions, the print view; and acknowledging the current one.
struct CharterController {
    let charter: CharterStore
    let sessions: SessionStore
    let renderer: Renderer
    let views: CharterViews

    init(charter: CharterStore, settings: SettingsCache, sessions: SessionStore, renderer: Renderer, formats: Formats) {
        self.charter = charter; self.sessions = sessions; self.renderer = renderer
        views = CharterViews(charter: charter, settings: settings, formats: formats)
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.charter), use: showCharter)
        router.get(RouterPath(Paths.documentPattern), use: show)
        router.get(RouterPath(Paths.documentVersionPattern), use: version)
        router.get(RouterPath(Paths.documentPrintPattern), use: printView)
        router.get(RouterPath(Paths.documentHistoryPattern), use: history)
        router.get(RouterPath(Paths.documentDiffPattern), use: diff)
        router.post(RouterPath(Paths.documentAcknowledgePattern), use: acknowledge)
    }

    func showCharter(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let document = try await charter.document(kind: GovernanceDocument.charter) else { throw Refusal.notFound }
        try views.requireRead(document, context)
        return try await showPage(document, number: nil, context: context)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let document = try await views.document(context)
        try views.requireRead(document, context)
        return try await showPage(document, number: nil, context: context)
    }

    func version(_ request: Request, context: AppRequestContext) async throws -> Response {
        let document = try await views.document(context)
        try views.requireRead(document, context)
        guard let number = context.parameters.get("number", as: Int.self) else { throw Refusal.notFound }
        return try await showPage(document, number: number, context: context)
    }

    func acknowledge(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession(.acknowledgeCharter)
        let document = try await views.document(context)
        guard document.requiresAcknowledgement, let number = Int(context.form["number"]) else { throw AppError.badRequest }
        do {
            try await charter.acknowledge(documentId: document.id, number: number, userId: session.user.id, by: context.auditActor)
        } catch CharterRefusal.notCurrent {
            return try await showPage(document, number: nil, context: context, error: "charter_ack_not_current", status: .conflict)
        }
        return try await sessions.redirect(to: Paths.document(document.kind), flash: .flash_charter_acknowledged, context)
    }

    /// Version `number`, or the current one; the acknowledgement box only on the current version.
    private func showPage(_ document: GovernanceDocument, number: Int?, context: AppRequestContext, error: String? = nil,
                          status: HTTPResponse.Status = .ok) async throws -> Response {
        let messages = Catalog.messages(context.language), language = context.language
        let title = CharterViews.title(document, messages)
        // The page's data in one read; the acknowledgement only for whoever is asked to acknowledge.
        let asked = document.requiresAcknowledgement && Policy.decide(context.actor, .acknowledgeCharter) == .allow
        let data = try await charter.page(documentId: document.id, number: number, userId: asked ? context.session?.user.id : nil)
        let versions = data.versions, shown = data.shown
        let currentNumber = versions.first?.number ?? 0
        if number != nil, shown == nil { throw Refusal.notFound }
        let kind = document.kind
        let canEdit = Policy.decide(context.actor, .editCharterDraft) == .allow
        let page = CharterPages.Show(
            title: title, tabs: views.tabs(document, data.documents, context), hasVersion: shown != nil,
            heading: shown.map { CharterViews.versionLabel($0.number, messages) } ?? "",
            published: shown.map { views.formats.dateTime($0.publishedAt, language) } ?? "",
            publisher: context.session == nil ? nil : shown?.publishedBy,
            changeKind: shown.map { CharterViews.changeKindLabel($0.changeKind, messages) } ?? "",
            changeNote: shown?.changeNote ?? "", isSubstantive: shown?.changeKind == .substantive,
            isCurrent: shown?.number == currentNumber, currentHref: Paths.document(kind),
            olderNotice: messages.fill(.charter_older_notice, ["number": String(currentNumber)]),
            html: shown?.html ?? "",
            printHref: Paths.documentPrint(kind, shown?.number ?? currentNumber),
            historyHref: Paths.documentHistory(kind),
            previousDiffHref: shown.flatMap { $0.number > 1 ? Paths.documentDiff(kind, from: $0.number - 1, to: $0.number) : nil },
            draftHref: canEdit ? Paths.documentDraft(kind) : nil,
            acknowledgementsHref: Policy.decide(context.actor, .viewAcknowledgements) == .allow && document.requiresAcknowledgement
                ? Paths.documentAcknowledgements(kind) : nil,
            acknowledgement: acknowledgementBox(document, shown, data.acknowledgement, isCurrent: shown?.number == currentNumber, context),
            error: error.flatMap { messages[runtime: $0] },
            older: versions.filter { $0.number != shown?.number }.map { views.versionLink(kind, $0, language) },
            hasOlder: versions.count > 1)
        let path = number == nil ? Paths.document(kind) : Paths.documentVersion(kind, number!)
        return try await renderer.page("charter/show", page, titleText: title, context: context, path: path, status: status)
    }

    private func acknowledgementBox(_ document: GovernanceDocument, _ shown: CharterVersion?, _ status: AcknowledgementStatus?,
                                    isCurrent: Bool, _ context: AppRequestContext) -> CharterPages.Acknowledgement? {
        guard let shown, isCurrent, document.requiresAcknowledgement, context.session != nil,
              Policy.decide(context.actor, .acknowledgeCharter) == .allow else { return nil }
        let messages = Catalog.messages(context.language)
        var doneText = ""
        if let status, status.isCurrent, let last = status.lastNumber, let at = status.lastAt {
            doneText = messages.fill(.charter_ack_done, ["number": String(last), "date": views.formats.dateTime(at, context.language)])
            if last < shown.number { doneText += " " + messages[.charter_ack_covers] }
        }
        return CharterPages.Acknowledgement(
            done: status?.isCurrent ?? false, doneText: doneText, action: Paths.documentAcknowledge(document.kind),
            number: shown.number,
            button: messages.fill(.charter_ack_button, ["number": String(shown.number)]))
    }

    func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        let document = try await views.document(context)
        try views.requireRead(document, context)
        let messages = Catalog.messages(context.language), language = context.language, kind = document.kind
        let versions = try await charter.versions(documentId: document.id)
        let rows = versions.map { version in
            CharterPages.HistoryRow(
                number: version.number, href: Paths.documentVersion(kind, version.number),
                label: CharterViews.versionLabel(version.number, messages),
                date: views.formats.dateTime(version.publishedAt, language),
                publisher: context.session == nil ? nil : version.publishedBy,
                changeKind: CharterViews.changeKindLabel(version.changeKind, messages),
                isSubstantive: version.changeKind == .substantive, note: version.changeNote,
                printHref: Paths.documentPrint(kind, version.number),
                diffHref: version.number > 1 ? Paths.documentDiff(kind, from: version.number - 1, to: version.number) : nil)
        }
        let latest = versions.first?.number ?? 0
        let title = CharterViews.title(document, messages) + " · " + messages[.charter_history]
        let page = CharterPages.History(
            title: CharterViews.title(document, messages), tabs: try await views.tabs(document, context),
            documentHref: Paths.document(kind), rows: rows, hasRows: !rows.isEmpty,
            compare: versions.count > 1
                ? views.compareForm(kind, versions, from: latest - 1, to: latest, inline: false, language) : nil)
        return try await renderer.page("charter/history", page, titleText: title, context: context, path: Paths.documentHistory(kind))
    }

    func diff(_ request: Request, context: AppRequestContext) async throws -> Response {
        let document = try await views.document(context)
        try views.requireRead(document, context)
        let messages = Catalog.messages(context.language), language = context.language, kind = document.kind
        let versions = try await charter.versions(documentId: document.id)
        let latest = versions.first?.number ?? 0
        let query = request.uri.queryParameters
        // Version numbers: anything outside 1...latest is simply not found.
        let to = RequestNumber.int(query["to"], in: 1...max(1, latest)) ?? latest
        let from = RequestNumber.int(query["from"], in: 1...max(1, latest)) ?? max(1, to - 1)
        let inline = query["view"].map(String.init) == "inline"
        guard let old = try await charter.version(documentId: document.id, number: from),
              let new = try await charter.version(documentId: document.id, number: to) else { throw Refusal.notFound }
        let heading = messages.fill(.charter_diff_heading, ["from": String(from), "to": String(to)])
        let page = CharterPages.Diff(
            title: CharterViews.title(document, messages), tabs: try await views.tabs(document, context), heading: heading,
            documentHref: Paths.document(kind), historyHref: Paths.documentHistory(kind),
            fromHref: Paths.documentVersion(kind, from), toHref: Paths.documentVersion(kind, to),
            sideHref: Paths.documentDiff(kind, from: from, to: to), inlineHref: Paths.documentDiff(kind, from: from, to: to, inline: true),
            comparison: CharterViews.comparison(old: old.markdown, new: new.markdown,
                                                oldLabel: views.versionLink(kind, old, language).label,
                                                newLabel: views.versionLink(kind, new, language).label,
                                                sideBySide: !inline, language),
            compare: views.compareForm(kind, versions, from: from, to: to, inline: inline, language))
        return try await renderer.page("charter/diff", page, titleText: CharterViews.title(document, messages) + " · " + heading,
                                       context: context, path: Paths.documentDiff(kind))
    }

    /// A standalone page with print CSS (A4, margins): the version and its date in the header.
    func printView(_ request: Request, context: AppRequestContext) async throws -> Response {
        let document = try await views.document(context)
        try views.requireRead(document, context)
        guard let number = context.parameters.get("number", as: Int.self),
              let version = try await charter.version(documentId: document.id, number: number) else { throw Refusal.notFound }
        let messages = Catalog.messages(context.language)
        let page = CharterPages.Print(
            lang: context.language.rawValue, committeeName: views.settings.current.committeeName,
            title: CharterViews.title(document, messages), version: CharterViews.versionLabel(number, messages),
            published: messages.fill(.charter_published_on, ["date": views.formats.date(version.publishedAt, context.language)]),
            changeKind: CharterViews.changeKindLabel(version.changeKind, messages), html: version.html,
            stylesheet: Paths.printStylesheet, icon: Layout.LinkPaths().icon, backHref: Paths.documentVersion(document.kind, number))
        return try renderer.standalone("charter/print", page, context: context)
    }
}
