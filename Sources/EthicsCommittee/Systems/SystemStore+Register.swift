import Foundation
import GRDB

extension SystemStore {
    /// The intervals of the settings, read inside the caller's transaction (the decision path has no settings).
    static func schedule(_ db: Database) throws -> SystemSchedule {
        var values: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT key, value FROM settings WHERE key IN ('review_months_high', 'review_months_medium', 'review_months_low', 'attestation_months')
            """) {
            values[row["key"]] = Int(row["value"] as String)
        }
        return SystemSchedule(reviewMonthsHigh: values["review_months_high"] ?? 12, reviewMonthsMedium: values["review_months_medium"] ?? 24,
                              reviewMonthsLow: values["review_months_low"] ?? 36, attestationMonths: values["attestation_months"] ?? 6)
    }

    /// Registers a system, approved by `caseId` (decided favourably, with or without conditions) or, without a
    /// case, a project that predates the committee. The next review counts from the approval by the tier's interval;
    /// a system never reviewed is due for review at once (the committee has never looked at it).
    /// Returns its id. A case registered twice is refused by `system_cases.case_id UNIQUE`.
    public func register(_ draft: SystemDraft, caseId: Int64?, today: String, by actor: AuditActor) async throws -> Int64 {
        try await db.writer.write { db in try Self.register(db, draft, caseId: caseId, today: today, by: actor, now: clock.now) }
    }

    package static func register(_ db: Database, _ draft: SystemDraft, caseId: Int64?, today: String, by actor: AuditActor,
                                 now date: Date) throws -> Int64 {
        let now = Timestamp.string(date)
        var tier = draft.riskTier, approvedOn = today
        if let caseId {
            guard let approval = try Self.approval(db, caseId: caseId) else { throw SystemRefusal(key: "system_error_case_not_approved") }
            tier = approval.tier; approvedOn = String(approval.decidedAt.prefix(10))
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM system_cases WHERE case_id = ?)", arguments: [caseId]) == true {
                throw SystemRefusal(key: "system_error_case_registered")
            }
        }
        let schedule = try schedule(db)
        let inService = draft.status == .inService
        try db.execute(sql: """
            INSERT INTO systems (name, owner_id, vendor, model, purpose, data_sources, population, risk_tier, status, deployed_on,
                                 next_review_on, attestation_due_on, created_by, created_at, updated_at, status_changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [draft.name, draft.ownerId, draft.vendor, draft.model, draft.purpose, draft.dataSources, draft.population,
                             tier.rawValue, inService ? "in_service" : "planned", draft.deployedOn,
                             caseId == nil ? today : schedule.nextReview(after: approvedOn, tier: tier),
                             // Attestations count from the later of the deployment and the registration.
                             inService ? schedule.nextAttestation(after: max(draft.deployedOn ?? today, today)) : nil,
                             actor.id ?? draft.ownerId, now, now, now])
        let id = db.lastInsertedRowID
        if let caseId {
            try db.execute(sql: "INSERT INTO system_cases (system_id, case_id, kind, linked_at) VALUES (?, ?, 'approval', ?)",
                           arguments: [id, caseId, now])
            try CaseStore.event(db, caseId: caseId, actor: actor, event: "system_registered", detail: draft.name, at: now)
        }
        try AuditStore.append(db, by: actor, action: "system.registered", targetType: "system", targetId: String(id),
                              detail: (caseId.map { "case=\($0)" } ?? "case=none") + " tier=\(tier.rawValue)", at: date)
        return id
    }

    /// A case that approved a project: decided (or closed after its conditions) with a favourable outcome.
    static func approval(_ db: Database, caseId: Int64) throws -> (tier: RiskTier, decidedAt: String)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.risk_tier, d.decided_at FROM cases c JOIN case_decisions d ON d.case_id = c.id
            WHERE c.id = ? AND c.status IN ('decided', 'closed') AND d.outcome IN ('favourable', 'conditions')
            """, arguments: [caseId]) else { return nil }
        return (RiskTier(rawValue: row["risk_tier"]) ?? .medium, row["decided_at"])
    }

    /// Whether a case may register its system now: approved and not yet registered (the case page's offer).
    public func registrable(caseId: Int64) async throws -> Bool {
        try await db.writer.read { db in
            try Self.approval(db, caseId: caseId) != nil
                && (try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM system_cases WHERE case_id = ?)", arguments: [caseId]) ?? false)
        }
    }

    /// Saves the record's fields, if nobody saved since `revision` was read. The tier is kept for a system with a
    /// case (the case's); the next review moves with a new tier.
    public func update(id: Int64, _ draft: SystemDraft, revision: Int, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let now = Timestamp.string(clock.now)
            let linked = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM system_cases WHERE system_id = ?)", arguments: [id]) ?? false
            try db.execute(sql: """
                UPDATE systems SET name = ?, owner_id = ?, vendor = ?, model = ?, purpose = ?, data_sources = ?, population = ?,
                    deployed_on = ?, risk_tier = CASE WHEN ? THEN risk_tier ELSE ? END, updated_at = ?, revision = revision + 1
                WHERE id = ? AND revision = ? AND status <> 'retired'
                """, arguments: [draft.name, draft.ownerId, draft.vendor, draft.model, draft.purpose, draft.dataSources, draft.population,
                                 draft.deployedOn, linked, draft.riskTier.rawValue, now, id, revision])
            guard db.changesCount == 1 else { throw SystemRefusal(key: "system_error_stale") }
            try AuditStore.append(db, by: actor, action: "system.updated", targetType: "system", targetId: String(id), detail: "", at: clock.now)
        }
    }

    /// A re-review decided: its decision supersedes the previous one, and the next review counts from it.
    /// Called by `CaseDecisionStore.decide`, the one function every decision passes through.
    static func caseDecided(_ db: Database, caseId: Int64, outcome: DecisionOutcome, at: String) throws {
        guard outcome != .deferred,
              let row = try Row.fetchOne(db, sql: """
                SELECT s.id, c.risk_tier FROM system_cases sc JOIN systems s ON s.id = sc.system_id JOIN cases c ON c.id = sc.case_id
                WHERE sc.case_id = ? AND sc.kind = 're_review'
                """, arguments: [caseId]) else { return }
        let tier = RiskTier(rawValue: row["risk_tier"]) ?? .medium
        let next = try schedule(db).nextReview(after: String(at.prefix(10)), tier: tier)
        try db.execute(sql: "UPDATE systems SET next_review_on = ?, risk_tier = ?, updated_at = ? WHERE id = ?",
                       arguments: [next, tier.rawValue, at, row["id"] as Int64])
    }
}
