import Foundation
import GRDB

/// Creates notifications inside the write transaction of the event that causes them, so a notification
/// exists if and only if the event happened. Every recipient is checked against the one policy first:
/// nobody hears of a record they may not open. The actor who caused the event is not told about it.
enum Notifier {
    /// One notification per recipient allowed to open the record, plus its e-mail when they want mail.
    /// With a `dedupe` key (per recipient) a second call creates nothing: returns how many were created.
    @discardableResult
    static func notify(_ db: Database, recipients: [Int64], kind: NotificationKind, record: NotificationRecord, recordId: Int64,
                       params: [String: String], now: Date, except actorId: Int64? = nil, dedupe: String? = nil) throws -> Int {
        var created = 0
        let at = Timestamp.string(now)
        for recipient in Set(recipients) where recipient != actorId {
            // A notice already given is skipped before the access check, which reads the whole record: the due-date
            // sweep meets every overdue item of the archive again at each turn, and at start-up (issue 19).
            if let dedupe, try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM notifications WHERE dedupe_key = ?)"),
                                             arguments: ["\(dedupe):\(recipient)"]) == true { continue }
            guard try mayOpen(db, userId: recipient, record: record, recordId: recordId) else { continue }
            try db.cachedStatement(sql: """
                INSERT INTO notifications (recipient_id, kind, record_type, record_id, params, dedupe_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
                """).execute(arguments: [recipient, kind.rawValue, record.rawValue, recordId, NotificationParams.encode(params),
                                 dedupe.map { "\($0):\(recipient)" }, at])
            guard db.changesCount == 1 else { continue }
            created += 1
            let id = db.lastInsertedRowID
            try db.cachedStatement(sql: """
                INSERT INTO email_outbox (notification_id, next_attempt_at)
                SELECT ?, ? WHERE COALESCE((SELECT email FROM notification_preferences WHERE user_id = ?), 1) = 1
                """).execute(arguments: [id, at, recipient])
        }
        return created
    }

    /// Whether this active account may open the record, by `Policy.decide` on the record's facts.
    static func mayOpen(_ db: Database, userId: Int64, record: NotificationRecord, recordId: Int64) throws -> Bool {
        guard let role = try String.fetchOne(db.cachedStatement(sql: "SELECT role FROM users WHERE id = ? AND active = 1"), arguments: [userId])
            .flatMap(Role.init(rawValue:)) else { return false }
        // The record as such; a newcomer still has to complete the welcome page before reaching it.
        let actor = Actor(userId: userId, role: role, onboarded: true)
        switch record {
        case .case:
            guard let found = try Case.fetchOne(db.cachedStatement(sql: CaseStore.selectCase + " WHERE c.id = ?"), arguments: [recordId]) else { return false }
            return Policy.decide(actor, .viewCase(try CaseStore.facts(db, found))) == .allow
        case .meeting:
            let invited = try Int64.fetchAll(db.cachedStatement(sql: "SELECT user_id FROM meeting_invitees WHERE meeting_id = ?"), arguments: [recordId])
            return Policy.decide(actor, .viewMeeting(MeetingFacts(invitees: Set(invited)))) == .allow
        case .documentVersion:
            return Policy.decide(actor, .readCharter(isPublic: false)) == .allow
        case .writtenProcedure:
            guard let procedure = try WrittenProcedure.fetchOne(db.cachedStatement(sql: WrittenProcedureStore.select + " WHERE w.id = ?"),
                                                                arguments: [recordId]) else { return false }
            let facts = try WrittenProcedureStore.facts(db, procedure, try WrittenProcedureStore.voters(db, recordId), objectionAllowed: false)
            return Policy.decide(actor, .viewWrittenProcedure(facts)) == .allow
        case .incident:
            return try mayOpenIncident(db, actor, recordId)
        }
    }

    /// Forgets what a person was told about a case they may no longer open (a recusal): the list and the
    /// count never show it again, and its mail is not sent.
    static func withdraw(_ db: Database, userId: Int64, caseId: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM notifications WHERE record_type = 'case' AND record_id = ? AND recipient_id = ?").execute(
            arguments: [caseId, userId])
    }

    // MARK: the events

    /// A reviewer was assigned to a case.
    static func reviewerAssigned(_ db: Database, caseId: Int64, reviewerId: Int64, dueOn: String, by actorId: Int64?, now: Date) throws {
        try notify(db, recipients: [reviewerId], kind: .reviewerAssigned, record: .case, recordId: caseId,
                   params: ["title": try caseTitle(db, caseId), "due_on": dueOn], now: now, except: actorId)
    }

    /// The committee asked the project owner a question (the case went back to them).
    static func questionAsked(_ db: Database, caseId: Int64, by actorId: Int64?, now: Date) throws {
        guard let submitter = try Int64.fetchOne(db.cachedStatement(sql: "SELECT submitter_id FROM cases WHERE id = ?"), arguments: [caseId]) else { return }
        try notify(db, recipients: [submitter], kind: .questionAsked, record: .case, recordId: caseId,
                   params: ["title": try caseTitle(db, caseId)], now: now, except: actorId)
    }

    /// A case was decided: its project owner and its (not recused) reviewers.
    static func caseDecided(_ db: Database, caseId: Int64, by actorId: Int64?, now: Date) throws {
        let people = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT submitter_id FROM cases WHERE id = ?
            UNION SELECT user_id FROM case_reviewers WHERE case_id = ? AND recused_at IS NULL
            """), arguments: [caseId, caseId])
        try notify(db, recipients: people, kind: .caseDecided, record: .case, recordId: caseId,
                   params: ["title": try caseTitle(db, caseId)], now: now, except: actorId)
    }

    /// A governance document has a new version: every active committee account.
    static func documentPublished(_ db: Database, versionId: Int64, kind: String, number: Int, by actorId: Int64?, now: Date) throws {
        let people = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM users WHERE active = 1 AND role <> 'submitter'"))
        try notify(db, recipients: people, kind: .documentPublished, record: .documentVersion, recordId: versionId,
                   params: ["document": kind, "number": String(number)], now: now, except: actorId)
    }

    /// A meeting's minutes are drafted and wait for the chair's approval: once per meeting.
    static func minutesToApprove(_ db: Database, meetingId: Int64, by actorId: Int64?, now: Date) throws {
        guard let chair = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT p.user_id FROM member_profiles p JOIN users u ON u.id = p.user_id WHERE p.position = 'chair' AND u.active = 1
            """)) else { return }
        let title = try String.fetchOne(db.cachedStatement(sql: "SELECT title FROM meetings WHERE id = ?"), arguments: [meetingId]) ?? ""
        try notify(db, recipients: [chair], kind: .minutesToApprove, record: .meeting, recordId: meetingId,
                   params: ["meeting": title], now: now, except: actorId, dedupe: "minutes:\(meetingId)")
    }

    static func caseTitle(_ db: Database, _ caseId: Int64) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT title FROM cases WHERE id = ?"), arguments: [caseId]) ?? ""
    }
}
