import Foundation
import GRDB

/// One line of the register.
public struct SystemListRow: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var name: String
    public var ownerName: String
    public var vendor: String
    public var model: String
    public var status: SystemStatus
    public var riskTier: RiskTier
    public var nextReviewOn: String
    public var attestationDueOn: String?
    public var deployedOn: String?
    /// No review of it was ever completed: no linked case was decided (a system registered without a case keeps the
    /// flag while its first re-review runs, which the start-up sweep opens at once).
    public var neverReviewed: Bool

    public init(row: Row) {
        id = row["id"]; name = row["name"]; ownerName = row["owner_name"]; vendor = row["vendor"]; model = row["model"]
        status = SystemStatus(rawValue: row["status"]) ?? .planned; riskTier = RiskTier(rawValue: row["risk_tier"]) ?? .medium
        nextReviewOn = row["next_review_on"]; attestationDueOn = row["attestation_due_on"]; deployedOn = row["deployed_on"]; neverReviewed = row["never_reviewed"]
    }

    /// `SystemStore.overdueCondition`, for a row already read.
    public func reviewOverdue(today: String) -> Bool { status.isActive && status != .planned && nextReviewOn < today }
    public func attestationMissed(today: String) -> Bool { status == .inService && (attestationDueOn.map { $0 < today } ?? false) }
}

/// A case linked to a system, with its decision.
public struct SystemCaseLink: Sendable, Equatable, FetchableRecord {
    public var caseId: Int64
    public var title: String
    public var status: CaseStatus
    public var kind: String
    public var reason: String
    public var outcome: DecisionOutcome?
    public var decidedAt: String?

    public init(row: Row) {
        caseId = row["case_id"]; title = row["title"]; status = CaseStatus(rawValue: row["status"]) ?? .draft
        kind = row["kind"]; reason = row["reason"]
        outcome = (row["outcome"] as String?).flatMap(DecisionOutcome.init(rawValue:)); decidedAt = row["decided_at"]
    }
}

/// An attestation as the system page lists it.
public struct SystemAttestation: Sendable, Equatable, FetchableRecord {
    public var asApproved: Bool
    public var note: String
    public var byName: String
    public var at: String

    public init(row: Row) {
        asApproved = (row["outcome"] as String) == "as_approved"; note = row["note"]; byName = row["name"]; at = row["attested_at"]
    }
}

/// Everything the system page shows beyond the record, read in one snapshot.
public struct SystemDetail: Sendable {
    public var links: [SystemCaseLink]
    /// The decision in force: the last decided case's (a re-review's decision supersedes the one before).
    public var inForce: SystemCaseLink?
    public var conditions: [CaseCondition]
    public var aiAct: AIActCaseRecord?
    public var attestations: [SystemAttestation]
    /// The re-review under way, and the meeting whose agenda has it (nil: to be scheduled).
    public var openReReview: (caseId: Int64, status: CaseStatus, meetingId: Int64?, meetingTitle: String?, meetingStartsAt: String?)?
}

/// The register's status filter counts.
public struct SystemCounts: Sendable, Equatable {
    public var byStatus: [SystemStatus: Int] = [:]
    public var total: Int { byStatus.values.reduce(0, +) }
}

extension SystemStore {
    static let listColumns = """
        SELECT s.id, s.name, u.name AS owner_name, s.vendor, s.model, s.status, s.risk_tier, s.next_review_on, s.attestation_due_on, s.deployed_on,
            NOT EXISTS (SELECT 1 FROM system_cases x JOIN case_decisions d ON d.case_id = x.case_id WHERE x.system_id = s.id) AS never_reviewed
        FROM systems s JOIN users u ON u.id = s.owner_id
        """

