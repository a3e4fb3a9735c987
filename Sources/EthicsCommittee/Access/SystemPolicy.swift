/// What the policy needs to know about a system: its owner, its status and the cases that approved it.
public struct SystemFacts: Sendable, Equatable {
    public let ownerId: Int64
    public let status: SystemStatus
    /// The facts of every linked case (approval and re-reviews). Empty: a system that predates the committee.
    public let cases: [CaseFacts]

    public init(ownerId: Int64, status: SystemStatus, cases: [CaseFacts] = []) {
        self.ownerId = ownerId; self.status = status; self.cases = cases
    }
}

extension Policy {
    /// Who may see a system (PRODUCT.md: access follows the case). Its owner; for a system linked to cases,
    /// whoever may open one of them (a confidential case keeps its system confidential); for a system with no
    /// case, every committee account. `SystemStore.visibility` is the same rule in SQL; a test checks both agree.
    static func canViewSystem(_ actor: Requester, _ facts: SystemFacts) -> Bool {
        if facts.ownerId == actor.userId { return true }
        if facts.cases.isEmpty { return actor.role.isCommittee }
        return facts.cases.contains { canView(actor, $0) }
    }

    static func decideSystem(_ actor: Requester, _ action: Action) -> Decision {
        let staff = actor.role == .admin || actor.role == .secretary
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .viewSystems:
            // Everyone signed in has a register: what they may see of it (project owners: their systems).
            return .allow
        case .registerSystem:
            return allow(staff)
        case .viewSystem(let facts):
            return allow(canViewSystem(actor, facts))
        case .editSystem(let facts):
            return allow(staff && canViewSystem(actor, facts) && facts.status != .retired)
        case .suspendSystem(let facts):
            // The approval of a system in use (or about to be) is suspended by the committee's staff.
            return allow(staff && canViewSystem(actor, facts) && [.planned, .inService].contains(facts.status))
        case .resumeSystem(let facts):
            return allow(staff && canViewSystem(actor, facts) && [.planned, .suspended].contains(facts.status))
        case .retireSystem(let facts):
            return allow(staff && canViewSystem(actor, facts) && facts.status != .retired)
        case .reportSystemChange(let facts):
            // Its owner (or the staff) reports a substantive change while the system is followed.
            return allow(canViewSystem(actor, facts) && (staff || facts.ownerId == actor.userId) && facts.status.isActive)
        case .attestSystem(let facts):
            // The owner attests for a system in service.
            return allow(facts.ownerId == actor.userId && facts.status == .inService)
        default:
            return .notFound
        }
    }
}
