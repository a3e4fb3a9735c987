extension Policy {
    /// The composition, the directory and each member's profile and declaration. External experts see the
    /// directory, not others' contact details or interests; project owners see none of it.
    static func decideMembers(_ actor: Requester, _ action: Action) -> Decision {
        let role = actor.role
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .viewComposition:
            return allow(role != .submitter)
        case .viewCompositionDetails:
            return allow(role.isStaff || role == .member)
        case .viewMemberPrivate(let memberId):
            return allow(role.isStaff || role == .member || memberId == actor.userId)
        case .editMemberProfile(let memberId):
            return allow(role.isStaff || memberId == actor.userId)
        case .manageSeats:
            return allow(role.isStaff)
        case .signDeclaration(let memberId):
            return allow(memberId == actor.userId && role.sitsOnCommittee)
        default:
            // `.completeOnboarding` is answered before the onboarding gate (`Policy.decide`).
            return .notFound
        }
    }
}
