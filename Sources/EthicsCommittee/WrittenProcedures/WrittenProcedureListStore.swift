import Foundation
import GRDB

/// `WrittenProcedureStore`'s lists and their access rule in SQL (a file of its own, to keep each file short).
extension WrittenProcedureStore {
    /// `Policy`'s rule for seeing a procedure (`viewWrittenProcedure`), in SQL over `w`: a case procedure when the
    /// case is visible (`CaseStore.visibility`), a motion for the staff, internal members and its voters.
    static func visibility(_ actor: Requester) -> (String, StatementArguments) {
        let (caseVisible, caseArguments) = CaseStore.visibility(actor)
        let motion: String
        var arguments = StatementArguments()
        switch actor.role {
        case .admin, .secretary, .member: motion = "1"
        case .expert:
            motion = "EXISTS (SELECT 1 FROM written_voters v WHERE v.procedure_id = w.id AND v.user_id = ? AND v.declaration IS NOT 'recused')"
            arguments += [actor.userId]
        case .submitter: return ("0", [])
        }
        arguments += caseArguments
        return ("""
            ((w.case_id IS NULL AND \(motion))
             OR (w.case_id IS NOT NULL AND EXISTS (SELECT 1 FROM cases c WHERE c.id = w.case_id AND \(caseVisible))))
            """, arguments)
    }

    static let listColumns = """
        SELECT w.id, w.kind, w.case_id, w.deadline, w.status, w.result, \(displayTitle),
            (SELECT count(*) FROM written_ballots b WHERE b.procedure_id = w.id) AS ballots,
            (SELECT count(*) FROM written_voters v WHERE v.procedure_id = w.id AND v.declaration IS NOT 'recused') AS voters
        FROM written_procedures w LEFT JOIN cases c ON c.id = w.case_id
        """

    /// One page of the procedures this person may see, running ones first (by deadline), then the newest closed;
    /// counted and read in one snapshot, the page clamped to those that exist.
    public func list(for actor: Requester, page requested: Int, size: Int) async throws -> ListPage<WrittenListRow> {
        let (visible, arguments) = Self.visibility(actor)
        return try await db.writer.read { db in
            let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM written_procedures w WHERE \(visible)"), arguments: arguments) ?? 0
            let (number, offset) = ListPage<WrittenListRow>.clamp(requested: requested, total: total, size: size)
            var pageArguments = arguments
            pageArguments += [size, offset]
            let rows = try WrittenListRow.fetchAll(db.cachedStatement(sql: Self.listColumns + """
                 WHERE \(visible)
                ORDER BY w.status <> 'open', CASE WHEN w.status = 'open' THEN w.deadline END, w.id DESC LIMIT ? OFFSET ?
                """), arguments: pageArguments)
            return ListPage(rows: rows, total: total, number: number, size: size)
        }
    }

    /// The running procedures awaiting this person's ballot or declaration (home page), soonest deadline first.
    public func awaiting(for actor: Requester, limit: Int = 20) async throws -> [WrittenListRow] {
        try await db.writer.read { db in try Self.awaiting(db, for: actor, limit: limit) }
    }

    static func awaiting(_ db: Database, for actor: Requester, limit: Int) throws -> [WrittenListRow] {
        let (visible, visibleArguments) = Self.visibility(actor)
        var built: StatementArguments = [actor.userId]
        built += visibleArguments
        built += [limit]
        let arguments = built
        return try WrittenListRow.fetchAll(db.cachedStatement(sql: Self.listColumns + """
             WHERE w.status = 'open' AND EXISTS (
                SELECT 1 FROM written_voters v WHERE v.procedure_id = w.id AND v.user_id = ? AND v.declaration IS NOT 'recused'
                  AND NOT EXISTS (SELECT 1 FROM written_ballots b WHERE b.procedure_id = w.id AND b.voter_id = v.user_id))
              AND \(visible)
            ORDER BY w.deadline, w.id LIMIT ?
            """), arguments: arguments)
    }

    /// The procedures of one case (its page links them), newest first, bounded.
    public func forCase(_ caseId: Int64, limit: Int = 20) async throws -> [WrittenListRow] {
        try await db.writer.read { db in try Self.forCase(db, caseId, limit: limit) }
    }

    static func forCase(_ db: Database, _ caseId: Int64, limit: Int) throws -> [WrittenListRow] {
        try WrittenListRow.fetchAll(db.cachedStatement(sql: Self.listColumns + " WHERE w.case_id = ? ORDER BY w.id DESC LIMIT ?"),
                                    arguments: [caseId, limit])
    }

    /// The procedures closed with a result since the previous meeting (held or closed) began and before the meeting
    /// starting at `start`: its minutes list them for ratification, with each case's facts for the reader's
    /// redaction. Bounded.
    public func ratifications(before start: String, limit: Int = 100) async throws -> [(WrittenRatification, CaseFacts?)] {
        try await db.writer.read { db in try Self.ratifications(db, before: start, limit: limit) }
    }

    static func ratifications(_ db: Database, before start: String, limit: Int) throws -> [(WrittenRatification, CaseFacts?)] {
        let previous = try String.fetchOne(db.cachedStatement(sql: """
            SELECT max(starts_at) FROM meetings WHERE starts_at < ? AND status IN ('held', 'closed')
            """), arguments: [start])
        let rows = try WrittenRatification.fetchAll(db.cachedStatement(sql: """
            SELECT w.id, w.kind, w.case_id, w.outcome, w.result, w.closed_at, \(Self.displayTitle)
            FROM written_procedures w LEFT JOIN cases c ON c.id = w.case_id
            WHERE w.status = 'closed' AND w.closed_at <= ? AND (?2 IS NULL OR w.closed_at > ?2)
            ORDER BY w.closed_at, w.id LIMIT ?
            """), arguments: [start, previous, limit])
        return try rows.map { row in
            let found = try row.caseId.flatMap { try Case.fetchOne(db.cachedStatement(sql: CaseStore.selectCase + " WHERE c.id = ?"), arguments: [$0]) }
            return (row, try found.map { try CaseStore.facts(db, $0) })
        }
    }

    /// A deliverable a motion may adopt: not cancelled, not an opinion on a case (whose title could be confidential).
    static let adoptable = "status <> 'cancelled' AND case_id IS NULL"

    /// The motion's deliverable field's suggestions (issue 19): the latest `limit` deliverables a motion may adopt.
    /// Any of them may be typed (`adoptableDeliverable(typed:)`).
    public func deliverableChoices(limit: Int = 100) async throws -> [(id: Int64, title: String)] {
        try await db.writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT id, title FROM deliverables WHERE \(Self.adoptable) ORDER BY id DESC LIMIT ?"),
                             arguments: [limit]).map { ($0["id"], $0["title"]) }
        }
    }

    /// The deliverable a motion may adopt that a typed value names: its number, or its title (any case) when one bears it.
    public func adoptableDeliverable(typed raw: String) async throws -> TypedMatch<Int64> {
        let typed = raw.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty, typed.count <= FieldLimits.title else { return .none }
        return try await db.writer.read { db in
            if let id = Int64(typed) {
                return TypedMatch(try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM deliverables WHERE id = ? AND \(Self.adoptable)"),
                                                     arguments: [id]))
            }
            return TypedMatch(try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM deliverables WHERE title = ? COLLATE NOCASE AND \(Self.adoptable) LIMIT 2
                """), arguments: [typed]))
        }
    }
}
