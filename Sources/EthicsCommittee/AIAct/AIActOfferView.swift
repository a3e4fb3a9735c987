import Foundation

/// The AI Act obligations offered as conditions on a decision form: the written-procedure proposal on the case
/// page, a meeting's roll and the close of the members' vote. One row per obligation, each with its own owner
/// and due date; a refused form shows them ticked, chosen and typed again. An obligation that applies later
/// suggests the date it applies from as its due date.
struct AIActOfferView: Sendable {
    struct Row: Sendable {
        let id: String
        let text: String
        let when: String
        let checked: Bool
        /// The owner as typed (a searchable person field, issue 19), or the first suggestion before anything was sent.
        let owner: String
        /// The owner field's bounded suggestions (e-mail, name).
        let owners: [Choice]
        let due: String
        let aiactOwnerError: String?
        let aiactDueError: String?
        /// The offer's suffix again: compiled templates read a bare name from the innermost value only (issue 19).
        let suffix: String
    }
    let rows: [Row]
    /// Makes the ids unique where one page holds several forms ("-3" for the third agenda item).
    let suffix: String
    /// Names unique on the page: Mustache looks a missing (nil) name up in the enclosing contexts.
    let aiactOfferError: String?

    /// Nil when the classification brings no obligation. `owners` are the suggestions, the project owner first when
    /// they may own a condition; `fallback` the owner shown before anything was sent (nil: the first suggestion).
    init?(_ obligations: [AIActCaseView.ObligationView], form: FormState, owners: [(value: String, label: String)],
          fallback: String?, suffix: String = "") {
        guard !obligations.isEmpty else { return nil }
        let sent = !form.values.isEmpty
        rows = obligations.map { obligation in
            let owner = "aiact_owner_" + obligation.id, due = "aiact_due_" + obligation.id
            return Row(id: obligation.id, text: obligation.text, when: obligation.when,
                       checked: form.value("aiact_obligation_" + obligation.id) == "1",
                       owner: sent ? form.value(owner) : fallback ?? owners.first?.value ?? "",
                       owners: owners.map { Choice(value: $0.value, label: $0.label, selected: false) },
                       due: sent ? form.value(due) : obligation.laterOn ?? "",
                       aiactOwnerError: form.errors[owner], aiactDueError: form.errors[due], suffix: suffix)
        }
        self.suffix = suffix
        aiactOfferError = form.errors["aiact_obligations"]
    }
}
