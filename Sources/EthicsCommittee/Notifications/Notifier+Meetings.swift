import Foundation
import GRDB

extension Notifier {
    /// A meeting was planned, changed or cancelled: each invitee is told (in the app, and by mail per their
    /// choice), with the meeting's title and time; the in-app list and the mail link the meeting and its pack.
    static func meetingEvent(_ db: Database, _ kind: NotificationKind, meetingId: Int64, by actorId: Int64?, now: Date) throws {
        guard let (meeting, facts) = try MeetingStore.find(db, id: meetingId) else { return }
        // One notification per invitee and version of the invitation: a retried write tells nobody twice.
        try notify(db, recipients: Array(facts.invitees), kind: kind, record: .meeting, recordId: meetingId,
                   params: ["meeting": meeting.title, "starts_at": meeting.startsAt], now: now, except: actorId,
                   dedupe: "\(kind.rawValue):\(meetingId):\(meeting.sequence)")
    }
}
