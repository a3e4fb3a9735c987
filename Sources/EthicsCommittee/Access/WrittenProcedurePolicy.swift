/// What the policy needs to know about a written procedure.
public struct WrittenFacts: Sendable, Equatable {
    /// The case it decides; nil for a free motion.
    public let caseFacts: CaseFacts?
    public let open: Bool
    /// Eligible voters who have not recused themselves.
    public let voters: Set<Int64>
    /// Voters whose declared interests match the case and who have not yet declared no conflict (or recused).
    public let mustDeclare: Set<Int64>
    /// Voters who have cast their ballot.
    public let voted: Set<Int64>
    /// The settings allow a voter to ask for a meeting instead.
    public let objectionAllowed: Bool

    public init(caseFacts: CaseFacts?, open: Bool, voters: Set<Int64>, mustDeclare: Set<Int64> = [], voted: Set<Int64> = [],
                objectionAllowed: Bool = true) {
        self.caseFacts = caseFacts; self.open = open; self.voters = voters; self.mustDeclare = mustDeclare
        self.voted = voted; self.objectionAllowed = objectionAllowed
    }
}

extension Policy {
    /// Written procedures. A case procedure is seen by whoever may open its case (its running procedure's voters
    /// among them, `CaseFacts.voters`); a motion by the staff, internal members and its voters. Project owners
    /// never see votes. `WrittenProcedureStore.visibility` applies the same rule in SQL.
    static func decideWritten(_ actor: Requester, _ action: Action) -> Decision {
        let staff = actor.role == .admin || actor.role == .secretary
        let me = actor.userId
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        func canSee(_ facts: WrittenFacts) -> Bool {
            guard actor.role != .submitter else { return false }
            if let caseFacts = facts.caseFacts { return canView(actor, caseFacts) }
            return staff || actor.role == .member || facts.voters.contains(me)
        }
        /// An eligible voter, not recused, whose matching interest (if any) is cleared, while the vote runs.
        func mayAct(_ facts: WrittenFacts) -> Bool {
            canSee(facts) && facts.open && facts.voters.contains(me) && !facts.mustDeclare.contains(me)
        }
        switch action {
        case .openWrittenMotion:
            return allow(staff)
        case .viewWrittenProcedures:
            return allow(actor.role != .submitter)
        case .viewWrittenProcedure(let facts):
            return allow(canSee(facts))
        case .castWrittenBallot(let facts):
            return allow(mayAct(facts) && !facts.voted.contains(me))
        case .declareWrittenInterest(let facts):
            return allow(canSee(facts) && facts.open && facts.mustDeclare.contains(me))
        case .objectToWrittenProcedure(let facts):
            return allow(facts.objectionAllowed && mayAct(facts))
        default:
            return .notFound
        }
    }
}