    /// One page of the systems a person may see (the visibility rule in SQL), by name, with the counts by status of all
    /// they may see (the filter's figures). Counted, clamped and fetched in one read.
    public func list(for actor: Requester, status: SystemStatus?, page: Int = 1, size: Int = 50) async throws -> (ListPage<SystemListRow>, SystemCounts) {
        let (visible, visibleArguments) = Self.visibility(actor)
        var conditions = [visible], arguments = visibleArguments
        if let status { conditions.append("s.status = ?"); arguments += [status.rawValue] }
        let whereClause = conditions.joined(separator: " AND ")
        let filterArguments = arguments
        return try await db.writer.read { db in
            var counts = SystemCounts()
            for row in try Row.fetchAll(db, sql: "SELECT s.status, count(*) AS n FROM systems s WHERE \(visible) GROUP BY s.status",
                                        arguments: visibleArguments) {
                if let status = SystemStatus(rawValue: row["status"]) { counts.byStatus[status] = row["n"] }
            }
            let total = status.map { counts.byStatus[$0] ?? 0 } ?? counts.total
            let (number, offset) = ListPage<SystemListRow>.clamp(requested: page, total: total, size: size)
            var rowArguments = filterArguments
            rowArguments += [size, offset]
            let rows = try SystemListRow.fetchAll(db, sql: Self.listColumns + " WHERE \(whereClause) ORDER BY s.name, s.id LIMIT ? OFFSET ?",
                                                  arguments: rowArguments)
            return (ListPage(rows: rows, total: total, number: number, size: size), counts)
        }
    }

    /// Every system's id with its facts (tests compare lists and counts with the policy).
    public func allFacts() async throws -> [(Int64, SystemFacts)] {
        try await db.writer.read { db in
            try AISystem.fetchAll(db, sql: Self.selectSystem + " ORDER BY s.id").map { ($0.id, try Self.facts(db, $0)) }
        }
    }

    /// The system page's reading: linked cases with their decisions, the decision in force, its conditions and AI Act
    /// section, the last attestations.
    public func detail(systemId: Int64) async throws -> SystemDetail {
        try await db.writer.read { db in
            let links = try SystemCaseLink.fetchAll(db, sql: """
                SELECT sc.case_id, c.title, c.status, sc.kind, sc.reason, d.outcome, d.decided_at
                FROM system_cases sc JOIN cases c ON c.id = sc.case_id LEFT JOIN case_decisions d ON d.case_id = c.id
                WHERE sc.system_id = ? ORDER BY sc.linked_at, c.id
                """, arguments: [systemId])
            let inForce = links.filter { $0.decidedAt != nil }.max { ($0.decidedAt ?? "", $0.caseId) < ($1.decidedAt ?? "", $1.caseId) }
            let conditions = try inForce.map { link in
                try CaseCondition.fetchAll(db, sql: """
                    SELECT k.*, u.name FROM case_conditions k JOIN users u ON u.id = k.owner_id WHERE k.case_id = ? ORDER BY k.id
                    """, arguments: [link.caseId])
            } ?? []
            let aiAct = try inForce.map { try AIActStore.record(db, caseId: $0.caseId) }
            let attestations = try SystemAttestation.fetchAll(db, sql: """
                SELECT a.outcome, a.note, a.attested_at, u.name FROM system_attestations a JOIN users u ON u.id = a.attested_by
                WHERE a.system_id = ? ORDER BY a.id DESC LIMIT 10
                """, arguments: [systemId])
            var open: (caseId: Int64, status: CaseStatus, meetingId: Int64?, meetingTitle: String?, meetingStartsAt: String?)?
            if let (caseId, status) = try Self.openReReview(db, systemId: systemId) {
                let meeting = try Row.fetchOne(db, sql: """
                    SELECT m.id, m.title, m.starts_at FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                    WHERE a.case_id = ? AND a.decided_at IS NULL AND m.status IN ('planned', 'held') ORDER BY m.starts_at LIMIT 1
                    """, arguments: [caseId])
                open = (caseId, status, meeting.map { $0["id"] as Int64 }, meeting.map { $0["title"] as String },
                        meeting.map { $0["starts_at"] as String })
            }
            return SystemDetail(links: links, inForce: inForce, conditions: conditions, aiAct: aiAct, attestations: attestations,
                                openReReview: open)
        }
    }

