import Foundation
import Hummingbird

/// The working draft of a governance document (admin and secretary) and publishing it (admin), plus the list of
/// who has not acknowledged the current version.
struct CharterDraftController {
    let charter: CharterStore
    let sessions: SessionStore
    let renderer: Renderer
    let views: CharterViews
    let reauthenticator: Reauthenticator

    init(charter: CharterStore, settings: SettingsCache, sessions: SessionStore, renderer: Renderer, formats: Formats,
         reauthenticator: Reauthenticator) {
        self.charter = charter; self.sessions = sessions; self.renderer = renderer; self.reauthenticator = reauthenticator
        views = CharterViews(charter: charter, settings: settings, formats: formats)
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.documentDraftPattern), use: edit)
        router.post(RouterPath(Paths.documentDraftPattern), use: save)
        router.post(RouterPath(Paths.documentPublishPattern), use: publish)
        router.get(RouterPath(Paths.documentAcknowledgementsPattern), use: acknowledgements)
    }

    /// What the two forms of the draft page carry, kept when a page is shown again after a refusal.
    struct Input {
        var markdown: String
        var revision: Int
        var changeNote = ""
        var changeKind: ChangeKind?
        var markdownError: String?
        var conflict: String?
        var changeNoteError: String?
        var publishError: String?
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.editCharterDraft)
        let document = try await views.document(context)
        return try await render(document, Input(markdown: document.draft, revision: document.draftRevision), context: context)
    }

    func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.editCharterDraft)
        let document = try await views.document(context)
        guard let revision = Int(context.form["revision"]) else { throw AppError.badRequest }
        // The publishing fields share the editor's form: keep them too.
        let input = Input(markdown: context.form.raw("markdown"), revision: revision,
                          changeNote: context.form["change_note"], changeKind: ChangeKind(rawValue: context.form["change_kind"]))
        if case .refused(let page) = try await saveTyped(document, input, context: context) { return page }
        return try await sessions.redirect(to: Paths.documentDraft(document.kind), flash: .flash_charter_draft_saved, context)
    }

    enum Saved {
        case saved(revision: Int)
        case refused(Response)
    }

    /// Saves the editor's text as the draft: its new revision, or the page again (422, or 409 on a concurrent
    /// save) with the text kept when it cannot be saved.
    private func saveTyped(_ document: GovernanceDocument, _ typed: Input, context: AppRequestContext) async throws -> Saved {
        var input = typed
        let messages = Catalog.messages(context.language)
        let bytes = input.markdown.utf8.count
        if bytes > Markdown.maxBytes {
            input.markdownError = messages.fill(.charter_draft_too_large, ["size": String((bytes + 1023) / 1024), "limit": String(Markdown.maxBytes / 1024)])
        } else if let problem = Validate.text(input.markdown, max: Int.max, required: false) {
            input.markdownError = messages[problem]
        }
        if input.markdownError != nil {
            return .refused(try await render(document, input, context: context, status: .unprocessableContent))
        }
        do {
            return .saved(revision: try await charter.saveDraft(documentId: document.id, markdown: input.markdown, basedOn: input.revision, by: context.auditActor))
        } catch CharterRefusal.draftChanged {
            // Someone saved in between: keep this person's text, show the saved draft, and let them merge.
            let fresh = try await views.document(context)
            input.revision = fresh.draftRevision
            input.conflict = messages.fill(.charter_draft_conflict, ["name": fresh.draftUpdatedBy ?? "", "date": fresh.draftUpdatedAt.map { views.formats.dateTime($0, context.language) } ?? ""])
            return .refused(try await render(fresh, input, context: context, status: .conflict))
        }
    }

    func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.publishCharter)
        let document = try await views.document(context)
        guard let revision = Int(context.form["revision"]) else { throw AppError.badRequest }
        let messages = Catalog.messages(context.language)
        // Publishing freezes what is in the editor: the button belongs to the editor's form. A body without
        // the editor's field (an older page) publishes the saved draft.
        let typed = context.form.names.contains("markdown")
        var input = Input(markdown: typed ? context.form.raw("markdown") : document.draft,
                          revision: revision, changeNote: context.form["change_note"],
                          changeKind: ChangeKind(rawValue: context.form["change_kind"]))
        input.changeNoteError = Validate.text(input.changeNote, max: FieldLimits.changeNote).flatMap { messages[$0] }
        if input.changeKind == nil { input.publishError = messages[.charter_change_kind_missing] }
        // A published version never changes: the form's "I understand" box must be ticked (`Confirmation`).
        else if !Confirmation.given(context.form) { input.publishError = messages[.charter_publish_confirm_missing] }
        // Publishing is sensitive: a fresh password or code, typed in the form's own field when needed.
        else if try await !reauthenticator.confirmed(context) { input.publishError = messages[.reauth_needed] }
        if input.changeNoteError != nil || input.publishError != nil {
            return try await render(document, input, context: context, status: .unprocessableContent)
        }
        if typed {
            switch try await saveTyped(document, input, context: context) {
            case .refused(let page): return page
            case .saved(let revision): input.revision = revision
            }
        }
        let version: CharterVersion
        do {
            version = try await charter.publish(documentId: document.id, changeNote: input.changeNote, change: input.changeKind!,
                                                basedOn: input.revision, by: context.auditActor)
        } catch let refusal as CharterRefusal {
            let key: String, status: HTTPResponse.Status
            switch refusal {
            case .draftChanged: (key, status) = ("charter_publish_stale", .conflict)
            case .emptyDraft: (key, status) = ("charter_publish_empty", .unprocessableContent)
            case .nothingChanged: (key, status) = ("charter_publish_unchanged", .unprocessableContent)
            case .tooLarge, .notCurrent: (key, status) = ("charter_publish_empty", .unprocessableContent)
            }
            let fresh = try await views.document(context)
            // The editor keeps what was typed (saved above when it was typed).
            if !typed { input.markdown = fresh.draft }
            input.revision = fresh.draftRevision; input.publishError = messages[runtime: key]
            return try await render(fresh, input, context: context, status: status)
        }
        return try await sessions.redirect(to: Paths.document(document.kind), flash: .flash_charter_published, value: String(version.number), context)
    }

    private func render(_ document: GovernanceDocument, _ input: Input, context: AppRequestContext,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let messages = Catalog.messages(context.language), language = context.language, kind = document.kind
        let current = try await charter.currentVersion(documentId: document.id)
        let next = (current?.number ?? 0) + 1
        let title = CharterViews.title(document, messages)
        let saved = document.draftUpdatedAt.map { at in
            messages.fill(.charter_last_saved, ["date": views.formats.dateTime(at, language), "name": document.draftUpdatedBy ?? ""])
        } ?? messages[.charter_never_saved]
        var currentNote: String?, changes: CharterPages.Comparison?
        if let current {
            if current.markdown == document.draft {
                currentNote = messages.fill(.charter_draft_same, ["number": String(current.number)])
            } else {
                changes = CharterViews.comparison(old: current.markdown, new: document.draft,
                                                  oldLabel: CharterViews.versionLabel(current.number, messages),
                                                  newLabel: messages[.charter_draft_label], sideBySide: false, language)
            }
        }
        let page = CharterPages.Draft(
            title: title, tabs: try await views.tabs(document, context), documentHref: Paths.document(kind),
            markdown: input.markdown, revision: input.revision, saveAction: Paths.documentDraft(kind),
            markdownError: input.markdownError, conflict: input.conflict, lastSaved: saved,
            previewHTML: (try? Markdown.html(document.draft)) ?? "",
            hasPreview: !document.draft.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            currentNote: currentNote, changes: changes,
            canPublish: Policy.decide(context.actor, .publishCharter) == .allow, publishAction: Paths.documentPublish(kind),
            publishLead: messages.fill(.charter_publish_lead, ["number": String(next)]),
            publishButton: messages.fill(.charter_publish_submit, ["number": String(next)]),
            isFirstVersion: current == nil, changeNote: input.changeNote, changeNoteError: input.changeNoteError,
            changeKinds: ChangeKind.allCases.map {
                CharterPages.ChangeKindOption(value: $0.rawValue, label: CharterViews.changeKindLabel($0, messages),
                                              hint: messages[runtime: "charter_\($0.rawValue)_hint"] ?? "", checked: $0 == input.changeKind)
            },
            publishError: input.publishError, needsReauthentication: !context.recentlyVerified,
            reauthUsesCode: try await reauthenticator.twoFactor.isEnabled(userId: context.session?.user.id ?? 0))
        return try await renderer.page("charter/draft", page, titleText: title + " · " + messages[.charter_draft_title],
                                       context: context, path: Paths.documentDraft(kind), status: status)
    }

    func acknowledgements(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewAcknowledgements)
        let document = try await views.document(context)
        guard document.requiresAcknowledgement else { throw Refusal.notFound }
        let messages = Catalog.messages(context.language), language = context.language
        let current = try await charter.currentVersion(documentId: document.id)
        let statuses = current == nil ? [] : try await charter.acknowledgements(documentId: document.id)
        func row(_ status: AcknowledgementStatus) -> CharterPages.RosterRow {
            let last = status.lastNumber.map { number in
                CharterViews.versionLabel(number, messages) + " · " + (status.lastAt.map { views.formats.dateTime($0, language) } ?? "")
            } ?? messages[.charter_acks_never]
            return CharterPages.RosterRow(name: status.name, role: messages[runtime: "role_\(status.role.rawValue)"] ?? "", last: last)
        }
        let pending = statuses.filter { !$0.isCurrent }.map(row), done = statuses.filter(\.isCurrent).map(row)
        let title = CharterViews.title(document, messages)
        let page = CharterPages.Acknowledgements(
            title: title, tabs: try await views.tabs(document, context), documentHref: Paths.document(document.kind),
            lead: current.map { messages.fill(.charter_acks_lead, ["number": String($0.number)]) }
                ?? messages[.charter_none_published],
            pendingHeading: messages.fill(.charter_acks_pending, ["count": String(pending.count)]),
            doneHeading: messages.fill(.charter_acks_done, ["count": String(done.count)]),
            pending: pending, done: done, hasPending: !pending.isEmpty, hasDone: !done.isEmpty)
        return try await renderer.page("charter/acknowledgements", page, titleText: title + " · " + messages[.charter_acks_title],
                                       context: context, path: Paths.documentAcknowledgements(document.kind))
    }
}
