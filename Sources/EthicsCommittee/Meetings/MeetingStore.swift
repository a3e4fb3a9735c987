import Foundation
import GRDB

/// What the meeting form holds.
public struct MeetingDraft: Sendable, Equatable {
    public var title: String
    /// UTC ISO 8601 timestamp.
    public var startsAt: String
    public var duration: Int
    public var place: String
    public var videoURL: String
    public var invitees: [Int64]

    /// Spelled out so that the demo target may build one (a memberwise init is internal).
    package init(title: String, startsAt: String, duration: Int, place: String, videoURL: String, invitees: [Int64]) {
        self.title = title; self.startsAt = startsAt; self.duration = duration; self.place = place; self.videoURL = videoURL
        self.invitees = invitees
    }
}

/// A refused change to a meeting; the key names the message shown.
public struct MeetingRefusal: Error, Equatable, Sendable {
    public let key: String
}

/// SQL for meetings, their invited members and attendance. Each write is audited in its transaction.
public struct MeetingStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// The meeting with this id and who is invited (callers ask the policy with the facts).
    public func find(id: Int64) async throws -> (Meeting, MeetingFacts)? {
        try await db.writer.read { db in try Self.find(db, id: id) }
    }

    static func find(_ db: Database, id: Int64) throws -> (Meeting, MeetingFacts)? {
        guard let meeting = try Meeting.fetchOne(db.cachedStatement(sql: "SELECT * FROM meetings WHERE id = ?"), arguments: [id]) else { return nil }
        return (meeting, MeetingFacts(invitees: Set(try inviteeIds(db, meetingId: id))))
    }

    /// Who is invited to a meeting (nobody for an unknown meeting).
    static func inviteeIds(_ db: Database, meetingId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT user_id FROM meeting_invitees WHERE meeting_id = ?"), arguments: [meetingId])
    }

    /// The title of a meeting.
    static func title(_ db: Database, meetingId: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT title FROM meetings WHERE id = ?"), arguments: [meetingId])
    }

    /// `Policy.decideMeeting(.viewMeeting)` in SQL over the meeting whose id is the column `meetingId`: every meeting
    /// for the staff and members, those an expert is invited to, none for a project owner. The one SQL copy of the
    /// rule (the meetings lists, the notifications); `SQLRuleAgreementTests` and `MeetingVisibilityTests` check it
    /// agrees with the policy.
    static func visibility(_ actor: Requester, meetingId: String = "m.id") -> (String, StatementArguments) {
        switch actor.role {
        case .admin, .secretary, .member: return ("1", [])
        case .expert:
            return ("EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = \(meetingId) AND i.user_id = ?)", [actor.userId])
        case .submitter: return ("0", [])
        }
    }

    /// The meetings a person may open, latest first: all of them, for an expert those they are invited to, for a
    /// project owner none.
    public func list(for actor: Requester, limit: Int? = nil) async throws -> [Meeting] {
        let (visible, visibleArguments) = Self.visibility(actor)
        var arguments = visibleArguments
        arguments += [limit ?? -1]
        let bound = arguments
        return try await db.writer.read { db in
            try Meeting.fetchAll(db.cachedStatement(sql: "SELECT m.* FROM meetings m WHERE \(visible) ORDER BY m.starts_at DESC LIMIT ?"),
                                 arguments: bound)
        }
    }

    /// Planned meetings other than `except`, soonest first (targets for moving an agenda item).
    public func planned(except: Int64) async throws -> [Meeting] {
        try await db.writer.read { db in
            try Meeting.fetchAll(db.cachedStatement(sql: "SELECT * FROM meetings WHERE status = 'planned' AND id <> ? ORDER BY starts_at"),
                                 arguments: [except])
        }
    }

    /// The committee's voting members: active members and experts whose seat carries a vote.
    public func votingMembers() async throws -> [Invitee] {
        try await db.writer.read { db in try Self.votingMembers(db) }
    }

    static func votingMembers(_ db: Database) throws -> [Invitee] {
        try Invitee.fetchAll(db.cachedStatement(sql: """
            SELECT u.id AS user_id, u.name, u.role, p.external, p.voting, p.position, p.title_form, NULL AS attendance
            FROM users u LEFT JOIN member_profiles p ON p.user_id = u.id
            WHERE u.active = 1 AND u.role IN ('member', 'expert') AND coalesce(p.voting, 1) = 1
            ORDER BY u.name COLLATE NOCASE
            """))
    }

    /// Every active member and expert (who may be invited).
    public func committee() async throws -> [Invitee] {
        try await db.writer.read { db in
            try Invitee.fetchAll(db.cachedStatement(sql: """
                SELECT u.id AS user_id, u.name, u.role, p.external, p.voting, p.position, p.title_form, NULL AS attendance
                FROM users u LEFT JOIN member_profiles p ON p.user_id = u.id
                WHERE u.active = 1 AND u.role IN ('member', 'expert') ORDER BY u.name COLLATE NOCASE
                """))
        }
    }

    /// Invited members with their seat and attendance, by name.
    public func invitees(meetingId: Int64) async throws -> [Invitee] {
        try await db.writer.read { db in try Self.invitees(db, meetingId: meetingId) }
    }

    static func invitees(_ db: Database, meetingId: Int64) throws -> [Invitee] {
        try Invitee.fetchAll(db.cachedStatement(sql: """
            SELECT i.user_id, i.attendance, i.rsvp, u.name, u.role, p.external, p.voting, p.position, p.title_form
            FROM meeting_invitees i JOIN users u ON u.id = i.user_id LEFT JOIN member_profiles p ON p.user_id = u.id
            WHERE i.meeting_id = ? ORDER BY u.name COLLATE NOCASE
            """), arguments: [meetingId])
    }

    /// The chair's account id, if the position is held.
    public func chairId() async throws -> Int64? {
        try await db.writer.read { db in try MemberStore.chairId(db) }
    }

    /// Plans a meeting with its invited members. Returns its id.
    public func create(_ draft: MeetingDraft, by actor: AuditActor) async throws -> Int64 {
        try await db.writer.write { db in
            try db.execute(sql: """
                INSERT INTO meetings (title, starts_at, duration, place, video_url, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [draft.title, draft.startsAt, draft.duration, draft.place, draft.videoURL, actor.id,
                                 Timestamp.string(clock.now)])
            let id = db.lastInsertedRowID
            for user in Set(draft.invitees) {
                try db.execute(sql: "INSERT INTO meeting_invitees (meeting_id, user_id) VALUES (?, ?)", arguments: [id, user])
            }
            try AuditStore.append(db, by: actor, action: "meeting.created", targetType: "meeting", targetId: String(id),
                                  detail: "starts_at=\(draft.startsAt) invitees=\(draft.invitees.count)", at: clock.now)
            try Notifier.meetingEvent(db, .meetingPlanned, meetingId: id, by: actor.id, now: clock.now)
            return id
        }
    }

    /// Records attendance of the invited members (while the meeting is held).
    public func recordAttendance(meetingId: Int64, _ attendance: [Int64: Attendance], by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM meetings WHERE id = ?"), arguments: [meetingId])
            guard status == MeetingStatus.held.rawValue else { throw MeetingRefusal(key: "meeting_error_not_held") }
            for (user, value) in attendance {
                try db.execute(sql: "UPDATE meeting_invitees SET attendance = ? WHERE meeting_id = ? AND user_id = ?",
                               arguments: [value.rawValue, meetingId, user])
            }
            let summary = Attendance.allCases.map { kind in "\(kind.rawValue)=\(attendance.values.filter { $0 == kind }.count)" }
            try AuditStore.append(db, by: actor, action: "meeting.attendance_recorded", targetType: "meeting",
                                  targetId: String(meetingId), detail: summary.joined(separator: " "), at: clock.now)
        }
    }

    /// Planned → held: the meeting takes place; attendance and votes can be recorded. Answers to the invitation
    /// end here, and prefill attendance: attending → present, excused → excused (the secretary corrects the rest).
    public func hold(meetingId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: """
                UPDATE meeting_invitees SET attendance = CASE rsvp WHEN 'attending' THEN 'present' ELSE 'excused' END
                WHERE meeting_id = ? AND attendance IS NULL AND rsvp IN ('attending', 'excused')
                  AND (SELECT status FROM meetings WHERE id = ?) = 'planned'
                """, arguments: [meetingId, meetingId])
            try db.execute(sql: "UPDATE meetings SET status = 'held' WHERE id = ? AND status = 'planned'", arguments: [meetingId])
            guard db.changesCount == 1 else { throw MeetingRefusal(key: "meeting_error_not_planned") }
            try AuditStore.append(db, by: actor, action: "meeting.held", targetType: "meeting", targetId: String(meetingId),
                                  detail: "planned->held", at: clock.now)
        }
    }

    /// Open conditions of decided cases that are past due: proposed for the next agenda. The longest overdue first, at
    /// most `limit` (the page links to the case list for the rest), with how many there are in all.
    public func overdueConditions(today: String, limit: Int = 20) async throws -> (rows: [OverdueCondition], total: Int) {
        try await db.writer.read { db in
            let rows = try OverdueCondition.fetchAll(db.cachedStatement(sql: """
                SELECT k.case_id, k.text, k.due_on, c.title, c.confidential FROM case_conditions k JOIN cases c ON c.id = k.case_id
                WHERE k.status = 'open' AND k.due_on < ? ORDER BY k.due_on, k.id LIMIT ?
                """), arguments: [today, limit])
            let total = rows.count < limit ? rows.count
                : try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM case_conditions WHERE status = 'open' AND due_on < ?"), arguments: [today]) ?? 0
            return (rows, total)
        }
    }
}
