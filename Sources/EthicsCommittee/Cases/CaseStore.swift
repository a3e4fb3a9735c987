import Foundation
import GRDB

/// What a case's form holds, for creating and editing drafts.
public struct CaseDraft: Sendable, Equatable {
    public var title: String
    public var team: String
    public var vendor: String
    public var kind: CaseKind
    public var customerFacing: Bool
    public var personalData: Bool
    public var confidential: Bool
    public var description: String
    public var answers: [String: Readiness.Answer]
    public var notes: [String: String]
    /// The AI Act questionnaire's answers by question id (see `AIActQuestionnaire`).
    public var aiActAnswers: [String: String] = [:]
}

/// One line of a case list.
public struct CaseListRow: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var title: String
    public var team: String
    public var status: CaseStatus
    public var riskTier: RiskTier
    public var confidential: Bool
    public var updatedAt: String
    public var overdue: Bool
    /// The AI Act class, once the questionnaire is complete.
    public var aiActClass: AIActClass?

    public init(row: Row) {
        id = row["id"]; title = row["title"]; team = row["team"]
        status = CaseStatus(rawValue: row["status"]) ?? .draft; riskTier = RiskTier(rawValue: row["risk_tier"]) ?? .medium
        confidential = row["confidential"]; updatedAt = row["updated_at"]; overdue = row["overdue"] ?? false
        aiActClass = (row["ai_act_class"] as String?).flatMap(AIActClass.init(rawValue:))
    }
}

/// Filters of the case lists.
public struct CaseFilter: Sendable, Equatable {
    public enum Scope: String, Sendable { case all, mine, toReview = "to_review" }
    public var scope: Scope = .all
    public var status: CaseStatus?
    public var tier: RiskTier?
    public var overdueOnly = false
    /// Cases carrying this AI Act label code (`AIActFilter.codes`).
    public var aiActLabel: String?
}

