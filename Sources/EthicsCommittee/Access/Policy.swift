/// Who is asking: a signed-in account, or nobody (a visitor).
public struct Actor: Sendable, Equatable {
    public let userId: Int64
    public let role: Role
    public init(userId: Int64, role: Role) { self.userId = userId; self.role = role }
}

/// What they want to do, carrying the facts about the record that the decision needs.
/// Feature issues add cases here (viewing a case carries its confidentiality, reviewers, recusals…).
public enum Action: Sendable, Equatable {
    /// Any signed-in page of one's own: home, own password, own language.
    case useApp
    /// List accounts, invite, change roles, deactivate.
    case manageAccounts
    /// Committee settings.
    case manageSettings
    /// Read and verify the audit trail.
    case readAuditTrail
}

/// The answer. A record someone may not see is `.notFound`, so its existence does not leak.
public enum Decision: Sendable, Equatable {
    case allow
    case notFound
    case signInRequired
}

/// The one access policy: every route asks it, nothing else decides. Pure, so it is tested as a table.
public enum Policy {
    public static func decide(_ actor: Actor?, _ action: Action) -> Decision {
        guard let actor else { return .signInRequired }
        switch action {
        case .useApp:
            return .allow
        case .manageAccounts, .manageSettings, .readAuditTrail:
            return actor.role == .admin ? .allow : .notFound
        }
    }
}
