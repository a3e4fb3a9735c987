import Foundation
import Hummingbird

/// Renders typed page models inside the shared layout. Templates reach the catalogue as `{{t.key}}`,
/// the layout as `{{layout.…}}` and the page's own model inside `{{#page}}…{{/page}}`. The templates are
/// compiled into Swift at build time (`CompiledTemplates`, see Sources/TemplateCompiler).
public struct Renderer: Sendable {
    let settings: SettingsCache
    let sessions: SessionStore
    /// Asked on every signed-in page for the versions the person still has to acknowledge.
    let charter: CharterStore
    /// Asked on every signed-in page for the header's unread count.
    let notifications: NotificationStore

    /// What every template is rendered with.
    struct View<Page>: Sendable where Page: Sendable {
        let layout: Layout
        let t: Messages
        let page: Page
        /// The common field limits, `{{fieldLimits.…}}` from any depth of any template.
        var fieldLimits: LimitHints
        /// `{{punctuation.colon}}` between a label and its value, in the reader's typography.
        var punctuation: Punctuation

        init(layout: Layout, t: Messages, page: Page) {
            self.layout = layout
            self.t = t
            self.page = page
            fieldLimits = LimitHints.of(Language(rawValue: layout.lang) ?? .en)
            punctuation = Punctuation.of(Language(rawValue: layout.lang) ?? .en)
        }
    }

    /// What a standalone page is rendered with: no layout.
    struct Standalone<Page>: Sendable where Page: Sendable {
        let t: Messages
        let page: Page
        let punctuation: Punctuation

        init(language: Language, page: Page) {
            t = Catalog.messages(language)
            self.page = page
            punctuation = Punctuation.of(language)
        }
    }

    /// A full page titled by a catalogue key.
    func page<Page: Sendable>(_ template: String, _ page: Page, title: MessageKey, context: AppRequestContext,
                              path: String, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await self.page(template, page, titleText: Catalog.messages(context.language)[title], context: context, path: path, status: status)
    }

    /// A full page titled by text already translated or typed by someone (a case's title).
    func page<Page: Sendable>(_ template: String, _ page: Page, titleText title: String, context: AppRequestContext,
                              path: String, status: HTTPResponse.Status = .ok) async throws -> Response {
        let messages = Catalog.messages(context.language)
        var flash: String?, flashLink: String?
        if let session = context.session, let stored = session.flash {
            flash = Flash.decode(stored, messages: messages)
            flashLink = Flash.link(stored)
            try? await sessions.setFlash(nil, idHash: session.idHash)
        }
        let layout = Layout(context: context, settings: settings.current, messages: messages,
                            title: title, path: path, flash: flash, flashLink: flashLink,
                            reminders: try await reminders(context, messages), unread: try await unread(context))
        return html(try render(template, View(layout: layout, t: messages, page: page)), status: status)
    }

    /// A page outside the layout (the print view of a document version): the template gets `t` and `page`.
    func standalone<Page: Sendable>(_ template: String, _ page: Page, context: AppRequestContext) throws -> Response {
        html(try render(template, Standalone(language: context.language, page: page)), status: .ok)
    }

    /// The banner for a committee account that has not acknowledged a document's current version.
    private func reminders(_ context: AppRequestContext, _ messages: Messages) async throws -> [Layout.Reminder] {
        guard let actor = context.actor, Policy.decide(actor, .acknowledgeCharter) == .allow else { return [] }
        return try await charter.pendingAcknowledgements(userId: actor.userId).map { pending in
            let text = messages.fill(.charter_banner, ["document": messages[runtime: "document_\(pending.kind)"] ?? pending.kind, "number": String(pending.number)])
            return Layout.Reminder(text: text, href: Paths.document(pending.kind))
        }
    }

    /// Unread notifications of a signed-in person who may use the app (nil: no link in the header).
    private func unread(_ context: AppRequestContext) async throws -> Int? {
        guard let actor = context.actor, Policy.decide(actor, .useApp) == .allow else { return nil }
        return try await notifications.unreadCount(for: actor)
    }

    /// The generic page for an error status, with no internal detail. Inside the session middleware it
    /// keeps the person's layout and language; outside it, the visitor's language from the request.
    /// The generic page of an HTTP status; `explanationKey` names a more precise message (a store's refusal).
    func errorPage(_ status: HTTPResponse.Status, request: Request, context: AppRequestContext,
                   explanationKey: String? = nil) -> Response {
        var context = context
        if context.session == nil {
            context.language = request.cookies[AppCookies.language].flatMap { Language(rawValue: $0.value) }
                ?? Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
                ?? settings.current.defaultLanguage
        }
        let messages = Catalog.messages(context.language)
        let code = [400, 403, 404, 409, 413, 422, 429].contains(status.code) ? status.code : 500
        let page = ErrorPage(code: status.code, heading: messages[runtime: "error_\(code)_title"] ?? "",
                             explanation: explanationKey.flatMap { messages[runtime: $0] } ?? messages[runtime: "error_\(code)_text"] ?? "")
        let layout = Layout(context: context, settings: settings.current, messages: messages,
                            title: page.heading, path: request.uri.path, flash: nil)
        let body = (try? render("error", View(layout: layout, t: messages, page: page))) ?? page.heading
        return html(body, status: status)
    }

    func render<Value>(_ template: String, _ value: Value) throws -> String {
        try CompiledTemplates.render(template, value)
    }

    private func html(_ body: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

struct ErrorPage: Sendable {
    let code: Int
    let heading: String
    let explanation: String
}

struct TemplateMissing: Error {
    let name: String
}
