import Foundation
import GRDB

/// SQL for members voting themselves: opening an item's vote, ballots cast or recorded by the secretary, and
/// closing the vote through the agenda's one decision path. Each write is audited in its transaction.
public struct BallotStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// Ballots on a meeting's items, by item id, by name.
    public func ballots(meetingId: Int64) async throws -> [Int64: [Ballot]] {
        try await db.writer.read { db in
            let ballots = try Ballot.fetchAll(db.cachedStatement(sql: """
                SELECT b.*, u.name FROM ballots b JOIN users u ON u.id = b.user_id JOIN agenda_items a ON a.id = b.item_id
                WHERE a.meeting_id = ? ORDER BY u.name COLLATE NOCASE
                """), arguments: [meetingId])
            return Dictionary(grouping: ballots, by: \.itemId)
        }
    }

    /// Opens an undecided item of a held meeting to the members' ballots.
    public func openVote(itemId: Int64, meetingId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let now = clock.now
            let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM meetings WHERE id = ?"), arguments: [meetingId])
            guard status == MeetingStatus.held.rawValue else { throw MeetingRefusal(key: "meeting_error_not_held") }
            try db.execute(sql: """
                UPDATE agenda_items SET vote_opened_at = ?, vote_opened_by = ?
                WHERE id = ? AND meeting_id = ? AND vote_opened_at IS NULL AND decided_at IS NULL
                """, arguments: [Timestamp.string(now), actor.id, itemId, meetingId])
            guard db.changesCount == 1 else { throw MeetingRefusal(key: "vote_error_open_already") }
            try AuditStore.append(db, by: actor, action: "meeting.vote_opened", targetType: "meeting", targetId: String(meetingId),
                                  detail: "item=\(itemId)", at: now)
        }
    }

    /// One person's ballot on an item as the policy needs it, from the rows as they stand in this transaction.
    static func facts(_ db: Database, itemId: Int64, meetingId: Int64, userId: Int64) throws -> BallotFacts {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT m.status, a.vote_opened_at, a.decided_at, a.case_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
            WHERE a.id = ? AND a.meeting_id = ?
            """), arguments: [itemId, meetingId]) else { throw Refusal.notFound }
        let attendance = try Row.fetchOne(db.cachedStatement(sql: "SELECT attendance FROM meeting_invitees WHERE meeting_id = ? AND user_id = ?"),
                                          arguments: [meetingId, userId])
        // The same seats as `MeetingStore.votingMembers`.
        let voting = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM users u LEFT JOIN member_profiles p ON p.user_id = u.id
            WHERE u.id = ? AND u.active = 1 AND u.role IN ('member', 'expert') AND coalesce(p.voting, 1) = 1
            """), arguments: [userId]) ?? false
        let caseId: Int64? = row["case_id"]
        let recused = try caseId.map { caseId in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM case_reviewers WHERE case_id = ? AND user_id = ? AND recused_at IS NOT NULL"),
                              arguments: [caseId, userId]) ?? false
        } ?? false
        return BallotFacts(
            vote: ItemVoteFacts(meetingHeld: (row["status"] as String) == MeetingStatus.held.rawValue,
                                opened: (row["vote_opened_at"] as String?) != nil, decided: (row["decided_at"] as String?) != nil),
            invited: attendance != nil, present: (attendance?["attendance"] as String?) == Attendance.present.rawValue,
            voting: voting, recused: recused)
    }

    /// Casts or changes `voterId`'s ballot: by the voter on their own device, or by the secretary from a show of
    /// hands (`actor` is then the secretary). The rule is the policy's (`Policy.ballotRefusal`), asked again here
    /// from the rows; the table's triggers refuse a ballot on a vote that is not open, its key a second ballot.
    /// The audit entry says a ballot was cast, not how: the choice stays out of the trail until the vote closes.
    public func cast(itemId: Int64, meetingId: Int64, voterId: Int64, choice: VoteChoice, dissent: String,
                     by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let now = clock.now
            let facts = try Self.facts(db, itemId: itemId, meetingId: meetingId, userId: voterId)
            if let refusal = Policy.ballotRefusal(facts) { throw MeetingRefusal(key: refusal) }
            let replaced = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM ballots WHERE item_id = ? AND user_id = ?"),
                                             arguments: [itemId, voterId]) ?? false
            do {
                try db.execute(sql: """
                    INSERT INTO ballots (item_id, user_id, choice, dissent, cast_by, cast_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (item_id, user_id) DO UPDATE SET choice = excluded.choice, dissent = excluded.dissent,
                        cast_by = excluded.cast_by, cast_at = excluded.cast_at
                    """, arguments: [itemId, voterId, choice.rawValue, dissent, actor.id, Timestamp.string(now)])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw MeetingRefusal(key: "ballot_error_closed")
            }
            let bySecretary = actor.id != voterId
            try AuditStore.append(db, by: actor, action: bySecretary ? "meeting.ballot_recorded" : "meeting.ballot_cast",
                                  targetType: "meeting", targetId: String(meetingId),
                                  detail: "item=\(itemId)" + (bySecretary ? " member=\(voterId)" : "") + (replaced ? " changed" : ""), at: now)
        }
    }

    /// Closes an open vote: the ballots of those entitled to vote now (present, voting seat, not recused) become
    /// the item's votes, the majority rule turns the proposal into the result (`ItemOutcome.result`), and the
    /// agenda's decision path records it (`AgendaStore.decide`), all in one transaction. Two closings at once:
    /// the second finds the item decided and is refused. Returns the outcome.
    public func close(itemId: Int64, meetingId: Int64, meetingDate: String, proposal: ItemDecision,
                      by actor: AuditActor) async throws -> ItemOutcome {
        try await db.writer.write { db in
            guard let item = try Row.fetchOne(db.cachedStatement(sql: "SELECT vote_opened_at, decided_at, kind FROM agenda_items WHERE id = ? AND meeting_id = ?"),
                                              arguments: [itemId, meetingId]) else { throw Refusal.notFound }
            guard (item["decided_at"] as String?) == nil else { throw MeetingRefusal(key: "vote_error_already") }
            guard (item["vote_opened_at"] as String?) != nil else { throw MeetingRefusal(key: "vote_error_not_open") }
            let counted = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT b.user_id, b.choice, b.dissent, b.cast_by FROM ballots b
                JOIN meeting_invitees i ON i.meeting_id = ? AND i.user_id = b.user_id AND i.attendance = 'present'
                JOIN users u ON u.id = b.user_id AND u.active = 1 AND u.role IN ('member', 'expert')
                LEFT JOIN member_profiles p ON p.user_id = b.user_id
                WHERE b.item_id = ? AND coalesce(p.voting, 1) = 1 AND NOT EXISTS (
                    SELECT 1 FROM agenda_items a JOIN case_reviewers r ON r.case_id = a.case_id
                    WHERE a.id = b.item_id AND r.user_id = b.user_id AND r.recused_at IS NOT NULL)
                """), arguments: [meetingId, itemId]).map { row in
                VoteEntry(userId: row["user_id"], choice: VoteChoice(rawValue: row["choice"]) ?? .abstain, dissent: row["dissent"],
                          recordedBy: row["cast_by"])
            }
            guard !counted.isEmpty else { throw MeetingRefusal(key: "vote_error_no_ballots") }
            var decision = proposal
            decision.outcome = ItemOutcome.result(proposed: proposal.outcome, votes: counted, isCase: (item["kind"] as String) == AgendaKind.case.rawValue)
            if decision.outcome != .conditions { decision.conditions = [] }
            try AgendaStore.decide(db, itemId: itemId, meetingId: meetingId, meetingDate: meetingDate, votes: counted, decision: decision,
                                   action: "meeting.vote_closed", by: actor, now: clock.now)
            return decision.outcome
        }
    }
}

extension AgendaStore {
    /// The ballots of the same database (votes open to the members).
    var ballots: BallotStore { BallotStore(db: db, clock: clock) }
}

/// An item whose vote is open to a member who may vote on it now: a line of their home page.
public struct OpenBallot: Sendable, Equatable, FetchableRecord {
    public var meetingId: Int64
    public var meetingTitle: String
    /// The item's number on the agenda (1, 2, …), as the meeting page shows it.
    public var number: Int
    public var voted: Bool
    public var openedAt: String

    public init(row: Row) {
        meetingId = row["meeting_id"]; meetingTitle = row["title"]; number = row["number"]; voted = row["voted"]
        openedAt = row["vote_opened_at"]
    }
}

extension HomeStore {
    /// Votes open now that this person may cast a ballot on (the rule of `Policy.ballotRefusal`: present at a held
    /// meeting, a voting seat, not recused), with whether they already voted; bounded.
    public func openBallots(userId: Int64, limit: Int = HomeStore.fetched) async throws -> [OpenBallot] {
        try await db.writer.read { db in try Self.openBallots(db, userId: userId, limit: limit) }
    }

    static func openBallots(_ db: Database, userId: Int64, limit: Int) throws -> [OpenBallot] {
        try OpenBallot.fetchAll(db.cachedStatement(sql: """
            SELECT m.id AS meeting_id, m.title, a.vote_opened_at,
                   (SELECT count(*) FROM agenda_items x WHERE x.meeting_id = a.meeting_id
                      AND (x.position < a.position OR (x.position = a.position AND x.id <= a.id))) AS number,
                   EXISTS (SELECT 1 FROM ballots b WHERE b.item_id = a.id AND b.user_id = ?1) AS voted
            FROM agenda_items a
            JOIN meetings m ON m.id = a.meeting_id AND m.status = 'held'
            JOIN meeting_invitees i ON i.meeting_id = m.id AND i.user_id = ?1 AND i.attendance = 'present'
            JOIN users u ON u.id = ?1 AND u.active = 1 AND u.role IN ('member', 'expert')
            LEFT JOIN member_profiles p ON p.user_id = u.id
            WHERE a.vote_opened_at IS NOT NULL AND a.decided_at IS NULL AND coalesce(p.voting, 1) = 1
              AND NOT EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = a.case_id AND r.user_id = ?1 AND r.recused_at IS NOT NULL)
            ORDER BY a.vote_opened_at, a.id LIMIT ?2
            """), arguments: [userId, limit])
    }
}
