import Foundation
import GRDB

/// A written procedure's act refused because of its state (closed meanwhile, already declared…): 409 or the
/// page again with the message.
public struct WrittenRefusal: Error, Equatable, Sendable {
    public let key: String
}

/// A condition of the proposed decision, as the procedure page shows it.
public struct WrittenCondition: Sendable, Equatable, FetchableRecord {
    public var text: String
    public var ownerName: String
    public var dueOn: String
    public init(row: Row) { text = row["text"]; ownerName = row["name"]; dueOn = row["due_on"] }
}

/// A decision taken by written procedure, as the next meeting's minutes list it for ratification.
public struct WrittenRatification: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var kind: WrittenKind
    public var caseId: Int64?
    public var title: String
    public var outcome: DecisionOutcome?
    public var result: WrittenResultCode
    public var closedAt: String
    public init(row: Row) {
        id = row["id"]; kind = WrittenKind(rawValue: row["kind"]) ?? .motion; caseId = row["case_id"]
        title = row["display_title"] ?? ""; outcome = (row["outcome"] as String?).flatMap(DecisionOutcome.init(rawValue:))
        result = WrittenResultCode(rawValue: row["result"]) ?? .rejected; closedAt = row["closed_at"]
    }
}

/// SQL for written procedures: opening, declarations, ballots, objections, closing (which decides a case through
/// `CaseDecisionStore.decide`, as a meeting's vote does), and the lists. Each write is one transaction with its audit.
public struct WrittenProcedureStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    static let select = """
        SELECT w.*, c.title AS case_title, (SELECT a.meeting_id FROM agenda_items a WHERE a.id = w.agenda_item_id) AS meeting_id
        FROM written_procedures w LEFT JOIN cases c ON c.id = w.case_id
        """
    /// The title a list shows: the case's, or the motion's.
    static let displayTitle = "coalesce(c.title, w.title) AS display_title"

    /// The procedure, its voters (with declarations and ballots) and the policy's facts.
    public func find(id: Int64, objectionAllowed: Bool) async throws -> (WrittenProcedure, [WrittenVoter], WrittenFacts)? {
        try await db.writer.read { db in
            guard let procedure = try WrittenProcedure.fetchOne(db.cachedStatement(sql: Self.select + " WHERE w.id = ?"), arguments: [id]) else { return nil }
            let voters = try Self.voters(db, id)
            return (procedure, voters, try Self.facts(db, procedure, voters, objectionAllowed: objectionAllowed))
        }
    }

    /// The procedure with this id, whoever may see it.
    static func find(_ db: Database, id: Int64) throws -> WrittenProcedure? {
        try WrittenProcedure.fetchOne(db.cachedStatement(sql: select + " WHERE w.id = ?"), arguments: [id])
    }

    static func voters(_ db: Database, _ id: Int64) throws -> [WrittenVoter] {
        try WrittenVoter.fetchAll(db.cachedStatement(sql: """
            SELECT v.user_id, u.name, v.conflict_with, v.declaration, b.choice, b.reasoning, b.cast_at
            FROM written_voters v JOIN users u ON u.id = v.user_id
            LEFT JOIN written_ballots b ON b.procedure_id = v.procedure_id AND b.voter_id = v.user_id
            WHERE v.procedure_id = ? ORDER BY u.name COLLATE NOCASE
            """), arguments: [id])
    }

    static func facts(_ db: Database, _ procedure: WrittenProcedure, _ voters: [WrittenVoter], objectionAllowed: Bool) throws -> WrittenFacts {
        var caseFacts: CaseFacts?
        if let caseId = procedure.caseId,
           let found = try Case.fetchOne(db.cachedStatement(sql: CaseStore.selectCase + " WHERE c.id = ?"), arguments: [caseId]) {
            caseFacts = try CaseStore.facts(db, found)
        }
        return WrittenFacts(caseFacts: caseFacts, open: procedure.status == .open,
                            voters: Set(voters.filter { !$0.recused }.map(\.userId)),
                            mustDeclare: Set(voters.filter(\.mustDeclare).map(\.userId)),
                            voted: Set(voters.filter { $0.choice != nil }.map(\.userId)), objectionAllowed: objectionAllowed)
    }

    /// The conditions of the proposed decision, in order.
    public func conditions(id: Int64) async throws -> [WrittenCondition] {
        try await db.writer.read { db in
            try WrittenCondition.fetchAll(db.cachedStatement(sql: """
                SELECT k.text, k.due_on, u.name FROM written_procedure_conditions k JOIN users u ON u.id = k.owner_id
                WHERE k.procedure_id = ? ORDER BY k.position
                """), arguments: [id])
        }
    }

    // MARK: opening

    /// Opens a written procedure: the proposal, its conditions, and the eligible voters fixed now (active voting
    /// members and experts not recused from the case, each with the declared interest that matches the case).
    /// Every voter is told. Returns its id.
    public func open(_ proposal: WrittenProposal, by actor: AuditActor) async throws -> Int64 {
        try await db.writer.write { db in try Self.open(db, proposal, by: actor, now: clock.now) }
    }

    static func open(_ db: Database, _ proposal: WrittenProposal, by actor: AuditActor, now: Date) throws -> Int64 {
        let at = Timestamp.string(now)
        guard proposal.deadline > at else { throw WrittenRefusal(key: "written_error_deadline_past") }
        var team = "", vendor = ""
        if let caseId = proposal.caseId {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT status, team, vendor FROM cases WHERE id = ?"), arguments: [caseId]),
                  row["status"] == CaseStatus.inReview.rawValue else { throw CaseLifecycle.Refusal(key: "transition_not_from_status") }
            team = row["team"]; vendor = row["vendor"]
            let running = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM written_procedures WHERE case_id = ? AND status = 'open')"),
                                            arguments: [caseId]) ?? false
            guard !running else { throw WrittenRefusal(key: "written_error_already_open") }
            // Nor while a meeting is to decide it: one way to decide at a time.
            let onAgenda = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                               WHERE a.case_id = ? AND a.decided_at IS NULL AND m.status IN ('planned', 'held'))
                """), arguments: [caseId]) ?? false
            guard !onAgenda else { throw WrittenRefusal(key: "written_error_on_agenda") }
            // Art. 5: what could never be decided is not put to the vote either.
            if let outcome = proposal.outcome { try AIActStore.checkDecision(db, caseId: caseId, outcome: outcome) }
        }
        try db.execute(sql: """
            INSERT INTO written_procedures (kind, case_id, deliverable_id, title, text, text_html, outcome, opinion, opinion_html,
                                            charter_version, articles, deadline, opened_by, opened_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [proposal.kind.rawValue, proposal.caseId, proposal.deliverableId, proposal.title, proposal.text,
                             proposal.textHTML, proposal.outcome?.rawValue, proposal.opinion, proposal.opinionHTML,
                             proposal.charterVersion, proposal.articles, proposal.deadline, actor.id, at])
        let id = db.lastInsertedRowID
        for (position, condition) in proposal.conditions.enumerated() {
            try db.execute(sql: """
                INSERT INTO written_procedure_conditions (procedure_id, position, text, owner_id, due_on) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, position + 1, condition.text, condition.ownerId, condition.dueOn])
        }
        let (conflict, conflictArguments) = proposal.caseId == nil ? ("NULL", StatementArguments())
            : MemberStore.matchingInterest(userColumn: "u.id", team: team, vendor: vendor)
        var arguments: StatementArguments = [id]
        arguments += conflictArguments
        arguments += [proposal.caseId]
        try db.execute(sql: """
            INSERT INTO written_voters (procedure_id, user_id, conflict_with)
            SELECT ?, u.id, \(conflict) FROM users u LEFT JOIN member_profiles p ON p.user_id = u.id
            WHERE u.active = 1 AND u.role IN ('member', 'expert') AND coalesce(p.voting, 1) = 1
              AND NOT EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = ? AND r.user_id = u.id AND r.recused_at IS NOT NULL)
            """, arguments: arguments)
        if let caseId = proposal.caseId {
            try CaseStore.event(db, caseId: caseId, actor: actor, event: "written_opened", detail: "", at: at)
        }
        try AuditStore.append(db, by: actor, action: "written.opened", targetType: "written_procedure", targetId: String(id),
                              detail: "kind=\(proposal.kind.rawValue)" + (proposal.caseId.map { " case=\($0)" } ?? "")
                                  + (proposal.outcome.map { " proposed=\($0.rawValue)" } ?? "") + " deadline=\(proposal.deadline)",
                              at: now)
        let voters = try Int64.fetchAll(db.cachedStatement(sql: "SELECT user_id FROM written_voters WHERE procedure_id = ?"), arguments: [id])
        try Notifier.notify(db, recipients: voters, kind: .writtenOpened, record: .writtenProcedure, recordId: id,
                            params: ["title": try title(db, id), "due_on": String(proposal.deadline.prefix(10))], now: now, except: actor.id)
        return id
    }

    static func title(_ db: Database, _ id: Int64) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(c.title, w.title) FROM written_procedures w LEFT JOIN cases c ON c.id = w.case_id WHERE w.id = ?
            """), arguments: [id]) ?? ""
    }

    // MARK: voters' acts

    /// A voter whose interests match the case declares no conflict, or recuses. Closes the procedure when every
    /// remaining voter has voted. Returns whether it closed.
    @discardableResult
    public func declare(id: Int64, userId: Int64, _ declaration: WrittenDeclaration, by actor: AuditActor) async throws -> Bool {
        try await db.writer.write { db in
            let now = clock.now
            try Self.requireOpen(db, id, now: now)
            try db.execute(sql: """
                UPDATE written_voters SET declaration = ?, declared_at = ?
                WHERE procedure_id = ? AND user_id = ? AND declaration IS NULL AND conflict_with IS NOT NULL
                """, arguments: [declaration.rawValue, Timestamp.string(now), id, userId])
            guard db.changesCount == 1 else { throw WrittenRefusal(key: "written_error_already_declared") }
            try AuditStore.append(db, by: actor, action: declaration == .recused ? "written.recused" : "written.no_conflict",
                                  targetType: "written_procedure", targetId: String(id), detail: "user=\(userId)", at: now)
            return try Self.closeIfComplete(db, id, by: actor, now: now)
        }
    }

    /// One ballot per voter (primary key; triggers refuse it after the close, from a recused voter, or before a
    /// matching interest is cleared). Closes the procedure when it was the last one. Returns whether it closed.
    @discardableResult
    public func cast(id: Int64, userId: Int64, choice: VoteChoice, reasoning: String, by actor: AuditActor) async throws -> Bool {
        try await db.writer.write { db in
            let now = clock.now
            try Self.requireOpen(db, id, now: now)
            do {
                try db.execute(sql: """
                    INSERT INTO written_ballots (procedure_id, voter_id, choice, reasoning, cast_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [id, userId, choice.rawValue, reasoning, Timestamp.string(now)])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                // The primary key: a second ballot; a trigger: not (or no longer) eligible.
                let voted = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM written_ballots WHERE procedure_id = ? AND voter_id = ?)"),
                                              arguments: [id, userId]) ?? false
                throw WrittenRefusal(key: voted ? "written_error_already_voted" : "written_error_not_eligible")
            }
            try AuditStore.append(db, by: actor, action: "written.ballot_cast", targetType: "written_procedure", targetId: String(id),
                                  detail: "user=\(userId) choice=\(choice.rawValue)", at: now)
            return try Self.closeIfComplete(db, id, by: actor, now: now)
        }
    }

    /// A voter asks for a meeting instead: the written vote ends and the item goes at the end of the next planned
    /// meeting's agenda, or back to "to be scheduled" when none is planned. Returns that meeting's id, if any.
    public func object(id: Int64, userId: Int64, by actor: AuditActor) async throws -> Int64? {
        try await db.writer.write { db in
            let now = clock.now, at = Timestamp.string(now)
            guard let procedure = try WrittenProcedure.fetchOne(db.cachedStatement(sql: Self.select + " WHERE w.id = ?"), arguments: [id]) else {
                throw Refusal.notFound
            }
            try Self.requireOpen(db, id, now: now)
            let meeting = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM meetings WHERE status = 'planned' AND starts_at > ? ORDER BY starts_at, id LIMIT 1
                """), arguments: [at])
            var itemId: Int64?
            if let meeting {
                let position = (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(position) FROM agenda_items WHERE meeting_id = ?"), arguments: [meeting]) ?? 0) + 1
                if let caseId = procedure.caseId {
                    try db.execute(sql: "INSERT INTO agenda_items (meeting_id, position, kind, case_id) VALUES (?, ?, 'case', ?)",
                                   arguments: [meeting, position, caseId])
                } else {
                    try db.execute(sql: """
                        INSERT INTO agenda_items (meeting_id, position, kind, title, note, note_html) VALUES (?, ?, 'free', ?, ?, ?)
                        """, arguments: [meeting, position, procedure.title, procedure.text, procedure.textHTML])
                }
                itemId = db.lastInsertedRowID
                try AuditStore.append(db, by: actor, action: "meeting.item_added", targetType: "meeting", targetId: String(meeting),
                                      detail: "item=\(itemId!) kind=\(procedure.caseId == nil ? "free" : "case")"
                                          + (procedure.caseId.map { " case=\($0)" } ?? "") + " written=\(id)", at: now)
            }
            try db.execute(sql: """
                UPDATE written_procedures SET status = 'to_meeting', closed_at = ?, objected_by = ?, agenda_item_id = ?
                WHERE id = ? AND status = 'open'
                """, arguments: [at, userId, itemId, id])
            guard db.changesCount == 1 else { throw WrittenRefusal(key: "written_error_closed") }
            if let caseId = procedure.caseId {
                try CaseStore.event(db, caseId: caseId, actor: actor, event: "written_to_meeting", detail: "", at: at)
            }
            try AuditStore.append(db, by: actor, action: "written.to_meeting", targetType: "written_procedure", targetId: String(id),
                                  detail: "user=\(userId)" + (meeting.map { " meeting=\($0)" } ?? " meeting=none"), at: now)
            try Self.notifyClosed(db, procedure, by: actor.id, now: now)
            return meeting
        }
    }

    /// Open and before its deadline (past it, the next sweep or page view closes it).
    private static func requireOpen(_ db: Database, _ id: Int64, now: Date) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT status, deadline FROM written_procedures WHERE id = ?"), arguments: [id]) else {
            throw Refusal.notFound
        }
        guard row["status"] == WrittenStatus.open.rawValue, (row["deadline"] as String) > Timestamp.string(now) else {
            throw WrittenRefusal(key: "written_error_closed")
        }
    }

    // MARK: closing

    /// Closes when every voter who is not recused has voted.
    static func closeIfComplete(_ db: Database, _ id: Int64, by actor: AuditActor, now: Date) throws -> Bool {
        let waiting = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM written_voters v WHERE v.procedure_id = ? AND v.declaration IS NOT 'recused'
              AND NOT EXISTS (SELECT 1 FROM written_ballots b WHERE b.procedure_id = v.procedure_id AND b.voter_id = v.user_id)
            """), arguments: [id]) ?? 0
        guard waiting == 0 else { return false }
        return try close(db, id, by: actor, now: now)
    }

    /// Closes an open procedure with the result of the settings' rules, once: a second closing (another session,
    /// the sweep) finds it closed and changes nothing. A case is then decided exactly as a meeting's vote decides
    /// it (`CaseDecisionStore.decide`, procedure "written"): the proposal if adopted, otherwise deferred.
    /// Returns whether this call closed it.
    @discardableResult
    static func close(_ db: Database, _ id: Int64, by actor: AuditActor, now: Date) throws -> Bool {
        guard let procedure = try WrittenProcedure.fetchOne(db.cachedStatement(sql: select + " WHERE w.id = ?"), arguments: [id]),
              procedure.status == .open else { return false }
        let settings = Settings(rows: try Dictionary(uniqueKeysWithValues: Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM settings")).map {
            ($0["key"] as String, $0["value"] as String)
        }))
        let voters = try Self.voters(db, id).filter { !$0.recused }
        let count = { (choice: VoteChoice) in voters.filter { $0.choice == choice }.count }
        let result = WrittenResult.compute(quorum: settings.writtenQuorum, majority: settings.writtenMajority, eligible: voters.count,
                                           for: count(.for), against: count(.against), abstain: count(.abstain))
        let at = Timestamp.string(now)
        try db.execute(sql: "UPDATE written_procedures SET status = 'closed', result = ?, closed_at = ? WHERE id = ? AND status = 'open'",
                       arguments: [result.rawValue, at, id])
        guard db.changesCount == 1 else { return false }
        try AuditStore.append(db, by: actor, action: "written.closed", targetType: "written_procedure", targetId: String(id),
                              detail: "result=\(result.rawValue) for=\(count(.for)) against=\(count(.against)) "
                                  + "abstain=\(count(.abstain)) eligible=\(voters.count)", at: now)
        if let caseId = procedure.caseId, let proposed = procedure.outcome,
           try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM cases WHERE id = ?"), arguments: [caseId]) == CaseStatus.inReview.rawValue {
            // The decision is recorded in the name of the secretary who opened the procedure, for the committee.
            let recorder = AuditActor(id: procedure.openedBy, label: actor.label, client: actor.client)
            let adopted = result == .adopted
            let proposedConditions = adopted && proposed == .conditions ? try Row.fetchAll(db.cachedStatement(sql: """
                SELECT text, owner_id, due_on FROM written_procedure_conditions WHERE procedure_id = ? ORDER BY position
                """), arguments: [id]).map { NewCondition(text: $0["text"], ownerId: $0["owner_id"], dueOn: $0["due_on"]) } : []
            let conditions = try ownedConditions(db, proposedConditions, caseId: caseId, procedure: procedure, by: recorder, now: now)
            try CaseDecisionStore.decide(db, caseId: caseId, outcome: adopted ? proposed : .deferred,
                                         opinion: adopted ? procedure.opinion : "", opinionHTML: adopted ? procedure.opinionHTML : "",
                                         charterVersion: procedure.charterVersion, articles: procedure.articles, procedure: "written",
                                         meetingOn: nil, conditions: conditions, by: recorder, now: now)
        }
        try notifyClosed(db, procedure, by: actor.id, now: now)
        return true
    }

    /// The proposal's conditions as the case will hold them. They were checked when the vote opened, days ago: each owner
    /// is asked again now the question every decision form asks (`Policy.mayOwnCondition` through `ConditionOwners`: an
    /// active account that may open the case; the vote is closed already, so being one of its voters no longer counts).
    /// A condition whose owner may no longer own it (they left the committee, lost access to a confidential case) is
    /// not dropped, since the committee voted it, nor left with someone who cannot open the case: it goes to the
    /// project owner, who answers for the project and always sees the case (or, should even they not, to the secretary
    /// who opened the vote). Each hand-over is an audit entry, and that secretary is told once, to reassign if needed.
    static func ownedConditions(_ db: Database, _ conditions: [NewCondition], caseId: Int64, procedure: WrittenProcedure,
                                by actor: AuditActor, now: Date) throws -> [NewCondition] {
        guard !conditions.isEmpty,
              let found = try Case.fetchOne(db.cachedStatement(sql: CaseStore.selectCase + " WHERE c.id = ?"), arguments: [caseId])
        else { return conditions }
        let facts = try CaseStore.facts(db, found)
        func mayOwn(_ id: Int64) throws -> Bool {
            ConditionOwners.allowed(try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE id = ?"), arguments: [id]), facts)
        }
        var handedOn = false
        var owned: [NewCondition] = []
        for condition in conditions {
            guard !(try mayOwn(condition.ownerId)) else { owned.append(condition); continue }
            let heir = try mayOwn(found.submitterId) ? found.submitterId : procedure.openedBy
            try AuditStore.append(db, by: actor, action: "condition.reassigned", targetType: "case", targetId: String(caseId),
                                  detail: "written_procedure=\(procedure.id) from=\(condition.ownerId) to=\(heir)", at: now)
            owned.append(NewCondition(text: condition.text, ownerId: heir, dueOn: condition.dueOn))
            handedOn = true
        }
        if handedOn {
            try Notifier.notify(db, recipients: [procedure.openedBy], kind: .conditionReassigned, record: .case, recordId: caseId,
                                params: ["title": found.title], now: now)
        }
        return owned
    }

    /// The voters and the secretary who opened it hear that the written vote ended.
    private static func notifyClosed(_ db: Database, _ procedure: WrittenProcedure, by actorId: Int64?, now: Date) throws {
        let people = try Int64.fetchAll(db.cachedStatement(sql: "SELECT user_id FROM written_voters WHERE procedure_id = ?"), arguments: [procedure.id])
        try Notifier.notify(db, recipients: people + [procedure.openedBy], kind: .writtenClosed, record: .writtenProcedure,
                            recordId: procedure.id, params: ["title": try title(db, procedure.id)], now: now, except: actorId)
    }

    /// The sweep's part: closes every procedure whose deadline has passed, and reminds voters who have not voted
    /// yet once, in the last `reminderHours` before the deadline. Returns (closed, reminders created).
    static func sweep(_ db: Database, now: Date, reminderHours: Int = 24) throws -> (closed: Int, reminded: Int) {
        let at = Timestamp.string(now)
        var closed = 0, reminded = 0
        for id in try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM written_procedures WHERE status = 'open' AND deadline <= ? ORDER BY id"),
                                     arguments: [at]) {
            if try close(db, id, by: .system("written procedure deadline"), now: now) { closed += 1 }
        }
        let soon = Timestamp.string(now.addingTimeInterval(TimeInterval(reminderHours * 3600)))
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, deadline FROM written_procedures WHERE status = 'open' AND deadline > ? AND deadline <= ?
            """), arguments: [at, soon]) {
            let id: Int64 = row["id"], deadline: String = row["deadline"]
            let waiting = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT v.user_id FROM written_voters v WHERE v.procedure_id = ? AND v.declaration IS NOT 'recused'
                  AND NOT EXISTS (SELECT 1 FROM written_ballots b WHERE b.procedure_id = v.procedure_id AND b.voter_id = v.user_id)
                """), arguments: [id])
            reminded += try Notifier.notify(db, recipients: waiting, kind: .writtenReminder, record: .writtenProcedure, recordId: id,
                                            params: ["title": try title(db, id), "due_on": String(deadline.prefix(10))], now: now,
                                            dedupe: "written_reminder:\(id):\(deadline)")
        }
        return (closed, reminded)
    }

    /// Closes what is due now (the sweep's closing, for callers outside it).
    public func closeDue() async throws -> Int {
        try await db.writer.write { db in try Self.sweep(db, now: clock.now).closed }
    }

    /// Closes one procedure now if it is still open (used by the race test: two closings at once).
    @discardableResult
    public func close(id: Int64, by actor: AuditActor) async throws -> Bool {
        try await db.writer.write { db in try Self.close(db, id, by: actor, now: clock.now) }
    }
}
