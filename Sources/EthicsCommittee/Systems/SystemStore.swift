import Foundation
import GRDB

/// SQL for the register of AI systems: one system as a person may see it, and the visibility rule every
/// list and count of systems (and of what hangs off a system) applies.
public struct SystemStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    static let selectSystem = "SELECT s.*, u.name AS owner_name FROM systems s JOIN users u ON u.id = s.owner_id"

    /// The system with this id as `actor` may see it: nil when it does not exist or they may not open it
    /// (the handler answers 404 either way).
    public func find(id: Int64, for actor: Requester) async throws -> (AISystem, SystemFacts)? {
        try await db.writer.read { db in try Self.find(db, id: id, for: actor) }
    }

    /// `find` inside the caller's transaction (another store checking, in its write, that the person may see
    /// the system they act on).
    static func find(_ db: Database, id: Int64, for actor: Requester) throws -> (AISystem, SystemFacts)? {
        guard let (system, facts) = try find(db, id: id),
              Policy.decide(actor, .viewSystem(facts)) == .allow else { return nil }
        return (system, facts)
    }

    /// The system with this id, whoever may see it (callers ask the policy with the facts).
    static func find(_ db: Database, id: Int64) throws -> (AISystem, SystemFacts)? {
        guard let system = try AISystem.fetchOne(db, sql: selectSystem + " WHERE s.id = ?", arguments: [id]) else { return nil }
        return (system, try facts(db, system))
    }

    /// The policy's facts: owner, status, and the facts of each linked case (`CaseStore.facts`, the one place
    /// case facts are built).
    static func facts(_ db: Database, _ system: AISystem) throws -> SystemFacts {
        let cases = try Case.fetchAll(db, sql: CaseStore.selectCase + """
             JOIN system_cases sc ON sc.case_id = c.id WHERE sc.system_id = ? ORDER BY sc.linked_at, c.id
            """, arguments: [system.id])
        return SystemFacts(ownerId: system.ownerId, status: system.status, cases: try cases.map { try CaseStore.facts(db, $0) })
    }

    /// `Policy.canViewSystem` in SQL over the alias `s` (a `systems` row): the owner; for a linked system, whoever
    /// may open one of its cases (`CaseStore.visibility` over the alias `c`); for a system with no case, every
    /// committee account. Arguments bind the person's id. `SystemVisibilityTests` checks it against the policy.
    static func visibility(_ actor: Requester) -> (String, StatementArguments) {
        switch actor.role {
        case .admin, .secretary:
            return ("1", [])
        case .submitter, .member, .expert:
            let (caseVisible, caseArguments) = CaseStore.visibility(actor)
            let unlinked = actor.role.isCommittee
                ? " OR NOT EXISTS (SELECT 1 FROM system_cases sc WHERE sc.system_id = s.id)" : ""
            var arguments: StatementArguments = [actor.userId]
            arguments += caseArguments
            return ("""
                (s.owner_id = ? OR EXISTS (SELECT 1 FROM system_cases sc JOIN cases c ON c.id = sc.case_id
                                           WHERE sc.system_id = s.id AND (\(caseVisible)))\(unlinked))
                """, arguments)
        }
    }
}