    /// The system a case is linked to, and how (the case page's "System" line and the re-review's diff).
    public func linked(caseId: Int64) async throws -> (systemId: Int64, name: String, kind: String, previousCaseId: Int64?)? {
        try await db.writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.id, s.name, sc.kind FROM system_cases sc JOIN systems s ON s.id = sc.system_id WHERE sc.case_id = ?
                """, arguments: [caseId]) else { return nil }
            let systemId: Int64 = row["id"]
            return (systemId, row["name"] as String, row["kind"] as String, try Self.previousCase(db, systemId: systemId, before: caseId)?.id)
        }
    }

    /// Systems in service whose owner's attestation is past due, that `actor` may see, oldest first (bounded).
    public func missedAttestations(for actor: Requester, today: String, ownerId: Int64? = nil, limit: Int = 20) async throws -> [SystemListRow] {
        try await db.writer.read { db in try Self.missedAttestations(db, for: actor, today: today, ownerId: ownerId, limit: limit) }
    }

    /// The same inside a read (the secretary's home reads it with its other lists).
    static func missedAttestations(_ db: Database, for actor: Requester, today: String, ownerId: Int64? = nil,
                                   limit: Int = 20) throws -> [SystemListRow] {
        let (visible, visibleArguments) = Self.visibility(actor)
        var arguments = visibleArguments
        arguments += [today, ownerId, ownerId, limit]
        return try SystemListRow.fetchAll(db.cachedStatement(sql: Self.missedAttestationsSQL(visible)), arguments: arguments)
    }

    /// In the order of index `systems_attestation_due` (migration 0039): the first lines, not every system in service sorted.
    static func missedAttestationsSQL(_ visible: String) -> String {
        listColumns + """
             WHERE \(visible) AND s.status = 'in_service' AND s.attestation_due_on < ? AND (? IS NULL OR s.owner_id = ?)
            ORDER BY s.attestation_due_on, s.id LIMIT ?
            """
    }

    /// An owner's systems in service whose attestation is due within `soon` (or past): their home page.
    public func attestationsDue(ownerId: Int64, until soon: String, limit: Int = 20) async throws -> [SystemListRow] {
        try await db.writer.read { db in try Self.attestationsDue(db, ownerId: ownerId, until: soon, limit: limit) }
    }

    static func attestationsDue(_ db: Database, ownerId: Int64, until soon: String, limit: Int = 20) throws -> [SystemListRow] {
        try SystemListRow.fetchAll(db.cachedStatement(sql: Self.listColumns + """
             WHERE s.owner_id = ? AND s.status = 'in_service' AND s.attestation_due_on <= ? ORDER BY s.attestation_due_on, s.id LIMIT ?
            """), arguments: [ownerId, soon, limit])
    }

    /// Overdue for review, over the alias `s`, today's date bound: still followed (in service or suspended) and past the
    /// review date (`SystemListRow.reviewOverdue` says the same of a row). The figures, the annual report, the export.
    static let overdueCondition = "s.status IN ('in_service', 'suspended') AND s.next_review_on < ?"

    /// Systems still followed (in service or suspended) whose review date has passed, that `actor` may see: the count
    /// and the first `limit`, oldest due first (`/figures`, the secretary's home page).
    public func overdueForReview(for actor: Requester, today: String, limit: Int = 10) async throws -> (count: Int, rows: [SystemListRow]) {
        try await db.writer.read { db in try Self.overdueForReview(db, for: actor, today: today, limit: limit) }
    }

    static func overdueForReview(_ db: Database, for actor: Requester, today: String,
                                 limit: Int = 10) throws -> (count: Int, rows: [SystemListRow]) {
        let (visible, visibleArguments) = Self.visibility(actor)
        let condition = "\(visible) AND \(Self.overdueCondition)"
        var arguments = visibleArguments
        arguments += [today]
        let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM systems s WHERE \(condition)"), arguments: arguments) ?? 0
        arguments += [limit]
        let rows = try SystemListRow.fetchAll(db.cachedStatement(sql: Self.overdueForReviewSQL(condition)), arguments: arguments)
        return (count, rows)
    }

    /// From index `systems_review_due` (migration 0039): the overdue systems only, then sorted (two statuses).
    static func overdueForReviewSQL(_ condition: String) -> String {
        listColumns + " WHERE \(condition) ORDER BY s.next_review_on, s.id LIMIT ?"
    }

    /// Whether an account may own a system approved through these cases: active, and allowed to open one of them (with
    /// no case, any active account), so the owner always sees their system. The owner field's check on submit.
    static func mayOwn(_ user: User, cases caseFacts: [CaseFacts]) -> Bool {
        guard user.active else { return false }
        let actor = Requester(userId: user.id, role: user.role)
        return caseFacts.isEmpty || caseFacts.contains { Policy.decide(actor, .viewCase($0.withoutVoters)) == .allow }
    }

    /// The owner field's suggestions: the first `limit` accounts by name who may own the system (`mayOwn`). A cursor
    /// stops at `limit`, so the form stays bounded however many accounts there are; anyone allowed may still be typed.
    public func ownerSuggestions(cases caseFacts: [CaseFacts], limit: Int) async throws -> [User] {
        try await db.writer.read { db in
            var found: [User] = []
            let cursor = try User.fetchCursor(db, sql: "SELECT * FROM users WHERE active = 1 ORDER BY name COLLATE NOCASE, id")
            while found.count < limit, let user = try cursor.next() {
                if Self.mayOwn(user, cases: caseFacts) { found.append(user) }
            }
            return found
        }
    }
}

extension SystemStore {
    /// When the owner's next attestation is due (set while the system is in service).
    public func attestationDueOn(systemId: Int64) async throws -> String? {
        try await db.writer.read { db in
            try String.fetchOne(db, sql: "SELECT attestation_due_on FROM systems WHERE id = ?", arguments: [systemId])
        }
    }
}

extension SystemStore {
    /// A meeting's title and start (the suspension's message names the meeting whose agenda has the re-review).
    public func meeting(id: Int64) async throws -> (String, String)? {
        try await db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT title, starts_at FROM meetings WHERE id = ?", arguments: [id]).map { ($0["title"] as String, $0["starts_at"] as String) }
        }
    }
}

extension SystemStore {
    /// The answers of a case as the re-review diff compares them.
    static func comparable(_ db: Database, caseId: Int64) throws -> ReReviewDiff.Answers {
        var answers = ReReviewDiff.Answers()
        for row in try Row.fetchAll(db, sql: "SELECT question, answer, note FROM case_answers WHERE case_id = ?", arguments: [caseId]) {
            let question: String = row["question"]
            answers.readiness[question] = Readiness.Answer(rawValue: row["answer"])
            let note: String = row["note"]
            if !note.isEmpty { answers.notes[question] = note }
        }
        answers.aiAct = try AIActStore.record(db, caseId: caseId).answers
        return answers
    }

    /// For a re-review case: the previous case of its system (id, title), the diff of the answers and the changes the
    /// owner reported. Nil for a case that is not a re-review.
    public func reReviewComparison(caseId: Int64) async throws
        -> (previousId: Int64, previousTitle: String, previousFacts: CaseFacts, lines: [ReReviewDiff.Line],
            changes: [(field: SystemChangeField, before: String, after: String)])? {
        try await db.writer.read { db in
            guard let systemId = try Int64.fetchOne(db, sql: "SELECT system_id FROM system_cases WHERE case_id = ? AND kind = 're_review'",
                                                    arguments: [caseId]),
                  let previous = try Self.previousCase(db, systemId: systemId, before: caseId) else { return nil }
            let lines = ReReviewDiff.lines(before: try Self.comparable(db, caseId: previous.id), after: try Self.comparable(db, caseId: caseId))
            let changes = try Row.fetchAll(db, sql: "SELECT field, before, after FROM system_changes WHERE case_id = ? ORDER BY id",
                                           arguments: [caseId])
                .compactMap { row in SystemChangeField(rawValue: row["field"]).map { (field: $0, before: row["before"] as String, after: row["after"] as String) } }
            return (previous.id, previous.title, try CaseStore.facts(db, previous), lines, changes)
        }
    }
}
