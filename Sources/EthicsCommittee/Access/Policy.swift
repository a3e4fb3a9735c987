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
    /// Read the published versions of a governance document (current, older, history, diff, print).
    /// Everyone signed in may; a visitor only when the settings make it public, and 404 otherwise.
    case readCharter(isPublic: Bool)
    /// Read and edit a document's working draft.
    case editCharterDraft
    /// Freeze the draft as the next version.
    case publishCharter
    /// "I have read and accept version N": the committee's accounts.
    case acknowledgeCharter
    /// See who has not acknowledged the current version.
    case viewAcknowledgements
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
        if case .readCharter(let isPublic) = action, actor == nil { return isPublic ? .allow : .notFound }
        guard let actor else { return .signInRequired }
        switch action {
        case .useApp:
            return .allow
        case .manageAccounts, .manageSettings, .readAuditTrail:
            return actor.role == .admin ? .allow : .notFound
        case .readCharter:
            return .allow
        case .editCharterDraft, .viewAcknowledgements:
            return [.admin, .secretary].contains(actor.role) ? .allow : .notFound
        case .publishCharter:
            return actor.role == .admin ? .allow : .notFound
        case .acknowledgeCharter:
            return actor.role.isCommittee ? .allow : .notFound
        }
    }
}
