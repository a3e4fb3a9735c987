import Foundation
import GRDB

/// SQL for deliverables. Each write is audited in its transaction; delivered ones are frozen by a trigger.
public struct DeliverableStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    static let select = "SELECT d.*, u.name AS owner_name FROM deliverables d JOIN users u ON u.id = d.owner_id"

    /// The rule of `Action.viewDeliverable` in SQL over a deliverable `d`: never for a project owner; not
    /// when it is linked to a case the person may not open (`CaseStore.visibility`); an external expert
    /// only their own and those they vote on in an open written procedure. A test checks that lists agree with the policy.
    static func visibility(_ actor: Requester) -> (String, StatementArguments) {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        let linked = "(d.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = d.case_id AND (\(visible))))"
        switch actor.role {
        case .submitter:
            return ("0", [])
        case .admin, .secretary:
            // Every case: the linked case exists (a foreign key), so nothing is probed per deliverable.
            return ("1", [])
        case .member:
            return (linked, visibleArguments)
        case .expert:
            var arguments: StatementArguments = [actor.userId, actor.userId]
            arguments += visibleArguments
            return ("""
                (d.owner_id = ? OR EXISTS (SELECT 1 FROM written_procedures w JOIN written_voters v ON v.procedure_id = w.id
                    WHERE w.deliverable_id = d.id AND w.status = 'open' AND v.user_id = ? AND v.declaration IS NOT 'recused'))
                AND \(linked)
                """, arguments)
        }
    }

    /// One page of the deliverables a person may open, by due date, with the status and owner filters of the
    /// list. Counted (up to `ListBound.countLimit`), clamped and fetched in one read, so the page never grows with the
    /// archive (the owner filter is a searchable field, not a list of every owner).
    public func list(for actor: Requester, status: DeliverableStatus?, ownerId: Int64?, page: Int = 1, size: Int = 50) async throws
        -> ListPage<Deliverable> {
        let (visible, visibleArguments) = Self.visibility(actor)
        var conditions = [visible]
        var arguments = visibleArguments
        if let status { conditions.append("d.status = ?"); arguments += [status.rawValue] }
        if let ownerId { conditions.append("d.owner_id = ?"); arguments += [ownerId] }
        let whereClause = conditions.joined(separator: " AND ")
        let filterArguments = arguments
        return try await db.writer.read { db in
            var countArguments = filterArguments
            countArguments += [ListBound.countLimit]
            let total = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT 1 FROM deliverables d WHERE \(whereClause) LIMIT ?)
                """), arguments: countArguments) ?? 0
            let (number, offset) = ListPage<Deliverable>.clamp(requested: page, total: total, size: size)
            var rowArguments = filterArguments
            rowArguments += [size, offset]
            let rows = try Deliverable.fetchAll(db.cachedStatement(sql: Self.select + " WHERE \(whereClause) ORDER BY d.due_on, d.id LIMIT ? OFFSET ?"),
                                                arguments: rowArguments)
            return ListPage(rows: rows, total: total, number: number, size: size)
        }
    }

    /// Every deliverable with the policy's facts, by due date (tests compare the lists with the policy).
    public func all() async throws -> [(Deliverable, DeliverableFacts)] {
        try await db.writer.read { db in
            let rows = try Deliverable.fetchAll(db.cachedStatement(sql: Self.select + " ORDER BY d.due_on, d.id"))
            return try rows.map { ($0, try Self.facts(db, $0)) }
        }
    }

    /// One deliverable and the facts of its linked case.
    public func find(id: Int64) async throws -> (Deliverable, DeliverableFacts)? {
        try await db.writer.read { db in
            guard let found = try Deliverable.fetchOne(db.cachedStatement(sql: Self.select + " WHERE d.id = ?"), arguments: [id]) else { return nil }
            return (found, try Self.facts(db, found))
        }
    }

    /// The owner, the linked case's facts and the eligible voters of an open written procedure on the deliverable.
    private static func facts(_ db: Database, _ found: Deliverable) throws -> DeliverableFacts {
        let voters = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT v.user_id FROM written_procedures w JOIN written_voters v ON v.procedure_id = w.id
            WHERE w.deliverable_id = ? AND w.status = 'open' AND v.declaration IS NOT 'recused'
            """), arguments: [found.id])
        return DeliverableFacts(ownerId: found.ownerId, linkedCase: try caseFacts(db, found.caseId), voters: Set(voters))
    }

    private static func caseFacts(_ db: Database, _ caseId: Int64?) throws -> CaseFacts? {
        guard let caseId, let found = try Case.fetchOne(db.cachedStatement(sql: CaseStore.selectCase + " WHERE c.id = ?"), arguments: [caseId]) else {
            return nil
        }
        return try CaseStore.facts(db, found)
    }

    /// Creates a planned deliverable. Returns its id.
    public func create(_ draft: DeliverableDraft, bodyHTML: String, by actor: AuditActor) async throws -> Int64 {
        try await db.writer.write { db in
            let at = Timestamp.string(clock.now)
            try db.execute(sql: """
                INSERT INTO deliverables (kind, title, owner_id, due_on, case_id, meeting_id, body, body_html, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [draft.kind.rawValue, draft.title, draft.ownerId, draft.dueOn, draft.caseId, draft.meetingId,
                                 draft.body, bodyHTML, at, at])
            let id = db.lastInsertedRowID
            try AuditStore.append(db, by: actor, action: "deliverable.created", targetType: "deliverable", targetId: String(id),
                                  detail: "kind=\(draft.kind.rawValue) owner=\(draft.ownerId) due=\(draft.dueOn)", at: clock.now)
            return id
        }
    }

    /// Saves the fields of a deliverable that is not delivered.
    public func update(id: Int64, _ draft: DeliverableDraft, bodyHTML: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.requireOpen(db, id)
            try db.execute(sql: """
                UPDATE deliverables SET kind = ?, title = ?, owner_id = ?, due_on = ?, case_id = ?, meeting_id = ?, body = ?,
                    body_html = ?, updated_at = ? WHERE id = ?
                """, arguments: [draft.kind.rawValue, draft.title, draft.ownerId, draft.dueOn, draft.caseId, draft.meetingId,
                                 draft.body, bodyHTML, Timestamp.string(clock.now), id])
            try AuditStore.append(db, by: actor, action: "deliverable.updated", targetType: "deliverable", targetId: String(id),
                                  detail: "owner=\(draft.ownerId) due=\(draft.dueOn)", at: clock.now)
        }
    }

    /// Moves a deliverable to another status, if the move exists (`DeliverableStatus.next`).
    public func move(id: Int64, to status: DeliverableStatus, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let current = try Self.requireOpen(db, id)
            guard current.next.contains(status) else { throw MeetingRefusal(key: "deliverable_error_move") }
            let at = Timestamp.string(clock.now)
            try db.execute(sql: "UPDATE deliverables SET status = ?, updated_at = ?, delivered_at = ? WHERE id = ?",
                           arguments: [status.rawValue, at, status == .delivered ? at : nil, id])
            try AuditStore.append(db, by: actor, action: "deliverable.\(status.rawValue)", targetType: "deliverable",
                                  targetId: String(id), detail: "\(current.rawValue)->\(status.rawValue)", at: clock.now)
        }
    }

    @discardableResult
    private static func requireOpen(_ db: Database, _ id: Int64) throws -> DeliverableStatus {
        guard let raw = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM deliverables WHERE id = ?"), arguments: [id]),
              let status = DeliverableStatus(rawValue: raw) else { throw Refusal.notFound }
        guard status != .delivered else { throw MeetingRefusal(key: "deliverable_error_frozen") }
        return status
    }

    /// The opinion on a case, recorded as delivered when the case is decided (inside the decision's transaction).
    static func insertOpinion(_ db: Database, caseId: Int64, ownerId: Int64, body: String, bodyHTML: String, meetingId: Int64?,
                              now: Date) throws {
        let at = Timestamp.string(now)
        let title = try String.fetchOne(db.cachedStatement(sql: "SELECT title FROM cases WHERE id = ?"), arguments: [caseId]) ?? ""
        try db.execute(sql: """
            INSERT INTO deliverables (kind, title, owner_id, due_on, status, case_id, meeting_id, body, body_html, created_at,
                                      updated_at, delivered_at)
            VALUES ('opinion', ?, ?, ?, 'delivered', ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [String(title.prefix(200)), ownerId, String(at.prefix(10)), caseId, meetingId, body, bodyHTML, at, at, at])
    }
}
