/// Who may be named owner of a condition of a case, for the owner lists of the decision form (case page)
/// and of the meeting's vote form, and for the check of both handlers: active accounts the policy lets own
/// it (`Policy.mayOwnCondition`: whoever may open the case).
enum ConditionOwners {
    /// The account as the policy sees a candidate owner (a newcomer still completes the welcome page first).
    static func actor(_ user: User) -> Requester { Requester(userId: user.id, role: user.role, onboarded: true) }

    static func allowed(_ user: User?, _ facts: CaseFacts) -> Bool {
        guard let user else { return false }
        return Policy.mayOwnCondition(actor(user), active: user.active, facts)
    }

    /// The filled rows of a decision, vote or written-procedure form as conditions, each owner checked against the
    /// case (`facts`; nil: no case, so nobody may own one); a refused owner is a message on its row's field.
    static func conditions(_ rows: ConditionRows, _ facts: CaseFacts?, users: UserStore, errors: inout FieldErrors) async throws -> [NewCondition] {
        var conditions: [NewCondition] = []
        for row in rows.filled {
            guard !row.owner.isEmpty else { continue }  // already a field error
            guard let facts, let owner = try await users.find(typed: row.owner), allowed(owner, facts) else {
                errors.add("condition_owner_\(row.index)", .error_person_unknown); continue
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

    /// A meeting decision's conditions (the roll, or the close of the members' vote): the filled rows, required
    /// unless AI Act obligations are ticked, and the ticked obligations the item's case classification offers.
    static func meetingConditions(_ rows: ConditionRows, _ obligations: AIActObligationChoice, caseId: Int64?, _ facts: CaseFacts?,
                                  aiAct: AIActStore, users: UserStore, language: Language,
                                  errors: inout FieldErrors) async throws -> [NewCondition] {
        for (field, key) in rows.validate(required: obligations.ids.isEmpty).keys { errors.add(field, runtime: key) }
        for (field, key) in obligations.validate().keys { errors.add(field, runtime: key) }
        var list = try await conditions(rows, facts, users: users, errors: &errors)
        guard !obligations.ids.isEmpty else { return list }
        var offered: [AIActObligation] = []
        if let caseId { offered = try await aiAct.obligations(caseId: caseId) }
        list += try await obligations.conditions(offered: offered, facts: facts, users: users, language: language, errors: &errors)
        return list
    }

    /// The owner suggestions of an AI Act obligation offered as a condition (the case page's decision, a meeting's
    /// roll and close of vote): e-mail and name of the first allowed accounts by account number, the case's project
    /// owner first (shown in the field before anything was typed). Anyone allowed may be typed.
    static func obligationOwners(_ people: [User], _ facts: CaseFacts) -> [(value: String, label: String)] {
        let owners = people.filter { allowed($0, facts) }
        let ordered = owners.filter { $0.id == facts.submitterId } + owners.filter { $0.id != facts.submitterId }
        return ordered.prefix(CaseShowBuilder.suggestions).map { (value: $0.email, label: $0.name) }
    }
}
