import Foundation
import GRDB

/// The lifecycle of a planned meeting: changing, cancelling, closing once held, and the invitees' answers.
/// Each write checks the status in its statement (a race answers a refusal), raises the calendar sequence
/// when the invitation changes, tells the invitees and appends its audit entry in the same transaction.
extension MeetingStore {
    public static let listPageSize = 25

    /// Upcoming (planned, not yet started) or past meetings a person may open, a page at a time (`page` from 1,
    /// clamped to the pages that exist): upcoming soonest first, the rest latest first. An expert sees only the
    /// meetings they are invited to, a project owner none.
    public func list(for actor: Requester, upcoming: Bool, now: String, page: Int) async throws -> ListPage<Meeting> {
        let size = Self.listPageSize
        let (visible, visibleArguments) = Self.visibility(actor)
        return try await db.writer.read { db in
            let half = upcoming ? "m.status = 'planned' AND m.starts_at >= ?" : "NOT (m.status = 'planned' AND m.starts_at >= ?)"
            let order = upcoming ? "m.starts_at, m.id" : "m.starts_at DESC, m.id DESC"
            var arguments = visibleArguments
            arguments += [now]
            let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM meetings m WHERE \(visible) AND \(half)"), arguments: arguments) ?? 0
            let (number, offset) = ListPage<Meeting>.clamp(requested: page, total: total, size: size)
            arguments += [size, offset]
            let rows = try Meeting.fetchAll(db.cachedStatement(sql: "SELECT m.* FROM meetings m WHERE \(visible) AND \(half) ORDER BY \(order) LIMIT ? OFFSET ?"),
                                            arguments: arguments)
            return ListPage(rows: rows, total: total, number: number, size: size)
        }
    }

