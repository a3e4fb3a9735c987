import Foundation
import GRDB

/// SQL for minutes: the secretary's draft, then the chair's approval, which locks them (a trigger
/// refuses any later change) and closes the meeting.
public struct MinutesStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// The minutes of a meeting, if written, with who approved them.
    public func minutes(meetingId: Int64) async throws -> Minutes? {
        try await db.writer.read { db in try Self.minutes(db, meetingId: meetingId) }
    }

    static func minutes(_ db: Database, meetingId: Int64) throws -> Minutes? {
        try Minutes.fetchOne(db.cachedStatement(sql: """
            SELECT m.*, u.name AS approved_by_name, w.name AS written_by_name, a.sha256 AS fingerprint FROM meeting_minutes m
            LEFT JOIN users u ON u.id = m.approved_by LEFT JOIN users w ON w.id = m.updated_by
            LEFT JOIN meeting_minutes_archives a ON a.meeting_id = m.meeting_id
            WHERE m.meeting_id = ?
            """), arguments: [meetingId])
    }

    /// Meetings whose minutes are still drafts, for an "approval of earlier minutes" agenda item.
    public func draftsAwaitingApproval() async throws -> [Meeting] {
        try await db.writer.read { db in
            try Meeting.fetchAll(db.cachedStatement(sql: """
                SELECT m.* FROM meetings m JOIN meeting_minutes n ON n.meeting_id = m.id WHERE n.status = 'draft' ORDER BY m.starts_at
                """))
        }
    }

    /// The parts of the minutes, in order, each tied to the agenda item its heading numbers (or none).
    public func parts(meetingId: Int64) async throws -> [(itemId: Int64?, html: String)] {
        try await db.writer.read { db in try Self.parts(db, meetingId: meetingId) }
    }

    static func parts(_ db: Database, meetingId: Int64) throws -> [(itemId: Int64?, html: String)] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT item_id, html FROM meeting_minutes_parts WHERE meeting_id = ? ORDER BY ordinal"),
                         arguments: [meetingId]).map { (itemId: $0["item_id"], html: $0["html"]) }
    }

    /// The conditions of the cases on a meeting's agenda, by case, for the resolutions of the minutes.
    public func conditions(meetingId: Int64) async throws -> [Int64: [CaseCondition]] {
        try await db.writer.read { db in try Self.conditions(db, meetingId: meetingId) }
    }

    static func conditions(_ db: Database, meetingId: Int64) throws -> [Int64: [CaseCondition]] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT k.*, u.name FROM case_conditions k JOIN users u ON u.id = k.owner_id
            WHERE k.case_id IN (SELECT case_id FROM agenda_items WHERE meeting_id = ? AND case_id IS NOT NULL) ORDER BY k.id
            """), arguments: [meetingId])
        return Dictionary(grouping: rows, by: { $0["case_id"] as Int64 }).mapValues { $0.map(CaseCondition.init(row:)) }
    }

    /// Saves the draft and its parts (held meetings only); approved minutes are refused.
    public func save(meetingId: Int64, markdown: String, html: String, parts: [(itemId: Int64?, html: String)],
                     by actor: AuditActor) async throws {
        try await db.writer.write { db in
            // Minutes are written once the meeting is held, and still after it is closed, until approved.
            let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM meetings WHERE id = ?"), arguments: [meetingId])
            guard status == MeetingStatus.held.rawValue || status == MeetingStatus.closed.rawValue else {
                throw MeetingRefusal(key: "minutes_error_locked")
            }
            let at = Timestamp.string(clock.now)
            let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM meeting_minutes WHERE meeting_id = ?"), arguments: [meetingId])
            if existing == "approved" { throw MeetingRefusal(key: "minutes_error_locked") }
            if existing == nil {
                try db.execute(sql: """
                    INSERT INTO meeting_minutes (meeting_id, markdown, html, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [meetingId, markdown, html, actor.id, at])
            } else {
                try db.execute(sql: "UPDATE meeting_minutes SET markdown = ?, html = ?, updated_by = ?, updated_at = ? WHERE meeting_id = ?",
                               arguments: [markdown, html, actor.id, at, meetingId])
            }
            try db.execute(sql: "DELETE FROM meeting_minutes_parts WHERE meeting_id = ?", arguments: [meetingId])
            for (ordinal, part) in parts.enumerated() {
                try db.execute(sql: "INSERT INTO meeting_minutes_parts (meeting_id, ordinal, item_id, html) VALUES (?, ?, ?, ?)",
                               arguments: [meetingId, ordinal, part.itemId, part.html])
            }
            try AuditStore.append(db, by: actor, action: "meeting.minutes_saved", targetType: "meeting", targetId: String(meetingId),
                                  detail: "bytes=\(markdown.utf8.count)", at: clock.now)
            try Notifier.minutesToApprove(db, meetingId: meetingId, by: actor.id, now: clock.now)
        }
    }

    /// The chair approves the draft at `at` (the time the archive prints): locked from now on, the printed
    /// minutes archived with their fingerprint, and the meeting closed.
    public func approve(meetingId: Int64, archive: MinutesArchive?, at: Date, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.approve(db, meetingId: meetingId, approverId: actor.id, inMeeting: nil, archive: archive, now: at)
            try AuditStore.append(db, by: actor, action: "meeting.minutes_approved", targetType: "meeting",
                                  targetId: String(meetingId), detail: "by=chair" + (archive.map { " sha256=\($0.sha256)" } ?? ""), at: at)
        }
    }

    /// Approval inside the caller's transaction (by the chair, or by a vote at a later meeting).
    static func approve(_ db: Database, meetingId: Int64, approverId: Int64?, inMeeting: Int64?, archive: MinutesArchive? = nil,
                        now: Date) throws {
        try db.execute(sql: """
            UPDATE meeting_minutes SET status = 'approved', approved_by = ?, approved_at = ?, approved_in_meeting = ?
            WHERE meeting_id = ? AND status = 'draft'
            """, arguments: [approverId, Timestamp.string(now), inMeeting, meetingId])
        guard db.changesCount == 1 else { throw MeetingRefusal(key: "minutes_error_no_draft") }
        try db.execute(sql: "UPDATE meetings SET status = 'closed' WHERE id = ? AND status = 'held'", arguments: [meetingId])
        if let archive {
            try db.execute(sql: "INSERT INTO meeting_minutes_archives (meeting_id, html, sha256, archived_at) VALUES (?, ?, ?, ?)",
                           arguments: [meetingId, archive.html, archive.sha256, Timestamp.string(now)])
        }
    }

    /// The chair sends the draft back with comments: it stays a draft, and the secretary reads why on its page.
    public func sendBack(meetingId: Int64, comment: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM meeting_minutes WHERE meeting_id = ?"), arguments: [meetingId])
            guard status == "draft" else { throw MeetingRefusal(key: "minutes_error_no_draft") }
            try db.execute(sql: "INSERT INTO meeting_minutes_returns (meeting_id, comment, returned_by, returned_at) VALUES (?, ?, ?, ?)",
                           arguments: [meetingId, comment, actor.id, Timestamp.string(clock.now)])
            try AuditStore.append(db, by: actor, action: "meeting.minutes_returned", targetType: "meeting", targetId: String(meetingId),
                                  detail: "chars=\(comment.count)", at: clock.now)
        }
    }

    /// The latest time the chair sent the draft back, if it came after the draft was last saved.
    public func pendingReturn(meetingId: Int64) async throws -> MinutesReturn? {
        try await db.writer.read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT r.comment, r.returned_at, u.name FROM meeting_minutes_returns r JOIN users u ON u.id = r.returned_by
                JOIN meeting_minutes m ON m.meeting_id = r.meeting_id
                WHERE r.meeting_id = ? AND m.status = 'draft' AND r.returned_at > m.updated_at ORDER BY r.id DESC LIMIT 1
                """), arguments: [meetingId]).map { MinutesReturn(comment: $0["comment"], returnedAt: $0["returned_at"], byName: $0["name"]) }
        }
    }

    /// The archived minutes of a meeting, if approved since archives exist.
    public func archive(meetingId: Int64) async throws -> MinutesArchive? {
        try await db.writer.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT html, sha256 FROM meeting_minutes_archives WHERE meeting_id = ?"), arguments: [meetingId])
                .map { MinutesArchive(html: $0["html"], sha256: $0["sha256"]) }
        }
    }
}
