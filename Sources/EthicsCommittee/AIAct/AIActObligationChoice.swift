import Foundation

/// The AI Act obligations the committee ticks on a decision form (the written-procedure proposal, a meeting's
/// roll, the close of the members' vote) to record them as conditions: each ticked obligation with its own owner
/// and due date. Recorded only with a favourable opinion with conditions.
struct AIActObligationChoice: Sendable {
    struct Pick: Sendable {
        let id: String
        let owner: String
        let dueOn: String
    }
    let picks: [Pick]
    /// Every owner and due date sent, ticked or not, so a refused form shows them all again.
    private let typed: [String: String]

    var ids: [String] { picks.map(\.id) }

    init(_ fields: FormFields) {
        var seen = Set<String>()
        picks = fields.all("aiact_obligation").filter { !$0.isEmpty && $0.count <= 60 && seen.insert($0).inserted }.map {
            Pick(id: $0, owner: fields["aiact_owner_" + $0], dueOn: fields["aiact_due_" + $0])
        }
        var typed: [String: String] = [:]
        for name in fields.names where (name.hasPrefix("aiact_owner_") || name.hasPrefix("aiact_due_")) && name.count <= 80 {
            typed[name] = fields[name]
        }
        self.typed = typed
    }

    /// Each ticked box kept as `aiact_obligation_<id>`, with every owner and due date as sent.
    var values: [String: String] {
        var values = typed
        for id in ids { values["aiact_obligation_" + id] = "1" }
        return values
    }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        for pick in picks {
            if pick.owner.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("aiact_owner_" + pick.id, .error_condition_owner) }
            if !Formats.isISODate(pick.dueOn) { errors.add("aiact_due_" + pick.id, .error_condition_due) }
        }
        return errors
    }

    /// The ticked obligations among those the case's classification offers, as conditions in the decider's
    /// language, each owner checked against the case as any condition's owner is (`ConditionOwners`).
    /// A ticked id the classification does not offer is refused, not ignored.
    func conditions(offered: [AIActObligation], facts: CaseFacts?, users: UserStore, language: Language,
                    errors: inout FieldErrors) async throws -> [NewCondition] {
        let t = Catalog.messages(language)
        var conditions: [NewCondition] = []
        for pick in picks {
            guard let obligation = offered.first(where: { $0.id == pick.id }) else {
                errors.add("aiact_obligations", .aiact_error_obligation_not_offered); continue
            }
            guard !pick.owner.isEmpty, Formats.isISODate(pick.dueOn) else { continue }  // already a field error
            // The owner as a person field: an e-mail, a name or an account number (`UserStore.find(typed:)`).
            let owner = try await users.find(typed: pick.owner)
            guard let facts, let owner, ConditionOwners.allowed(owner, facts) else {
                errors.add("aiact_owner_" + pick.id, .error_condition_owner); continue
            }
            conditions.append(NewCondition(text: "\(t[runtime: "aiact_obligation_\(obligation.id)"] ?? obligation.id)", ownerId: owner.id, dueOn: pick.dueOn))
        }
        return conditions
    }
}
