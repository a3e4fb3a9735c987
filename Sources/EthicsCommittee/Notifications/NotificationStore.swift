import Foundation
import GRDB

/// SQL for reading notifications, marking them read, and each person's e-mail choice.
/// (`Notifier` creates them through `NotificationStore+Create`, inside other stores' transactions.)
public struct NotificationStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// `Notifier.mayOpen` in SQL over a notification `n` of the actor: a case by `CaseStore.visibility`, a meeting by
    /// `viewMeeting`, a published version always, a written procedure by `WrittenProcedureStore.visibility`. The
    /// header's count and the list both filter with it, so neither shows a line the other leaves out
    /// (`NotificationPagingTests` checks it against `mayOpen`).
    static func visibility(_ actor: Actor) -> (String, StatementArguments) {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        var arguments = visibleArguments
        let (meeting, meetingArguments) = MeetingStore.visibility(actor, meetingId: "n.record_id")
        arguments += meetingArguments
        let (written, writtenArguments) = WrittenProcedureStore.visibility(actor)
        arguments += writtenArguments
        let (incident, incidentArguments) = IncidentStore.visibility(actor)
        arguments += incidentArguments
        return ("""
            ((n.record_type = 'case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = n.record_id AND (\(visible))))
                OR (n.record_type = 'meeting' AND \(meeting))
                OR n.record_type = 'document_version'
                OR (n.record_type = 'written_procedure' AND EXISTS (
                    SELECT 1 FROM written_procedures w WHERE w.id = n.record_id AND \(written)))
                OR (n.record_type = 'incident' AND EXISTS (
                    SELECT 1 FROM incidents i WHERE i.id = n.record_id AND \(incident))))
            """, arguments)
    }

    /// Unread notifications of a person: the header's figure on every page (partial index `notifications_unread`),
    /// counting only those about a record the person may still open, as the list shows them.
    public func unreadCount(for actor: Actor) async throws -> Int {
        if let unread = LayoutReads.of(actor.userId)?.unread { return unread }  // read with the session (GET)
        return try await db.writer.read { db in try Self.unreadCount(db, for: actor) }
    }

    /// Counted up to `ListBound.unread + 1` (shown "99+"): on every page, it must not walk a thousand unread
    /// notifications of a busy chair, each through the access rule.
    static func unreadCount(_ db: Database, for actor: Actor) throws -> Int {
        let (visible, visibleArguments) = visibility(actor)
        return try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM notifications n WHERE n.recipient_id = ? AND n.read_at IS NULL AND \(visible) LIMIT ?)
            """), arguments: [actor.userId] + visibleArguments + [ListBound.unread + 1]) ?? 0
    }

    /// One page of a person's notifications, newest first, leaving out any about a record they may no longer open
    /// (filtered in SQL before the page is cut), with the total (bounded, `ListBound`) and the unread count, in one read.
    public func list(for actor: Actor, page: Int, size: Int) async throws -> (page: ListPage<AppNotification>, unread: Int) {
        let (visible, visibleArguments) = Self.visibility(actor)
        return try await db.writer.read { db in
            let total = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT 1 FROM notifications n WHERE n.recipient_id = ? AND \(visible) LIMIT ?)
                """), arguments: [actor.userId] + visibleArguments + [ListBound.countLimit]) ?? 0
            let (number, offset) = ListPage<AppNotification>.clamp(requested: page, total: total, size: size)
            let rows = try AppNotification.fetchAll(db.cachedStatement(sql: """
                SELECT n.* FROM notifications n WHERE n.recipient_id = ? AND \(visible) ORDER BY n.id DESC LIMIT ? OFFSET ?
                """), arguments: [actor.userId] + visibleArguments + [size, offset])
            let unread = try Self.unreadCount(db, for: actor)
            return (ListPage(rows: rows, total: total, number: number, size: size), unread)
        }
    }

    /// A person's latest notifications, newest first (the first page of `list`; nothing for an inactive account).
    public func latest(userId: Int64, limit: Int = 100) async throws -> [AppNotification] {
        let role = try await db.writer.read { db in try UserStore.activeRole(db, userId: userId) }
        guard let role else { return [] }
        return try await list(for: Actor(userId: userId, role: role, onboarded: true), page: 1, size: limit).page.rows
    }

    /// Every notification of a person with whether `Notifier.mayOpen` lets them open its record (tests compare the
    /// SQL rule with it).
    public func allWithAccess(userId: Int64) async throws -> [(AppNotification, Bool)] {
        try await db.writer.read { db in
            try AppNotification.fetchAll(db.cachedStatement(sql: "SELECT * FROM notifications WHERE recipient_id = ? ORDER BY id DESC"),
                                         arguments: [userId]).map {
                ($0, try Notifier.mayOpen(db, userId: userId, record: $0.recordType, recordId: $0.recordId))
            }
        }
    }

    /// Marks one of the person's notifications read and returns it (nil when it is not theirs).
    public func open(id: Int64, userId: Int64, by actor: AuditActor) async throws -> AppNotification? {
        try await db.writer.write { db in
            guard let found = try AppNotification.fetchOne(db.cachedStatement(sql: "SELECT * FROM notifications WHERE id = ? AND recipient_id = ?"),
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
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT email FROM notification_preferences WHERE user_id = ?"), arguments: [userId]) ?? true
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
            if !on { try EmailOutboxStore.dropPending(db, recipientId: userId) }
            try AuditStore.append(db, by: actor, action: "notification.email_choice", targetType: "user", targetId: String(userId),
                                  detail: "email=\(on ? "on" : "off")", at: clock.now)
        }
    }
}
