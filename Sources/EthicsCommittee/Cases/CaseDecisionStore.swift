import Foundation
import GRDB

/// A condition attached to a favourable-with-conditions decision, as the form gives it.
public struct NewCondition: Sendable, Equatable {
    public var text: String
    public var ownerId: Int64
    public var dueOn: String

    /// Spelled out so that the demo target may build one (a memberwise init is internal).
    package init(text: String, ownerId: Int64, dueOn: String) {
        self.text = text; self.ownerId = ownerId; self.dueOn = dueOn
    }
}

/// SQL for decisions and their conditions.
public struct CaseDecisionStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// The decision of a case, if decided.
    public func decision(caseId: Int64) async throws -> CaseDecision? {
        try await db.writer.read { db in try Self.decision(db, caseId: caseId) }
    }

    static func decision(_ db: Database, caseId: Int64) throws -> CaseDecision? {
        try CaseDecision.fetchOne(db.cachedStatement(sql: "SELECT * FROM case_decisions WHERE case_id = ?"), arguments: [caseId])
    }

    /// Everything the opinion letter of a case prints, in one read; nil while the case has no decision (a
    /// deferral writes none). The charter version is the one the decision names, or else the last published
    /// before it; the signatory is today's chair (the position keeps no history).
    func letter(caseId: Int64) async throws -> OpinionLetter? {
        try await db.writer.read { db in
            guard let decision = try CaseDecision.fetchOne(db.cachedStatement(sql: "SELECT * FROM case_decisions WHERE case_id = ?"),
                                                           arguments: [caseId])
            else { return nil }
            let conditions = try CaseCondition.fetchAll(db.cachedStatement(sql: """
                SELECT k.*, u.name FROM case_conditions k JOIN users u ON u.id = k.owner_id WHERE k.case_id = ? ORDER BY k.id
                """), arguments: [caseId])
            let charter = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT v.number, v.published_at FROM governance_versions v JOIN governance_documents d ON d.id = v.document_id
                WHERE d.kind = 'charter' AND (v.number = ?1 OR (?1 IS NULL AND v.published_at <= ?2))
                ORDER BY v.number DESC LIMIT 1
                """), arguments: [decision.charterVersion, decision.decidedAt])
            let chair = try String.fetchOne(db.cachedStatement(sql: """
                SELECT u.name FROM member_profiles p JOIN users u ON u.id = p.user_id WHERE p.position = 'chair' AND u.active = 1
                """))
            return OpinionLetter(decision: decision, conditions: conditions, charterVersion: charter?["number"] ?? decision.charterVersion,
                                 charterPublishedAt: charter?["published_at"], chairName: chair)
        }
    }

    /// Conditions of a case, in order.
    public func conditions(caseId: Int64) async throws -> [CaseCondition] {
        try await db.writer.read { db in try Self.conditions(db, caseId: caseId) }
    }

    static func conditions(_ db: Database, caseId: Int64) throws -> [CaseCondition] {
        try CaseCondition.fetchAll(db.cachedStatement(sql: """
            SELECT k.*, u.name FROM case_conditions k JOIN users u ON u.id = k.owner_id WHERE k.case_id = ? ORDER BY k.id
            """), arguments: [caseId])
    }

    /// Records the decision, its opinion and conditions, and moves the case, in one transaction.
    /// A deferral leaves the case in review and is recorded on its timeline.
    public func decide(caseId: Int64, outcome: DecisionOutcome, opinion: String, opinionHTML: String, charterVersion: Int?,
                       articles: String, procedure: String, meetingOn: String?, conditions: [NewCondition],
                       by actor: AuditActor) async throws {
        try await db.writer.write { db in
            _ = try Self.decide(db, caseId: caseId, outcome: outcome, opinion: opinion, opinionHTML: opinionHTML,
                                charterVersion: charterVersion, articles: articles, procedure: procedure, meetingOn: meetingOn,
                                conditions: conditions, by: actor, now: clock.now)
        }
    }

    /// The decision inside the caller's transaction (a meeting's vote decides a case in its own write; the demo
    /// batches many). With `audit` false the caller writes the one audit entry of the whole change.
    /// A decision (not a deferral) also records the opinion as a delivered deliverable. Returns the new conditions' ids.
    @discardableResult
    package static func decide(_ db: Database, caseId: Int64, outcome: DecisionOutcome, opinion: String, opinionHTML: String,
                               charterVersion: Int?, articles: String, procedure: String, meetingOn: String?,
                               conditions: [NewCondition], by actor: AuditActor, now: Date, audit: Bool = true,
                               meetingId: Int64? = nil) throws -> [Int64] {
        if outcome == .deferred {
            try CaseStore.move(db, id: caseId, from: .inReview, to: .inReview, transition: .defer_, note: opinion, by: actor,
                               now: now, audit: audit)
            return []
        }
        // AI Act Art. 5: a prohibited practice never receives a favourable opinion, whichever path decides.
        try AIActStore.checkDecision(db, caseId: caseId, outcome: outcome)
        try CaseStore.move(db, id: caseId, from: .inReview, to: .decided, transition: .decide, note: outcome.rawValue,
                           by: actor, now: now, audit: audit)
        let at = Timestamp.string(now)
        // The decision names the fundamental-rights impact assessment it was taken on (Art. 27), as it names the charter.
        let fria = try FRIAStore.latestVersion(db, caseId: caseId)
        try db.cachedStatement(sql: """
            INSERT INTO case_decisions (case_id, outcome, opinion, opinion_html, charter_version, articles, procedure, meeting_on,
                                        decided_by, decided_at, fria_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [caseId, outcome.rawValue, opinion, opinionHTML, charterVersion, articles, procedure, meetingOn,
                             actor.id, at, fria])
        let conditionIds = try conditions.map { condition in
            try db.cachedStatement(sql: "INSERT INTO case_conditions (case_id, text, owner_id, due_on) VALUES (?, ?, ?, ?)").execute(
                arguments: [caseId, condition.text, condition.ownerId, condition.dueOn])
            return db.lastInsertedRowID
        }
        if let owner = actor.id {
            try DeliverableStore.insertOpinion(db, caseId: caseId, ownerId: owner, body: opinion, bodyHTML: opinionHTML,
                                               meetingId: meetingId, now: now)
        }
        try Notifier.caseDecided(db, caseId: caseId, by: actor.id, now: now)
        // A re-review's decision supersedes the previous one on its system; the next review counts from it.
        try SystemStore.caseDecided(db, caseId: caseId, outcome: outcome, at: at)
        return conditionIds
    }

    /// Marks a condition met with its evidence; the case closes when it was the last one open.
    /// Returns whether the case closed.
    @discardableResult
    public func meet(conditionId: Int64, caseId: Int64, evidence: String, by actor: AuditActor) async throws -> Bool {
        try await db.writer.write { db in try meet(db, conditionId: conditionId, caseId: caseId, evidence: evidence, by: actor) }
    }

    /// `meet` inside the caller's transaction (the demo generator batches many in one).
    @discardableResult
    package func meet(_ db: Database, conditionId: Int64, caseId: Int64, evidence: String, by actor: AuditActor) throws -> Bool {
        let now = clock.now
        try db.cachedStatement(sql: """
            UPDATE case_conditions SET status = 'met', evidence = ?, met_at = ?, met_by = ? WHERE id = ? AND case_id = ? AND status = 'open'
            """).execute(arguments: [evidence, Timestamp.string(now), actor.id, conditionId, caseId])
        guard db.changesCount == 1 else { throw Refusal.notFound }
        try CaseStore.event(db, caseId: caseId, actor: actor, event: "condition_met", detail: evidence, at: Timestamp.string(now))
        try AuditStore.append(db, by: actor, action: "case.condition_met", targetType: "case", targetId: String(caseId),
                              detail: "condition=\(conditionId)", at: now)
        let open = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM case_conditions WHERE case_id = ? AND status = 'open'"),
                                    arguments: [caseId]) ?? 0
        let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM cases WHERE id = ?"), arguments: [caseId])
        guard open == 0, status == CaseStatus.decided.rawValue else { return false }
        try CaseStore.move(db, id: caseId, from: .decided, to: .closed, transition: .close, note: "", by: actor, now: now)
        return true
    }
}
