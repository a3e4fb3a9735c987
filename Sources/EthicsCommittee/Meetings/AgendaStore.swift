import Foundation
import GRDB

/// One member's vote as the secretary records the roll.
public struct VoteEntry: Sendable, Equatable {
    public var userId: Int64
    public var choice: VoteChoice
    public var dissent: String
    /// Who recorded it: the secretary's roll when nil; the member, or the secretary's show of hands, for a ballot.
    public var recordedBy: Int64? = nil

    /// Spelled out so that the demo target may build one (a memberwise init is internal).
    package init(userId: Int64, choice: VoteChoice, dissent: String, recordedBy: Int64? = nil) {
        self.userId = userId; self.choice = choice; self.dissent = dissent; self.recordedBy = recordedBy
    }
}

extension ItemOutcome {
    /// The majority rule: a proposal is carried by more votes for than against. One it does not carry is not
    /// adopted: a case stays in review (deferred), another item is rejected.
    static func result(proposed: ItemOutcome, votes: [VoteEntry], isCase: Bool) -> ItemOutcome {
        let carried = votes.filter { $0.choice == .for }.count > votes.filter { $0.choice == .against }.count
        return carried ? proposed : (isCase ? .deferred : .rejected)
    }
}

/// The result recorded on an item, and for a case item what the case's decision carries.
public struct ItemDecision: Sendable, Equatable {
    public var outcome: ItemOutcome
    public var text: String
    public var html: String
    public var conditions: [NewCondition] = []
    public var charterVersion: Int?
    public var articles = ""
    /// Adopting the approval of earlier minutes: their printed HTML as approved (`MinutesArchive`).
    public var minutesArchive: MinutesArchive?

    /// Spelled out so that the demo target may build one (a memberwise init is internal).
    package init(outcome: ItemOutcome, text: String, html: String, conditions: [NewCondition] = [], charterVersion: Int? = nil,
                 articles: String = "", minutesArchive: MinutesArchive? = nil) {
        self.outcome = outcome; self.text = text; self.html = html; self.conditions = conditions; self.charterVersion = charterVersion
        self.articles = articles; self.minutesArchive = minutesArchive
    }
}