/// SQL for cases: the case, its readiness answers, its status changes, and the lists.
public struct CaseStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    static let selectCase = "SELECT c.*, u.name AS submitter_name FROM cases c JOIN users u ON u.id = c.submitter_id"

    /// The case with this id, whoever may see it (callers ask the policy with `facts`).
    public func find(id: Int64) async throws -> (Case, CaseFacts)? {
        try await db.writer.read { db in try Self.find(db, id: id) }
    }

    static func find(_ db: Database, id: Int64) throws -> (Case, CaseFacts)? {
        guard let found = try Case.fetchOne(db.cachedStatement(sql: selectCase + " WHERE c.id = ?"), arguments: [id]) else { return nil }
        return (found, try facts(db, found))
    }

    /// The title of a case (what a notification about it names).
    static func title(_ db: Database, caseId: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT title FROM cases WHERE id = ?"), arguments: [caseId])
    }

    /// The project owner who submitted the case.
    static func submitterId(_ db: Database, caseId: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT submitter_id FROM cases WHERE id = ?"), arguments: [caseId])
    }

    static func facts(_ db: Database, _ found: Case) throws -> CaseFacts {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT user_id, recused_at FROM case_reviewers WHERE case_id = ?"), arguments: [found.id])
        let active = rows.filter { ($0["recused_at"] as String?) == nil }.map { $0["user_id"] as Int64 }
        let recused = rows.filter { ($0["recused_at"] as String?) != nil }.map { $0["user_id"] as Int64 }
        let voters = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT i.user_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
            JOIN meeting_invitees i ON i.meeting_id = m.id JOIN member_profiles p ON p.user_id = i.user_id
            WHERE a.case_id = ?1 AND a.decided_at IS NULL AND m.status IN ('planned', 'held') AND p.voting = 1
            UNION
            SELECT p.user_id FROM member_profiles p JOIN users u ON u.id = p.user_id
            WHERE p.position = 'chair' AND p.voting = 1 AND u.active = 1 AND EXISTS (
                SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                WHERE a.case_id = ?1 AND a.decided_at IS NULL AND m.status IN ('planned', 'held'))
            UNION
            SELECT v.user_id FROM written_procedures w JOIN written_voters v ON v.procedure_id = w.id
            WHERE w.case_id = ?1 AND w.status = 'open' AND v.declaration IS NOT 'recused'
            """), arguments: [found.id])
        return CaseFacts(submitterId: found.submitterId, confidential: found.confidential, status: found.status,
                         reviewers: Set(active), recused: Set(recused), riskTier: found.riskTier, voters: Set(voters))
    }

    /// The readiness answers and notes of a case.
    public func answers(caseId: Int64) async throws -> ([String: Readiness.Answer], [String: String]) {
        try await db.writer.read { db in try Self.answers(db, caseId: caseId) }
    }

    static func answers(_ db: Database, caseId: Int64) throws -> ([String: Readiness.Answer], [String: String]) {
        var answers: [String: Readiness.Answer] = [:], notes: [String: String] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT question, answer, note FROM case_answers WHERE case_id = ?"), arguments: [caseId]) {
            let question: String = row["question"]
            answers[question] = Readiness.Answer(rawValue: row["answer"])
            let note: String = row["note"]
            if !note.isEmpty { notes[question] = note }
        }
        return (answers, notes)
    }

    /// Creates a draft owned by `submitterId`. Returns its id.
    public func create(_ draft: CaseDraft, descriptionHTML: String, submitterId: Int64, by actor: AuditActor) async throws -> Int64 {
        try await db.writer.write { db in try create(db, draft, descriptionHTML: descriptionHTML, submitterId: submitterId, by: actor) }
    }

    /// `create` inside the caller's transaction (the demo generator batches many cases in one).
    func create(_ db: Database, _ draft: CaseDraft, descriptionHTML: String, submitterId: Int64, by actor: AuditActor) throws -> Int64 {
        try Self.create(db, draft, descriptionHTML: descriptionHTML, submitterId: submitterId, by: actor, now: clock.now)
    }

    /// `create` inside another store's transaction, at its time (a system's re-review case).
    static func create(_ db: Database, _ draft: CaseDraft, descriptionHTML: String, submitterId: Int64, by actor: AuditActor,
                       now date: Date) throws -> Int64 {
        let now = Timestamp.string(date)
        let tier = Readiness.assess(customerFacing: draft.customerFacing, personalData: draft.personalData, answers: draft.answers,
                                  aiActHighRisk: AIActClassifier.demandsHighRiskPath(draft.aiActAnswers)).tier
        try db.cachedStatement(sql: """
            INSERT INTO cases (title, team, vendor, kind, customer_facing, personal_data, confidential, description,
                               description_html, risk_tier, submitter_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [draft.title, draft.team, draft.vendor, draft.kind.rawValue, draft.customerFacing, draft.personalData,
                             draft.confidential, draft.description, descriptionHTML, tier.rawValue, submitterId, now, now])
        let id = db.lastInsertedRowID
        try Self.saveAnswers(db, caseId: id, draft)
        try AIActStore.save(db, caseId: id, answers: draft.aiActAnswers, at: now)
        try Self.event(db, caseId: id, actor: actor, event: "created", at: now)
        try AuditStore.append(db, by: actor, action: "case.created", targetType: "case", targetId: String(id),
                              detail: "tier=\(tier.rawValue)", at: date)
        return id
    }

    /// Saves a draft's fields and answers (the tier is derived again).
    public func update(id: Int64, _ draft: CaseDraft, descriptionHTML: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let now = Timestamp.string(clock.now)
            let tier = Readiness.assess(customerFacing: draft.customerFacing, personalData: draft.personalData, answers: draft.answers,
                                  aiActHighRisk: AIActClassifier.demandsHighRiskPath(draft.aiActAnswers)).tier
            try db.cachedStatement(sql: """
                UPDATE cases SET title = ?, team = ?, vendor = ?, kind = ?, customer_facing = ?, personal_data = ?,
                    confidential = ?, description = ?, description_html = ?, risk_tier = ?, updated_at = ?
                WHERE id = ? AND status IN ('draft', 'needs_info')
                """).execute(arguments: [draft.title, draft.team, draft.vendor, draft.kind.rawValue, draft.customerFacing, draft.personalData,
                                 draft.confidential, draft.description, descriptionHTML, tier.rawValue, now, id])
            guard db.changesCount == 1 else { throw CaseLifecycle.Refusal(key: "transition_not_from_status") }
            try db.cachedStatement(sql: "DELETE FROM case_answers WHERE case_id = ?").execute(arguments: [id])
            try Self.saveAnswers(db, caseId: id, draft)
            try AIActStore.save(db, caseId: id, answers: draft.aiActAnswers, at: now)
            try AuditStore.append(db, by: actor, action: "case.updated", targetType: "case", targetId: String(id),
                                  detail: "tier=\(tier.rawValue)", at: clock.now)
        }
    }

    private static func saveAnswers(_ db: Database, caseId: Int64, _ draft: CaseDraft) throws {
        for (question, answer) in draft.answers {
            try db.cachedStatement(sql: "INSERT INTO case_answers (case_id, question, answer, note) VALUES (?, ?, ?, ?)").execute(
                arguments: [caseId, question, answer.rawValue, draft.notes[question] ?? ""])
        }
    }

    /// Moves a case through the lifecycle, if it is still in the status the caller saw.
    public func move(id: Int64, from: CaseStatus, to: CaseStatus, transition: CaseLifecycle.Transition, note: String = "",
                     by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.move(db, id: id, from: from, to: to, transition: transition, note: note, by: actor, now: clock.now)
        }
    }

    /// The status change, its timeline event and its audit entry, inside the caller's transaction.
    static func move(_ db: Database, id: Int64, from: CaseStatus, to: CaseStatus, transition: CaseLifecycle.Transition,
                     note: String, by actor: AuditActor, now date: Date, audit: Bool = true) throws {
        let now = Timestamp.string(date)
        try db.cachedStatement(sql: """
            UPDATE cases SET status = ?, updated_at = ?,
                submitted_at = CASE WHEN ? = 'submitted' THEN ? ELSE submitted_at END,
                decided_at = CASE WHEN ? = 'decided' THEN ? ELSE decided_at END
            WHERE id = ? AND status = ?
            """).execute(arguments: [to.rawValue, now, to.rawValue, now, to.rawValue, now, id, from.rawValue])
        guard db.changesCount == 1 else { throw CaseLifecycle.Refusal(key: "transition_stale") }
        try event(db, caseId: id, actor: actor, event: transition.rawValue, detail: note, at: now)
        guard audit else { return }
        try AuditStore.append(db, by: actor, action: "case.\(transition.rawValue)", targetType: "case", targetId: String(id),
                              detail: "\(from.rawValue)->\(to.rawValue)", at: date)
    }

    /// Adds a line to the case's timeline.
    static func event(_ db: Database, caseId: Int64, actor: AuditActor, event: String, detail: String = "", at: String) throws {
        try db.cachedStatement(sql: "INSERT INTO case_events (case_id, at, actor_id, event, detail) VALUES (?, ?, ?, ?, ?)").execute(
            arguments: [caseId, at, actor.id, event, detail])
    }

    /// The timeline, oldest first.
    public func events(caseId: Int64) async throws -> [CaseEvent] {
        try await db.writer.read { db in try Self.events(db, caseId: caseId) }
    }

    static func events(_ db: Database, caseId: Int64) throws -> [CaseEvent] {
        try CaseEvent.fetchAll(db.cachedStatement(sql: """
            SELECT e.*, u.name FROM case_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = ? ORDER BY e.id
            """), arguments: [caseId])
    }

    /// The visibility rule of `Policy.canView`, in SQL, so lists and counts never include what the
    /// person may not open. Arguments bind the person's id.
    static func visibility(_ actor: Actor) -> (String, StatementArguments) {
        let me = actor.userId
        switch actor.role {
        case .admin, .secretary:
            return ("1", [])
        case .submitter:
            return ("c.submitter_id = ?", [me])
        case .member:
            return ("""
                c.status <> 'draft'
                AND NOT EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = c.id AND r.user_id = ? AND r.recused_at IS NOT NULL)
                AND (c.confidential = 0 OR EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = c.id AND r.user_id = ? AND r.recused_at IS NULL)
                     OR \(hasVote))
                """, [me, me, me, me, me])
        case .expert:
            return ("""
                c.status <> 'draft'
                AND NOT EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = c.id AND r.user_id = ? AND r.recused_at IS NOT NULL)
                AND (EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = c.id AND r.user_id = ? AND r.recused_at IS NULL)
                     OR \(hasVote))
                """, [me, me, me, me, me])
        }
    }

    /// `Policy.hasVote` in SQL, with three arguments (the person, three times): the case is in review and undecided
    /// on the agenda of a planned or held meeting to which the person is invited with a vote, or the person is the
    /// voting chair; or it is in a running written procedure of which the person is an eligible voter, not recused.
    /// The same rule as `facts`' voters.
    private static let hasVote = """
        (c.status = 'in_review' AND (EXISTS (
            SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
            WHERE a.case_id = c.id AND a.decided_at IS NULL AND m.status IN ('planned', 'held')
              AND (EXISTS (SELECT 1 FROM meeting_invitees i JOIN member_profiles p ON p.user_id = i.user_id
                           WHERE i.meeting_id = m.id AND i.user_id = ? AND p.voting = 1)
                   OR EXISTS (SELECT 1 FROM member_profiles p JOIN users u ON u.id = p.user_id
                              WHERE p.user_id = ? AND p.position = 'chair' AND p.voting = 1 AND u.active = 1)))
         OR EXISTS (SELECT 1 FROM written_procedures w JOIN written_voters v ON v.procedure_id = w.id
                    WHERE w.case_id = c.id AND w.status = 'open' AND v.user_id = ? AND v.declaration IS NOT 'recused')))
        """

    /// One page of the cases a person may see, newest first, with the total for paging: counted up to
    /// `ListBound.countLimit` (callers keep `offset` within `ListBound.rows`), so no page grows with the archive.
    public func list(for actor: Actor, filter: CaseFilter, today: String, offset: Int, limit: Int) async throws -> ([CaseListRow], Int) {
        let (visible, visibleArguments) = Self.visibility(actor)
        var conditions = [visible]
        var arguments = visibleArguments
        switch filter.scope {
        case .all: break
        case .mine:
            conditions.append("c.submitter_id = ?"); arguments += [actor.userId]
        case .toReview:
            conditions.append("""
                c.status = 'in_review' AND EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = c.id AND r.user_id = ?
                    AND r.recused_at IS NULL AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = c.id AND v.reviewer_id = r.user_id))
                """)
            arguments += [actor.userId]
        }
        if let status = filter.status { conditions.append("c.status = ?"); arguments += [status.rawValue] }
        if let tier = filter.tier { conditions.append("c.risk_tier = ?"); arguments += [tier.rawValue] }
        if filter.aiActLabel == AIActFilter.outdated {
            conditions.append("""
                c.status IN ('submitted', 'needs_info', 'in_review', 'decided')
                AND EXISTS (SELECT 1 FROM case_ai_act a WHERE a.case_id = c.id AND a.questionnaire_version < ?)
                """)
            arguments += [AIActQuestionnaire.version]
        } else if let label = filter.aiActLabel {
            conditions.append("EXISTS (SELECT 1 FROM case_ai_act_labels l WHERE l.case_id = c.id AND l.code = ?)"); arguments += [label]
        }
        let overdue = """
            (EXISTS (SELECT 1 FROM case_conditions k WHERE k.case_id = c.id AND k.status = 'open' AND k.due_on < ?)
             OR (c.status = 'in_review' AND EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = c.id AND r.recused_at IS NULL
                 AND r.due_on < ? AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = c.id AND v.reviewer_id = r.user_id))))
            """
        if filter.overdueOnly { conditions.append(overdue); arguments += [today, today] }
        let whereClause = conditions.joined(separator: " AND ")
        var boundedArguments = arguments
        boundedArguments += [ListBound.countLimit]
        let countArguments = boundedArguments
        var pageArguments: StatementArguments = [today, today]
        pageArguments += arguments
        pageArguments += [limit, offset]
        let rowArguments = pageArguments
        return try await db.writer.read { db in
            let total = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT 1 FROM cases c WHERE \(whereClause) LIMIT ?)
                """), arguments: countArguments) ?? 0
            let rows = try CaseListRow.fetchAll(db.cachedStatement(sql: """
                SELECT c.id, c.title, c.team, c.status, c.risk_tier, c.confidential, c.updated_at, \(overdue) AS overdue,
                    (SELECT a.risk_class FROM case_ai_act a WHERE a.case_id = c.id) AS ai_act_class
                FROM cases c WHERE \(whereClause) ORDER BY c.id DESC LIMIT ? OFFSET ?
                """), arguments: rowArguments)
            return (rows, total)
        }
    }
}
