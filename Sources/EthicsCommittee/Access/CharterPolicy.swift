extension Policy {
    /// Governance documents: everyone signed in reads the published versions (visitors when the settings make
    /// them public, `Policy.decide`); the staff keep the draft, the administrator publishes, the committee acknowledges.
    static func decideCharter(_ actor: Requester, _ action: Action) -> Decision {
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .readCharter:
            return .allow
        case .editCharterDraft, .viewAcknowledgements:
            return allow(actor.role.isStaff)
        case .publishCharter:
            return allow(actor.role == .admin)
        case .acknowledgeCharter:
            return allow(actor.role.isCommittee)
        default:
            return .notFound
        }
    }
}
