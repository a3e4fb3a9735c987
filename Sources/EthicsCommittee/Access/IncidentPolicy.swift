/// What the policy needs to know about an incident: the system it is about (nil for a public report not yet
/// tied to one), where it stands, whether it is critical, and who chairs the committee now.
public struct IncidentFacts: Sendable, Equatable {
    public let system: SystemFacts?
    public let status: IncidentStatus
    public let critical: Bool
    public let chairId: Int64?

    public init(system: SystemFacts?, status: IncidentStatus, critical: Bool = false, chairId: Int64? = nil) {
        self.system = system; self.status = status; self.critical = critical; self.chairId = chairId
    }
}

extension Policy {
    /// Who may see an incident: whoever may see its system (`canViewSystem`, so a system approved through a
    /// confidential case keeps its incidents confidential); a public report not yet tied to a system, the staff
    /// only. A critical incident also the committee's chair, who is told of it at once (issue 18) and chairs the
    /// meeting its system goes back to. `IncidentStore.visibility` is the same rule in SQL; a test checks both agree.
    static func canViewIncident(_ actor: Requester, _ facts: IncidentFacts) -> Bool {
        if facts.critical, let chair = facts.chairId, chair == actor.userId, actor.role.isCommittee { return true }
        guard let system = facts.system else { return actor.role == .admin || actor.role == .secretary }
        return canViewSystem(actor, system)
    }

    static func decideIncident(_ actor: Requester, _ action: Action) -> Decision {
        let staff = actor.role == .admin || actor.role == .secretary
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .reportIncident(let system):
            // Anyone signed in who may see the system, project owners included (the seed's feedback loop).
            return allow(canViewSystem(actor, system))
        case .viewIncidents:
            // Everyone signed in has a list: the incidents on the systems they may see.
            return .allow
        case .viewIncident(let facts):
            return allow(canViewIncident(actor, facts))
        case .triageIncident(let facts):
            // The secretary (and the administrator) confirm, assign and record until the incident is closed.
            return allow(staff && canViewIncident(actor, facts) && facts.status != .closed)
        case .closeIncident(let facts):
            return allow(staff && canViewIncident(actor, facts) && facts.status == .triaged)
        case .ownIncident(let facts):
            // The owner follows it up: someone who may see it, never an account that only reads its own projects
            // unless it owns the system (the system's facts let its owner see it).
            return allow(canViewIncident(actor, facts))
        default:
            return .notFound
        }
    }
}