    /// Changes a planned meeting: its details and invitees (an invitee kept keeps their answer). A new date
    /// is a rescheduling. The sequence rises and the invitees are told.
    public func update(meetingId: Int64, _ draft: MeetingDraft, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            guard let before = try Meeting.fetchOne(db.cachedStatement(sql: "SELECT * FROM meetings WHERE id = ?"), arguments: [meetingId]) else {
                throw Refusal.notFound
            }
            try db.execute(sql: """
                UPDATE meetings SET title = ?, starts_at = ?, duration = ?, place = ?, video_url = ?, sequence = sequence + 1
                WHERE id = ? AND status = 'planned'
                """, arguments: [draft.title, draft.startsAt, draft.duration, draft.place, draft.videoURL, meetingId])
            guard db.changesCount == 1 else { throw MeetingRefusal(key: "meeting_error_not_planned") }
            let invited = Set(draft.invitees)
            let current = Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT user_id FROM meeting_invitees WHERE meeting_id = ?"), arguments: [meetingId]))
            for user in current.subtracting(invited) {
                try db.execute(sql: "DELETE FROM meeting_invitees WHERE meeting_id = ? AND user_id = ?", arguments: [meetingId, user])
            }
            for user in invited.subtracting(current) {
                try db.execute(sql: "INSERT INTO meeting_invitees (meeting_id, user_id) VALUES (?, ?)", arguments: [meetingId, user])
            }
            var changed: [String] = []
            if before.title != draft.title { changed.append("title") }
            if before.startsAt != draft.startsAt { changed.append("starts_at=\(draft.startsAt)") }
            if before.duration != draft.duration { changed.append("duration") }
            if before.place != draft.place { changed.append("place") }
            if before.videoURL != draft.videoURL { changed.append("video_url") }
            if invited != current { changed.append("invitees=+\(invited.subtracting(current).count)-\(current.subtracting(invited).count)") }
            let action = before.startsAt != draft.startsAt ? "meeting.rescheduled" : "meeting.changed"
            try AuditStore.append(db, by: actor, action: action, targetType: "meeting", targetId: String(meetingId),
                                  detail: "sequence=\(before.sequence + 1) " + changed.joined(separator: " "), at: clock.now)
            try Notifier.meetingEvent(db, .meetingChanged, meetingId: meetingId, by: actor.id, now: clock.now)
        }
    }

    /// Cancels a planned meeting with a reason. It keeps its page; its undecided case items are to be scheduled
    /// again (`AgendaStore.casesReady`); the invitees are told and their calendar file becomes a cancellation.
    public func cancel(meetingId: Int64, reason: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: """
                UPDATE meetings SET status = 'cancelled', cancel_reason = ?, sequence = sequence + 1 WHERE id = ? AND status = 'planned'
                """, arguments: [reason, meetingId])
            guard db.changesCount == 1 else { throw MeetingRefusal(key: "meeting_error_not_planned") }
            let items = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM agenda_items WHERE meeting_id = ? AND case_id IS NOT NULL"),
                                         arguments: [meetingId]) ?? 0
            try AuditStore.append(db, by: actor, action: "meeting.cancelled", targetType: "meeting", targetId: String(meetingId),
                                  detail: "case_items=\(items) reason_chars=\(reason.count)", at: clock.now)
            try Notifier.meetingEvent(db, .meetingCancelled, meetingId: meetingId, by: actor.id, now: clock.now)
        }
    }

    /// Held → closed, after the last item: from now on only the minutes change, until approved (triggers in
    /// `0014_meeting_lifecycle.sql`). An item left undecided goes back to be scheduled.
    public func close(meetingId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let open = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM agenda_items WHERE meeting_id = ? AND decided_at IS NULL"),
                                        arguments: [meetingId]) ?? 0
            // A vote open to the members' ballots is closed (its result recorded) before the meeting closes.
            let voting = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM agenda_items WHERE meeting_id = ? AND vote_opened_at IS NOT NULL AND decided_at IS NULL"),
                                          arguments: [meetingId]) ?? 0
            guard voting == 0 else { throw MeetingRefusal(key: "meeting_error_vote_open") }
            try db.execute(sql: "UPDATE meetings SET status = 'closed' WHERE id = ? AND status = 'held'", arguments: [meetingId])
            guard db.changesCount == 1 else { throw MeetingRefusal(key: "meeting_error_not_held") }
            try AuditStore.append(db, by: actor, action: "meeting.closed", targetType: "meeting", targetId: String(meetingId),
                                  detail: "held->closed undecided=\(open)", at: clock.now)
        }
    }

    /// An invitee answers the invitation, or changes the answer, while the meeting is planned.
    public func answer(meetingId: Int64, userId: Int64, _ rsvp: RSVP, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: """
                UPDATE meeting_invitees SET rsvp = ?, rsvp_at = ? WHERE meeting_id = ? AND user_id = ?
                  AND (SELECT status FROM meetings WHERE id = ?) = 'planned'
                """, arguments: [rsvp.rawValue, Timestamp.string(clock.now), meetingId, userId, meetingId])
            guard db.changesCount == 1 else { throw MeetingRefusal(key: "rsvp_error_closed") }
            try AuditStore.append(db, by: actor, action: "meeting.rsvp", targetType: "meeting", targetId: String(meetingId),
                                  detail: "answer=\(rsvp.rawValue)", at: clock.now)
        }
    }

    /// Invitees whose active declared interests name the organisation behind a case on the agenda (its team or
    /// vendor, compared without case): by case id. A conflict the forecast counts, not yet a recusal.
    public func interestConflicts(meetingId: Int64) async throws -> [Int64: Set<Int64>] {
        try await db.writer.read { db in try Self.interestConflicts(db, meetingId: meetingId) }
    }

    static func interestConflicts(_ db: Database, meetingId: Int64) throws -> [Int64: Set<Int64>] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT a.case_id, i.user_id FROM agenda_items a JOIN cases c ON c.id = a.case_id
            JOIN meeting_invitees i ON i.meeting_id = a.meeting_id
            JOIN declared_interests d ON d.user_id = i.user_id AND d.withdrawn_at IS NULL
            WHERE a.meeting_id = ? AND a.decided_at IS NULL
              AND (lower(trim(d.organisation)) = lower(trim(c.team))
                   OR (c.vendor <> '' AND lower(trim(d.organisation)) = lower(trim(c.vendor))))
            """), arguments: [meetingId])
        var result: [Int64: Set<Int64>] = [:]
        for row in rows { result[row["case_id"], default: []].insert(row["user_id"]) }
        return result
    }
}
