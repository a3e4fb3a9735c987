import Foundation
import GRDB

/// Creates notifications inside the write transaction of the event that causes them, so a notification
/// exists if and only if the event happened. Every recipient is checked against the one policy first:
/// nobody hears of a record they may not open. The actor who caused the event is not told about it.
/// The rule lives here; every read and write goes through the stores that own the tables.
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
            if let dedupe, try NotificationStore.given(db, dedupeKey: "\(dedupe):\(recipient)") { continue }
            guard try mayOpen(db, userId: recipient, record: record, recordId: recordId) else { continue }
            guard let id = try NotificationStore.insert(db, recipientId: recipient, kind: kind, record: record, recordId: recordId,
                                                        params: params, dedupeKey: dedupe.map { "\($0):\(recipient)" }, at: at)
            else { continue }
            created += 1
            try EmailOutboxStore.queue(db, notificationId: id, recipientId: recipient, at: at)
        }
        return created
    }

    /// Whether this active account may open the record, by `Policy.decide` on the record's facts.
    static func mayOpen(_ db: Database, userId: Int64, record: NotificationRecord, recordId: Int64) throws -> Bool {
        guard let role = try UserStore.activeRole(db, userId: userId) else { return false }
        // The record as such; a newcomer still has to complete the welcome page before reaching it.
        let actor = Requester(userId: userId, role: role, onboarded: true)
        switch record {
        case .case:
            guard let (_, facts) = try CaseStore.find(db, id: recordId) else { return false }
            return Policy.decide(actor, .viewCase(facts)) == .allow
        case .meeting:
            let invited = try MeetingStore.inviteeIds(db, meetingId: recordId)
            return Policy.decide(actor, .viewMeeting(MeetingFacts(invitees: Set(invited)))) == .allow
        case .documentVersion:
            return Policy.decide(actor, .readCharter(isPublic: false)) == .allow
        case .writtenProcedure:
            guard let procedure = try WrittenProcedureStore.find(db, id: recordId) else { return false }
            let facts = try WrittenProcedureStore.facts(db, procedure, try WrittenProcedureStore.voters(db, recordId), objectionAllowed: false)
            return Policy.decide(actor, .viewWrittenProcedure(facts)) == .allow
        case .incident:
            return try mayOpenIncident(db, actor, recordId)
        }
    }

    /// Forgets what a person was told about a case they may no longer open (a recusal): the list and the
    /// count never show it again, and its mail is not sent.
    static func withdraw(_ db: Database, userId: Int64, caseId: Int64) throws {
        try NotificationStore.withdraw(db, recipientId: userId, caseId: caseId)
    }

    // MARK: the events

    /// A reviewer was assigned to a case.
    static func reviewerAssigned(_ db: Database, caseId: Int64, reviewerId: Int64, dueOn: String, by actorId: Int64?, now: Date) throws {
        try notify(db, recipients: [reviewerId], kind: .reviewerAssigned, record: .case, recordId: caseId,
                   params: ["title": try caseTitle(db, caseId), "due_on": dueOn], now: now, except: actorId)
    }

    /// The committee asked the project owner a question (the case went back to them).
    static func questionAsked(_ db: Database, caseId: Int64, by actorId: Int64?, now: Date) throws {
        guard let submitter = try CaseStore.submitterId(db, caseId: caseId) else { return }
        try notify(db, recipients: [submitter], kind: .questionAsked, record: .case, recordId: caseId,
                   params: ["title": try caseTitle(db, caseId)], now: now, except: actorId)
    }

    /// A case was decided: its project owner and its (not recused) reviewers.
    static func caseDecided(_ db: Database, caseId: Int64, by actorId: Int64?, now: Date) throws {
        let people = try CaseReviewStore.ownerAndReviewers(db, caseId: caseId)
        try notify(db, recipients: people, kind: .caseDecided, record: .case, recordId: caseId,
                   params: ["title": try caseTitle(db, caseId)], now: now, except: actorId)
    }

    /// A governance document has a new version: every active committee account.
    static func documentPublished(_ db: Database, versionId: Int64, kind: String, number: Int, by actorId: Int64?, now: Date) throws {
        let people = try UserStore.activeCommittee(db)
        try notify(db, recipients: people, kind: .documentPublished, record: .documentVersion, recordId: versionId,
                   params: ["document": kind, "number": String(number)], now: now, except: actorId)
    }

    /// A meeting's minutes are drafted and wait for the chair's approval: once per meeting.
    static func minutesToApprove(_ db: Database, meetingId: Int64, by actorId: Int64?, now: Date) throws {
        guard let chair = try MemberStore.chairId(db) else { return }
        let title = try MeetingStore.title(db, meetingId: meetingId) ?? ""
        try notify(db, recipients: [chair], kind: .minutesToApprove, record: .meeting, recordId: meetingId,
                   params: ["meeting": title], now: now, except: actorId, dedupe: "minutes:\(meetingId)")
    }

    static func caseTitle(_ db: Database, _ caseId: Int64) throws -> String {
        try CaseStore.title(db, caseId: caseId) ?? ""
    }
}
