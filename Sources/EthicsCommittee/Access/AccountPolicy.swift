extension Policy {
    /// Accounts, settings, the audit trail and invitations: the administrator's, and the secretary's for the
    /// invitations of members, experts and project owners.
    static func decideAccounts(_ actor: Requester, _ action: Action) -> Decision {
        let role = actor.role
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .useApp:
            return .allow
        case .manageAccounts, .manageSettings, .readAuditTrail, .createResetLink, .resetSecondFactor:
            return allow(role == .admin)
        case .manageInvitations:
            return allow(role.isStaff)
        case .invite(let invitedRole), .viewInvitation(let invitedRole), .revokeInvitation(let invitedRole):
            // A secretary brings in members, experts and project owners, never staff (nor sees or revokes their links).
            return allow(role == .admin || (role == .secretary && [.member, .expert, .submitter].contains(invitedRole)))
        default:
            return .notFound
        }
    }
}