/// SQL for agenda items and the votes on them.
public struct AgendaStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// A meeting's agenda, in order, with the titles of the cases.
    public func items(meetingId: Int64) async throws -> [AgendaItem] {
        try await db.writer.read { db in try Self.items(db, meetingId: meetingId) }
    }

    static func items(_ db: Database, meetingId: Int64) throws -> [AgendaItem] {
        try AgendaItem.fetchAll(db.cachedStatement(sql: """
            SELECT a.*, c.title AS case_title FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id
            WHERE a.meeting_id = ? ORDER BY a.position, a.id
            """), arguments: [meetingId])
    }

    /// Facts of the cases on an agenda, by case id, for the policy (redaction) and the quorum (recusals).
    public func caseFacts(meetingId: Int64) async throws -> [Int64: CaseFacts] {
        try await db.writer.read { db in try Self.caseFacts(db, meetingId: meetingId) }
    }

    static func caseFacts(_ db: Database, meetingId: Int64) throws -> [Int64: CaseFacts] {
        let cases = try Case.fetchAll(db.cachedStatement(sql: CaseStore.selectCase + """
             WHERE c.id IN (SELECT case_id FROM agenda_items WHERE meeting_id = ? AND case_id IS NOT NULL)
            """), arguments: [meetingId])
        var result: [Int64: CaseFacts] = [:]
        for found in cases { result[found.id] = try CaseStore.facts(db, found) }
        return result
    }

    /// Cases ready for a meeting's agenda: in review, on no planned or held meeting's undecided agenda, with no running
    /// written vote (SQL over the alias `c`).
    static let readyForAgenda = """
        c.status = 'in_review' AND NOT EXISTS (
            SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
            WHERE a.case_id = c.id AND a.decided_at IS NULL AND m.status IN ('planned', 'held'))
        AND NOT EXISTS (SELECT 1 FROM written_procedures w WHERE w.case_id = c.id AND w.status = 'open')
        """

    /// The add-a-case field's suggestions (issue 19): the first `limit` cases ready for an agenda, oldest first. Any
    /// ready case may be typed (`caseReady(typed:)`).
    public func casesReady(limit: Int = 100) async throws -> [(id: Int64, title: String)] {
        try await db.writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT c.id, c.title FROM cases c WHERE \(Self.readyForAgenda) ORDER BY c.id LIMIT ?"),
                             arguments: [limit]).map { (id: $0["id"], title: $0["title"]) }
        }
    }

    /// The case a typed value names for the agenda: a number names that case whatever its state (adding it then says
    /// why it cannot be, as `add` does), a title (any case) the one ready case that bears it.
    public func agendaCase(typed raw: String) async throws -> TypedMatch<Int64> {
        let typed = raw.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty, typed.count <= FieldLimits.title else { return .none }
        return try await db.writer.read { db in
            if let id = Int64(typed) {
                return TypedMatch(try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM cases WHERE id = ?"), arguments: [id]))
            }
            return TypedMatch(try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT c.id FROM cases c WHERE c.title = ? COLLATE NOCASE AND \(Self.readyForAgenda) LIMIT 2
                """), arguments: [typed]))
        }
    }

    /// Votes on a meeting's items, by item id.
    public func votes(meetingId: Int64) async throws -> [Int64: [Vote]] {
        try await db.writer.read { db in try Self.votes(db, meetingId: meetingId) }
    }

    static func votes(_ db: Database, meetingId: Int64) throws -> [Int64: [Vote]] {
        let votes = try Vote.fetchAll(db.cachedStatement(sql: """
            SELECT v.*, u.name FROM votes v JOIN users u ON u.id = v.user_id JOIN agenda_items a ON a.id = v.item_id
            WHERE a.meeting_id = ? ORDER BY u.name COLLATE NOCASE
            """), arguments: [meetingId])
        return Dictionary(grouping: votes, by: \.itemId)
    }

    static func requirePlanned(_ db: Database, _ meetingId: Int64) throws {
        let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM meetings WHERE id = ?"), arguments: [meetingId])
        guard status == MeetingStatus.planned.rawValue else { throw MeetingRefusal(key: "meeting_error_not_planned") }
    }

    private static func nextPosition(_ db: Database, _ meetingId: Int64) throws -> Int {
        (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(position) FROM agenda_items WHERE meeting_id = ?"), arguments: [meetingId]) ?? 0) + 1
    }

    /// Adds an item at the end of a planned meeting's agenda. A case must be in review.
    public func add(meetingId: Int64, kind: AgendaKind, caseId: Int64? = nil, minutesMeetingId: Int64? = nil, title: String = "",
                    note: String = "", noteHTML: String = "", by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.requirePlanned(db, meetingId)
            if let caseId {
                let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM cases WHERE id = ?"), arguments: [caseId])
                guard status == CaseStatus.inReview.rawValue else { throw MeetingRefusal(key: "agenda_error_case_not_ready") }
                // One way to decide at a time: a case in a running written procedure waits for its result (or an objection).
                let written = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM written_procedures WHERE case_id = ? AND status = 'open')"),
                                                arguments: [caseId]) ?? false
                guard !written else { throw MeetingRefusal(key: "agenda_error_written_running") }
                // Nor twice: a case waiting on a planned or held meeting's agenda (a number may be typed for any case).
                let scheduled = try Bool.fetchOne(db.cachedStatement(sql: """
                    SELECT EXISTS (SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                                   WHERE a.case_id = ? AND a.decided_at IS NULL AND m.status IN ('planned', 'held'))
                    """), arguments: [caseId]) ?? false
                guard !scheduled else { throw MeetingRefusal(key: "agenda_error_case_on_agenda") }
            }
            try db.execute(sql: """
                INSERT INTO agenda_items (meeting_id, position, kind, case_id, minutes_meeting_id, title, note, note_html)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [meetingId, try Self.nextPosition(db, meetingId), kind.rawValue, caseId, minutesMeetingId, title,
                                 note, noteHTML])
            try AuditStore.append(db, by: actor, action: "meeting.item_added", targetType: "meeting", targetId: String(meetingId),
                                  detail: "item=\(db.lastInsertedRowID) kind=\(kind.rawValue)" + (caseId.map { " case=\($0)" } ?? ""),
                                  at: clock.now)
        }
    }

    /// Swaps an item with the one before (`up`) or after it, while the meeting is planned.
    public func reorder(itemId: Int64, meetingId: Int64, up: Bool, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.requirePlanned(db, meetingId)
            guard let position = try Int.fetchOne(db.cachedStatement(sql: "SELECT position FROM agenda_items WHERE id = ? AND meeting_id = ?"),
                                                  arguments: [itemId, meetingId]) else { throw Refusal.notFound }
            let neighbour = try Row.fetchOne(db.cachedStatement(sql: up
                ? "SELECT id, position FROM agenda_items WHERE meeting_id = ? AND position < ? ORDER BY position DESC LIMIT 1"
                : "SELECT id, position FROM agenda_items WHERE meeting_id = ? AND position > ? ORDER BY position LIMIT 1"),
                arguments: [meetingId, position])
            guard let neighbour else { return }
            try db.execute(sql: "UPDATE agenda_items SET position = ? WHERE id = ?", arguments: [neighbour["position"] as Int, itemId])
            try db.execute(sql: "UPDATE agenda_items SET position = ? WHERE id = ?", arguments: [position, neighbour["id"] as Int64])
            try AuditStore.append(db, by: actor, action: "meeting.item_reordered", targetType: "meeting", targetId: String(meetingId),
                                  detail: "item=\(itemId) \(up ? "up" : "down")", at: clock.now)
        }
    }

    /// Moves an item to the end of another planned meeting's agenda.
    public func transfer(itemId: Int64, from meetingId: Int64, to targetId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.requirePlanned(db, meetingId)
            try Self.requirePlanned(db, targetId)
            try db.execute(sql: "UPDATE agenda_items SET meeting_id = ?, position = ? WHERE id = ? AND meeting_id = ?",
                           arguments: [targetId, try Self.nextPosition(db, targetId), itemId, meetingId])
            guard db.changesCount == 1 else { throw Refusal.notFound }
            try AuditStore.append(db, by: actor, action: "meeting.item_moved", targetType: "meeting", targetId: String(meetingId),
                                  detail: "item=\(itemId) to=\(targetId)", at: clock.now)
        }
    }

    /// Records the roll of votes and the result on an item, in one transaction with one audit entry.
    public func decide(itemId: Int64, meetingId: Int64, meetingDate: String, votes: [VoteEntry], decision: ItemDecision,
                       by actor: AuditActor) async throws {
        try await db.writer.write { db in
            // An item opened to the members' ballots is decided by closing its vote, not by a roll.
            let opened = try String.fetchOne(db.cachedStatement(sql: "SELECT vote_opened_at FROM agenda_items WHERE id = ?"), arguments: [itemId])
            guard opened == nil else { throw MeetingRefusal(key: "vote_error_ballots_open") }
            try Self.decide(db, itemId: itemId, meetingId: meetingId, meetingDate: meetingDate, votes: votes, decision: decision,
                            action: "meeting.item_decided", by: actor, now: clock.now)
        }
    }

    /// The one decision path, inside the caller's transaction (the roll, or a members' vote closing): the votes,
    /// the item's result and, for a case item, the case's decision (procedure "meeting", dated by the meeting);
    /// an adopted approval of earlier minutes approves and locks them. One audit entry, `action`.
    static func decide(_ db: Database, itemId: Int64, meetingId: Int64, meetingDate: String, votes: [VoteEntry], decision: ItemDecision,
                       action: String, by actor: AuditActor, now: Date) throws {
        let at = Timestamp.string(now)
        let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM meetings WHERE id = ?"), arguments: [meetingId])
        guard status == MeetingStatus.held.rawValue else { throw MeetingRefusal(key: "meeting_error_not_held") }
        guard let item = try AgendaItem.fetchOne(db.cachedStatement(sql: """
            SELECT a.*, NULL AS case_title FROM agenda_items a WHERE a.id = ? AND a.meeting_id = ?
            """), arguments: [itemId, meetingId]) else { throw Refusal.notFound }
        guard item.decidedAt == nil else { throw MeetingRefusal(key: "vote_error_already") }
        do {
            for vote in votes {
                try db.execute(sql: """
                    INSERT INTO votes (item_id, user_id, choice, dissent, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [itemId, vote.userId, vote.choice.rawValue, vote.dissent, vote.recordedBy ?? actor.id, at])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw MeetingRefusal(key: "vote_error_already")
        }
        try db.execute(sql: "UPDATE agenda_items SET outcome = ?, decision = ?, decision_html = ?, decided_at = ? WHERE id = ?",
                       arguments: [decision.outcome.rawValue, decision.text, decision.html, at, itemId])
        if let caseId = item.caseId, let outcome = DecisionOutcome(rawValue: decision.outcome.rawValue) {
            do {
                try CaseDecisionStore.decide(db, caseId: caseId, outcome: outcome, opinion: decision.text, opinionHTML: decision.html,
                                             charterVersion: decision.charterVersion, articles: decision.articles,
                                             procedure: "meeting", meetingOn: meetingDate, conditions: decision.conditions,
                                             by: actor, now: now, audit: false, meetingId: meetingId)
            } catch let refusal as CaseLifecycle.Refusal {
                // The AI Act rule names its article; any other refusal means the case moved meanwhile.
                throw MeetingRefusal(key: refusal.key.hasPrefix("aiact_refusal") ? refusal.key : "agenda_error_case_not_ready")
            }
        }
        if let earlier = item.minutesMeetingId, decision.outcome == .adopted {
            try MinutesStore.approve(db, meetingId: earlier, approverId: actor.id, inMeeting: meetingId, archive: decision.minutesArchive, now: now)
        }
        let tally = VoteChoice.allCases.map { choice in "\(choice.rawValue)=\(votes.filter { $0.choice == choice }.count)" }
        try AuditStore.append(db, by: actor, action: action, targetType: "meeting", targetId: String(meetingId),
                              detail: "item=\(itemId) outcome=\(decision.outcome.rawValue)" + (item.caseId.map { " case=\($0)" } ?? "")
                                  + " " + tally.joined(separator: " "), at: now)
    }
}
