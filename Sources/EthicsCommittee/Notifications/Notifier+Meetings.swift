import Foundation
import GRDB

extension Notifier {
    /// A meeting was planned, changed or cancelled: each invitee is told (in the app, and by mail per their
    /// choice), with the meeting's title and time; the in-app list and the mail link the meeting and its pack.
    static func meetingEvent(_ db: Database, _ kind: NotificationKind, meetingId: Int64, by actorId: Int64?, now: Date) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT title, starts_at, sequence FROM meetings WHERE id = ?", arguments: [meetingId]) else {
            return
        }
        let invited = try Int64.fetchAll(db, sql: "SELECT user_id FROM meeting_invitees WHERE meeting_id = ?", arguments: [meetingId])
        let sequence: Int = row["sequence"]
        // One notification per invitee and version of the invitation: a retried write tells nobody twice.
        try notify(db, recipients: invited, kind: kind, record: .meeting, recordId: meetingId,
                   params: ["meeting": row["title"], "starts_at": row["starts_at"]], now: now, except: actorId,
                   dedupe: "\(kind.rawValue):\(meetingId):\(sequence)")
    }
}
