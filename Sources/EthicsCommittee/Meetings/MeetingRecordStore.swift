import Foundation
import GRDB

/// Reads what a meeting's pages show in one `read {}` each (issue 19): its record (meeting page, minutes, print view,
/// pack), and what the printed minutes add to it. One consistent snapshot, one hand-off to the database queue.
struct MeetingRecordStore: Sendable {
    let db: AppDatabase

    func load(_ id: Int64) async throws -> MeetingRecord? {
        try await db.writer.read { db in
            guard let (meeting, facts) = try MeetingStore.find(db, id: id) else { return nil }
            var record = MeetingRecord(meeting: meeting, facts: facts, invitees: try MeetingStore.invitees(db, meetingId: id),
                                       items: try AgendaStore.items(db, meetingId: id), votes: try AgendaStore.votes(db, meetingId: id),
                                       cases: try AgendaStore.caseFacts(db, meetingId: id), voters: try MeetingStore.votingMembers(db),
                                       minutes: try MinutesStore.minutes(db, meetingId: id))
            if meeting.status == .planned { record.conflicts = try MeetingStore.interestConflicts(db, meetingId: id) }
            return record
        }
    }

    /// The records the quorum forecast of the next planned meetings reads (the secretary's home), inside the home's
    /// one read: the voting members read once for all of them, and no votes or minutes (a planned meeting has none).
    static func forecastRecords(_ db: Database, after now: String, limit: Int, voters: [Invitee]) throws -> [MeetingRecord] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM meetings WHERE status = 'planned' AND starts_at >= ? ORDER BY starts_at LIMIT ?"),
                           arguments: [now, limit]).compactMap { id in
            guard let (meeting, facts) = try MeetingStore.find(db, id: id) else { return nil }
            var record = MeetingRecord(meeting: meeting, facts: facts, invitees: try MeetingStore.invitees(db, meetingId: id),
                                       items: try AgendaStore.items(db, meetingId: id), votes: [:],
                                       cases: try AgendaStore.caseFacts(db, meetingId: id), voters: voters, minutes: nil)
            record.conflicts = try MeetingStore.interestConflicts(db, meetingId: id)
            return record
        }
    }

    /// The printed minutes' parts, the conditions of their decisions and the written procedures to ratify.
    func printed(_ meeting: Meeting) async throws
        -> (parts: [(itemId: Int64?, html: String)], conditions: [Int64: [CaseCondition]], written: [(WrittenRatification, CaseFacts?)]) {
        try await db.writer.read { db in
            (try MinutesStore.parts(db, meetingId: meeting.id), try MinutesStore.conditions(db, meetingId: meeting.id),
             try WrittenProcedureStore.ratifications(db, before: meeting.startsAt, limit: 100))
        }
    }
}
