import Foundation
import GRDB

/// SQL for reading notifications, marking them read, and each person's e-mail choice.
/// (They are created by `Notifier`, inside other stores' transactions.)
public struct NotificationStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// Unread notifications of a person: the header's figure on every page (partial index `notifications_unread`),
    /// counting only those about a record the person may still open, as the list shows them (`Notifier.mayOpen`
    /// in SQL: a case by `CaseStore.visibility`, a meeting by `viewMeeting`, a published version always, a written procedure
    /// by `WrittenProcedureStore.visibility`).
    public func unreadCount(for actor: Actor) async throws -> Int {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        var arguments: StatementArguments = [actor.userId]
        arguments += visibleArguments
        let meeting: String
        switch actor.role {
        case .admin, .secretary, .member: meeting = "1"
        case .expert:
            meeting = "EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = n.record_id AND i.user_id = ?)"
            arguments += [actor.userId]
        case .submitter: meeting = "0"
        }
        let (written, writtenArguments) = WrittenProcedureStore.visibility(actor)
        arguments += writtenArguments
        let (incident, incidentArguments) = IncidentStore.visibility(actor)
        arguments += incidentArguments
        let countArguments = arguments
        return try await db.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM notifications n WHERE n.recipient_id = ? AND n.read_at IS NULL AND (
                    (n.record_type = 'case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = n.record_id AND (\(visible))))
                    OR (n.record_type = 'meeting' AND \(meeting))
                    OR n.record_type = 'document_version'
                    OR (n.record_type = 'written_procedure' AND EXISTS (
                        SELECT 1 FROM written_procedures w WHERE w.id = n.record_id AND \(written)))
                    OR (n.record_type = 'incident' AND EXISTS (
                        SELECT 1 FROM incidents i WHERE i.id = n.record_id AND \(incident))))
                """, arguments: countArguments) ?? 0
        }
    }

    /// A person's latest notifications, newest first, leaving out any about a record they may no longer open.
    public func latest(userId: Int64, limit: Int = 100) async throws -> [AppNotification] {
        try await db.writer.read { db in
            try AppNotification.fetchAll(db, sql: """
                SELECT * FROM notifications WHERE recipient_id = ? ORDER BY id DESC LIMIT ?
                """, arguments: [userId, limit]).filter {
                try Notifier.mayOpen(db, userId: userId, record: $0.recordType, recordId: $0.recordId)
            }
        }
    }

    /// Marks one of the person's notifications read and returns it (nil when it is not theirs).
    public func open(id: Int64, userId: Int64, by actor: AuditActor) async throws -> AppNotification? {
        try await db.writer.write { db in
            guard let found = try AppNotification.fetchOne(db, sql: "SELECT * FROM notifications WHERE id = ? AND recipient_id = ?",
                                                           arguments: [id, userId]),
                  try Notifier.mayOpen(db, userId: userId, record: found.recordType, recordId: found.recordId)
            else { return nil }
            if found.readAt == nil {
                try db.execute(sql: "UPDATE notifications SET read_at = ? WHERE id = ?", arguments: [Timestamp.string(clock.now), id])
                try AuditStore.append(db, by: actor, action: "notification.read", targetType: "notification", targetId: String(id),
                                      at: clock.now)
            }
            return found
        }
    }

    /// Marks all of a person's notifications read; returns how many were unread.
    @discardableResult
    public func markAllRead(userId: Int64, by actor: AuditActor) async throws -> Int {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL",
                           arguments: [Timestamp.string(clock.now), userId])
            let count = db.changesCount
            if count > 0 {
                try AuditStore.append(db, by: actor, action: "notification.all_read", targetType: "user", targetId: String(userId),
                                      detail: "count=\(count)", at: clock.now)
            }
            return count
        }
    }

    /// Whether the person wants notifications by e-mail too (default: yes).
    public func wantsEmail(userId: Int64) async throws -> Bool {
        try await db.writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT email FROM notification_preferences WHERE user_id = ?", arguments: [userId]) ?? true
        }
    }

    /// Saves the person's e-mail choice. Mail already queued for them is sent or dropped accordingly.
    public func setEmail(_ on: Bool, userId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let at = Timestamp.string(clock.now)
            try db.execute(sql: """
                INSERT INTO notification_preferences (user_id, email, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at
                """, arguments: [userId, on, at])
            if !on {
                try db.execute(sql: """
                    UPDATE email_outbox SET status = 'expired', last_error = 'recipient turned e-mail off'
                    WHERE status = 'pending' AND notification_id IN (SELECT id FROM notifications WHERE recipient_id = ?)
                    """, arguments: [userId])
            }
            try AuditStore.append(db, by: actor, action: "notification.email_choice", targetType: "user", targetId: String(userId),
                                  detail: "email=\(on ? "on" : "off")", at: clock.now)
        }
    }
}
