/// What the policy needs to know about a case to decide who may do what with it.
public struct CaseFacts: Sendable, Equatable {
    public let submitterId: Int64
    public let confidential: Bool
    public let status: CaseStatus
    /// Assigned reviewers who are not recused.
    public let reviewers: Set<Int64>
    /// Reviewers who declared a conflict of interest on this case.
    public let recused: Set<Int64>

    public init(submitterId: Int64, confidential: Bool, status: CaseStatus, reviewers: Set<Int64> = [], recused: Set<Int64> = []) {
        self.submitterId = submitterId; self.confidential = confidential; self.status = status
        self.reviewers = reviewers; self.recused = recused
    }
}

extension Policy {
    /// Who may see a case. The case list applies the same rule in SQL (`CaseStore.visibility`);
    /// a test checks that both agree.
    static func canView(_ actor: Actor, _ facts: CaseFacts) -> Bool {
        let me = actor.userId
        switch actor.role {
        case .admin, .secretary:
            return true
        case .submitter:
            return facts.submitterId == me
        case .member:
            if facts.status == .draft || facts.recused.contains(me) { return false }
            return !facts.confidential || facts.reviewers.contains(me)
        case .expert:
            return facts.status != .draft && facts.reviewers.contains(me)
        }
    }

    /// Reviews, reviewers, discussion: the committee's side of a case, never the submitter's,
    /// never a recused member's.
    static func canSeeInternals(_ actor: Actor, _ facts: CaseFacts) -> Bool {
        guard canView(actor, facts) else { return false }
        switch actor.role {
        case .admin, .secretary: return true
        case .member, .expert: return !facts.recused.contains(actor.userId)
        case .submitter: return false
        }
    }

    static func decideCase(_ actor: Actor, _ action: Action) -> Decision {
        let staff = actor.role == .admin || actor.role == .secretary
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .createCase:
            return allow(staff || actor.role == .submitter)
        case .viewCase(let facts):
            return allow(canView(actor, facts))
        case .editCase(let facts):
            return allow(canView(actor, facts) && (staff || facts.submitterId == actor.userId)
                         && (facts.status == .draft || facts.status == .needsInfo))
        case .viewCaseInternals(let facts):
            return allow(canSeeInternals(actor, facts))
        case .manageCase(let facts):
            return allow(staff && canView(actor, facts))
        case .reviewCase(let facts):
            return allow(canView(actor, facts) && facts.reviewers.contains(actor.userId))
        case .moveCase(let facts):
            // Whether the lifecycle allows a given move is CaseLifecycle's answer; here: may they act at all.
            return allow(canView(actor, facts) && (staff || facts.submitterId == actor.userId))
        default:
            return .notFound
        }
    }
}
