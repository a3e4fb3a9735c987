import Foundation
import GRDB

/// Changing and removing agenda items while the meeting is planned (a trigger refuses a removal otherwise).
extension AgendaStore {
    /// Changes an item's note, and a free item's title.
    public func edit(itemId: Int64, meetingId: Int64, title: String?, note: String, noteHTML: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.requirePlanned(db, meetingId)
            try db.execute(sql: """
                UPDATE agenda_items SET title = CASE WHEN kind = 'free' THEN coalesce(?, title) ELSE title END, note = ?, note_html = ?
                WHERE id = ? AND meeting_id = ? AND decided_at IS NULL
                """, arguments: [title, note, noteHTML, itemId, meetingId])
            guard db.changesCount == 1 else { throw Refusal.notFound }
            try AuditStore.append(db, by: actor, action: "meeting.item_edited", targetType: "meeting", targetId: String(meetingId),
                                  detail: "item=\(itemId) note_chars=\(note.count)", at: clock.now)
        }
    }

    /// Takes an item off a planned agenda: a case on it is to be scheduled again.
    public func remove(itemId: Int64, meetingId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.requirePlanned(db, meetingId)
            let caseId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT case_id FROM agenda_items WHERE id = ? AND meeting_id = ?"),
                                            arguments: [itemId, meetingId])
            try db.execute(sql: "DELETE FROM agenda_items WHERE id = ? AND meeting_id = ? AND decided_at IS NULL", arguments: [itemId, meetingId])
            guard db.changesCount == 1 else { throw Refusal.notFound }
            try AuditStore.append(db, by: actor, action: "meeting.item_removed", targetType: "meeting", targetId: String(meetingId),
                                  detail: "item=\(itemId)" + (caseId.map { " case=\($0)" } ?? ""), at: clock.now)
        }
    }
}
