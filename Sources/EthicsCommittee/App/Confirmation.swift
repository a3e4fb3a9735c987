import Hummingbird

/// Irreversible acts ask first, without JavaScript: the button leads (GET) to a small page that says what will
/// happen and that it cannot be undone, whose form posts the act with `confirm=1` and the CSRF token. A POST
/// without the field performs nothing and answers that page again. Forms with their own fields (a recusal's
/// reason, a version's change note) carry a required "I understand" box with the same field instead.
enum Confirmation {
    /// The name and value the confirmed form sends.
    static let field = "confirm"

    static func given(_ form: FormFields) -> Bool { form[field] == "1" }

    struct Hidden: Sendable {
        let name: String
        let value: String
    }

    /// The page: catalogue keys for its texts; `name` fills "{name}" in the heading and the explanation.
    struct Page: Sendable {
        let heading: String
        let explanation: String
        /// What cannot be undone.
        let warning: String
        let button: String
        let action: String
        let backHref: String
        let backLabel: String
        let fields: [Hidden]
    }

    /// Renders the confirmation page for an act named by `key`: the catalogue holds `confirm_<key>_title`,
    /// `confirm_<key>_text`, `confirm_<key>_warning` and `confirm_<key>_button`.
    static func page(_ key: String, name: String, action: String, back: String, backLabel: String, fields: [Hidden] = [],
                     context: AppRequestContext, renderer: Renderer) async throws -> Response {
        let messages = Catalog.messages(context.language)
        func text(_ suffix: String) -> String {
            (messages[runtime: "confirm_\(key)_\(suffix)"] ?? "").replacingOccurrences(of: "{name}", with: name)
        }
        let page = Page(heading: text("title"), explanation: text("text"), warning: text("warning"), button: text("button"), action: action,
                        backHref: back, backLabel: backLabel, fields: fields)
        return try await renderer.page("confirm", page, titleText: page.heading, context: context, path: action)
    }
}
