/// What deciding about one deliverable needs: its owner, the case it is linked to, and the eligible (not recused)
/// voters of an open written procedure on it.
public struct DeliverableFacts: Sendable, Equatable {
    public let ownerId: Int64
    public let linkedCase: CaseFacts?
    public let voters: Set<Int64>

    public init(ownerId: Int64, linkedCase: CaseFacts?, voters: Set<Int64> = []) {
        self.ownerId = ownerId; self.linkedCase = linkedCase; self.voters = voters
    }
}

extension Policy {
    /// Deliverables (opinions, guidelines, reports): the committee's work, never seen by project owners. A deliverable
    /// linked to a case follows that case (`canView`); an external expert sees only the deliverables they own.
    /// `DeliverableStore.visibility` is the same rule in SQL; `SQLRuleAgreementTests` checks both agree.
    /// Who may own a deliverable: the committee's accounts, never a project owner. The owner field suggests these
    /// roles and the form checks the person typed against them.
    static let deliverableOwnerRoles: [Role] = Role.allCases.filter(\.isCommittee)

    /// Whether a candidate may own a deliverable linked to `linkedCase` (nil: none): an active committee account who
    /// could open it as its owner, so who may open the linked case: owning a deliverable one cannot open (404) would
    /// hide it from its own owner. Asked by the owner field's check, on creating and on editing.
    static func mayOwnDeliverable(_ candidate: Requester, active: Bool, linkedCase: CaseFacts?) -> Bool {
        active && deliverableOwnerRoles.contains(candidate.role)
            && decide(candidate, .viewDeliverable(DeliverableFacts(ownerId: candidate.userId, linkedCase: linkedCase))) == .allow
    }

    static func decideDeliverable(_ actor: Requester, _ action: Action) -> Decision {
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .manageDeliverables:
            return allow(actor.role.isStaff)
        case .viewDeliverables:
            return allow(actor.role != .submitter)
        case .viewDeliverable(let facts):
            guard actor.role != .submitter else { return .notFound }
            if let linkedCase = facts.linkedCase, !canView(actor, linkedCase) { return .notFound }
            // Whoever has a vote on it reads what they decide (PRODUCT.md), as for a case on an agenda.
            return allow(actor.role.isStaff || actor.role == .member || facts.ownerId == actor.userId
                         || facts.voters.contains(actor.userId))
        default:
            return .notFound
        }
    }
}
