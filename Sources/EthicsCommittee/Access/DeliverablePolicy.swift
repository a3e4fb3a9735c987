extension Policy {
    /// Deliverables (opinions, guidelines, reports): the committee's work, never seen by project owners. A deliverable
    /// linked to a case follows that case (`canView`); an external expert sees only the deliverables they own.
    /// `DeliverableStore.visibility` is the same rule in SQL; `SQLRuleAgreementTests` checks both agree.
    /// Who may own a deliverable: the committee's accounts, never a project owner. The owner field suggests these
    /// roles and the form checks the person typed against them.
    static let deliverableOwnerRoles: [Role] = Role.allCases.filter(\.isCommittee)

    static func decideDeliverable(_ actor: Actor, _ action: Action) -> Decision {
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .manageDeliverables:
            return allow(actor.role.isStaff)
        case .viewDeliverables:
            return allow(actor.role != .submitter)
        case .viewDeliverable(let ownerId, let linkedCase):
            guard actor.role != .submitter else { return .notFound }
            if let linkedCase, !canView(actor, linkedCase) { return .notFound }
            return allow(actor.role.isStaff || actor.role == .member || ownerId == actor.userId)
        default:
            return .notFound
        }
    }
}
