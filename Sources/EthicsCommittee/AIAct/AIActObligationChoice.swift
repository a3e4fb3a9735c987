import Foundation

/// The AI Act obligations the committee ticks on the decision form to record them as conditions: each
/// becomes a condition with the owner and due date chosen once for all of them. Recorded only with a
/// favourable opinion with conditions.
struct AIActObligationChoice: Sendable {
    let ids: [String]
    let owner: String
    let dueOn: String

    init(_ fields: FormFields) {
        ids = fields.all("aiact_obligation").filter { !$0.isEmpty }
        owner = fields["aiact_owner"]
        dueOn = fields["aiact_due"]
    }

    /// Each ticked box kept as `aiact_obligation_<id>`, so a refused form shows it ticked again.
    var values: [String: String] {
        var values = ["aiact_owner": owner, "aiact_due": dueOn]
        for id in ids { values["aiact_obligation_" + id] = "1" }
        return values
    }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        guard !ids.isEmpty else { return errors }
        if owner.isEmpty { errors.add("aiact_owner", "error_condition_owner") }
        if !Formats.isISODate(dueOn) { errors.add("aiact_due", "error_condition_due") }
        return errors
    }

    /// The conditions of the ticked obligations among those offered, in the decider's language.
    func conditions(offered: [AIActObligation], ownerId: Int64, language: Language) -> [NewCondition] {
        let t = Catalog.messages(language)
        return offered.filter { ids.contains($0.id) }.map {
            NewCondition(text: t["aiact_obligation_\($0.id)"] ?? $0.id, ownerId: ownerId, dueOn: dueOn)
        }
    }
}
