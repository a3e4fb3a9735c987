/// Who may be named owner of a condition of a case, for the owner lists of the decision form (case page)
/// and of the meeting's vote form, and for the check of both handlers: active accounts the policy lets own
/// it (`Policy.mayOwnCondition`: whoever may open the case).
enum ConditionOwners {
    /// The account as the policy sees a candidate owner (a newcomer still completes the welcome page first).
    static func actor(_ user: User) -> Actor { Actor(userId: user.id, role: user.role, onboarded: true) }

    static func allowed(_ user: User?, _ facts: CaseFacts) -> Bool {
        guard let user, user.active else { return false }
        return Policy.mayOwnCondition(actor(user), facts)
    }

    /// The filled rows of a decision, vote or written-procedure form as conditions, each owner checked against the
    /// case (`facts`; nil: no case, so nobody may own one); a refused owner is a message on its row's field.
    static func conditions(_ rows: ConditionRows, _ facts: CaseFacts?, users: UserStore, errors: inout FieldErrors) async throws -> [NewCondition] {
        var conditions: [NewCondition] = []
        for row in rows.filled {
            guard !row.owner.isEmpty else { continue }  // already a field error
            guard let facts, let owner = try await users.find(typed: row.owner), allowed(owner, facts) else {
                errors.add("condition_owner_\(row.index)", "error_person_unknown"); continue
            }
            conditions.append(NewCondition(text: row.text, ownerId: owner.id, dueOn: row.dueOn))
        }
        return conditions
    }

    /// The suggestions of an owner field (e-mail, name): the first `CaseShowBuilder.suggestions` allowed, by name.
    /// Anyone allowed may be typed; the handler resolves it (`UserStore.find(typed:)`).
    static func suggestions(_ people: [User], _ facts: CaseFacts) -> [(value: String, label: String)] {
        Array(people.lazy.filter { allowed($0, facts) }.prefix(CaseShowBuilder.suggestions).map { (value: $0.email, label: $0.name) })
    }
}
