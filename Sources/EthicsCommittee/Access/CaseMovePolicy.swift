extension Policy {
    /// How the lifecycle table (`CaseLifecycle.table`) sees this person on this case: the staff, the case's
    /// project owner, or anyone else.
    private static func mover(_ actor: Requester?, _ facts: CaseFacts) -> CaseLifecycle.Mover {
        guard let actor else { return .other }
        if actor.role.isStaff { return .staff }
        return actor.userId == facts.submitterId ? .owner : .other
    }

    /// Why this person may not make this move on the case now (a catalogue key), nil when they may: asked by the
    /// case page to offer a button or a form (answers, questions) and by the handler before moving. The store
    /// checks the status again inside its write, so a race meets the same rule (409).
    static func moveRefusal(_ actor: Requester?, _ facts: CaseFacts, _ transition: CaseLifecycle.Transition) -> String? {
        if case .failure(let refusal) = move(actor, facts, transition) { return refusal.key }
        return nil
    }

    /// The status this move leads to, when this person may make it now; otherwise why not.
    static func move(_ actor: Requester?, _ facts: CaseFacts, _ transition: CaseLifecycle.Transition) -> Result<CaseStatus, CaseLifecycle.Refusal> {
        guard decide(actor, .moveCase(facts)) == .allow else { return .failure(CaseLifecycle.Refusal(key: "transition_not_yours")) }
        return CaseLifecycle.apply(transition, from: facts.status, by: mover(actor, facts))
    }

    /// The moves this person may make now, in the lifecycle's order.
    static func moves(_ actor: Requester?, _ facts: CaseFacts) -> [CaseLifecycle.Transition] {
        CaseLifecycle.Transition.allCases.filter { moveRefusal(actor, facts, $0) == nil }
    }

    /// The tabs of a person's case list, the first being where the list starts. Every committee account starts
    /// from all the cases it may open (an external expert's: those it reviews and those it votes on); a project
    /// owner from its own. Members and experts also have "to review", the staff the cases they filed.
    static func caseListScopes(_ actor: Requester) -> [CaseFilter.Scope] {
        switch actor.role {
        case .submitter: return [.mine]
        case .member, .expert: return [.all, .toReview]
        case .admin, .secretary: return [.all, .mine]
        }
    }

    /// The roles a case may be filed for (the owner field of the staff's new-case form, its suggestions and its check).
    static let caseOwnerRoles: [Role] = [.submitter]
}
