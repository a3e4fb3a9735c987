import Foundation

/// A form of a page as the page shows it again after a refusal: every value sent, kept as typed, and
/// each message beside its field. A page model carries one per form (empty until that form is refused),
/// so templates read `{{form.values.body}}` and `{{form.errors.body}}` the same way on every page.
struct FormState: Sendable {
    /// The values sent, by field name ("" when absent).
    var values: [String: String] = [:]
    /// Translated messages by field name.
    var errors: [String: String] = [:]
    /// A reason that belongs to the whole form (a status change in between, a quorum not reached).
    var message: String?

    var refused: Bool { message != nil || !errors.isEmpty }

    func value(_ name: String) -> String { values[name] ?? "" }

    /// The state of a refused form: its values, the field problems (catalogue keys) and an optional reason.
    init(values: [String: String], errors: FieldErrors, message key: String? = nil, language: Language) {
        self.values = values
        self.errors = errors.messages(language)
        self.message = key.map { Catalog.messages(language)[runtime: $0] ?? $0 }
    }

    init() {}

    /// Choices with the one sent (or `fallback`, when nothing was sent) selected.
    func choices(_ name: String, _ options: [(value: String, label: String)], fallback: String? = nil) -> [Choice] {
        let chosen = values[name] ?? fallback
        return options.map { Choice(value: $0.value, label: $0.label, selected: $0.value == chosen) }
    }
}

/// A form type: decodes a request's fields and validates them into field problems. Controllers act on a
/// valid form; an invalid one goes back into the page as a `FormState`.
protocol PageForm: Sendable {
    init(_ fields: FormFields)
    /// What the form sends, by field name, to show again as typed.
    var values: [String: String] { get }
    /// Problems found without the database, as catalogue keys by field.
    func validate() -> FieldErrors
}

extension PageForm {
    /// The state to re-render the page with: `errors` by field and/or a reason for the whole form.
    func refused(_ errors: FieldErrors = FieldErrors(), message: String? = nil, _ language: Language) -> FormState {
        FormState(values: values, errors: errors, message: message, language: language)
    }
}

extension FieldErrors {
    /// One problem on one field.
    static func on(_ field: String, _ key: MessageKey) -> FieldErrors {
        var errors = FieldErrors()
        errors.add(field, key)
        return errors
    }

    /// One problem whose key comes as text (a store's refusal).
    static func on(_ field: String, runtime key: String) -> FieldErrors {
        var errors = FieldErrors()
        errors.add(field, runtime: key)
        return errors
    }
}
