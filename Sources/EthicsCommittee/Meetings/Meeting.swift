import GRDB

public enum MeetingStatus: String, Sendable, CaseIterable {
    case planned, held, closed, cancelled
}

/// An invitee's answer to the invitation, given and changed until the meeting opens.
public enum RSVP: String, Sendable, CaseIterable {
    case attending, excused, unsure
}

public enum Attendance: String, Sendable, CaseIterable {
    case present, excused, absent
}

public enum AgendaKind: String, Sendable, CaseIterable {
    case `case`, minutes, free
}

public enum VoteChoice: String, Sendable, CaseIterable {
    case `for`, against, abstain
}

/// The result recorded on an agenda item: a case outcome, or adopted / rejected for other items.
public enum ItemOutcome: String, Sendable, CaseIterable {
    case favourable, conditions, unfavourable, deferred, adopted, rejected
}

/// A committee meeting.
public struct Meeting: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var title: String
    /// UTC ISO 8601 timestamp.
    public var startsAt: String
    public var duration: Int
    public var place: String
    public var videoURL: String
    public var status: MeetingStatus
    public var createdAt: String
    /// The calendar file's SEQUENCE: raised by every change and by the cancellation.
    public var sequence: Int
    /// Why it was cancelled ('' unless cancelled).
    public var cancelReason: String

    public init(row: Row) {
        id = row["id"]; title = row["title"]; startsAt = row["starts_at"]; duration = row["duration"]
        place = row["place"]; videoURL = row["video_url"]
        status = MeetingStatus(rawValue: row["status"]) ?? .planned; createdAt = row["created_at"]
        sequence = row["sequence"] ?? 0; cancelReason = row["cancel_reason"] ?? ""
    }
}

/// What the policy needs to know about a meeting: who is invited.
public struct MeetingFacts: Sendable, Equatable {
    public let invitees: Set<Int64>
    public init(invitees: Set<Int64>) { self.invitees = invitees }
}

/// An invited member with their seat and attendance.
public struct Invitee: Sendable, Equatable, FetchableRecord {
    public var userId: Int64
    public var name: String
    public var role: Role
    public var external: Bool
    public var voting: Bool
    public var chair: Bool
    /// How their title is written (`TitleForm`), for "(Présidente)" beside the chair's name.
    public var titleForm: TitleForm
    public var attendance: Attendance?
    public var rsvp: RSVP?

    public init(row: Row) {
        userId = row["user_id"]; name = row["name"]; role = Role(rawValue: row["role"]) ?? .member
        external = row["external"] ?? (role == .expert); voting = row["voting"] ?? true
        chair = (row["position"] as String?) == "chair"
        titleForm = (row["title_form"] as String?).flatMap(TitleForm.init(rawValue:)) ?? .neutral
        attendance = (row["attendance"] as String?).flatMap(Attendance.init(rawValue:))
        rsvp = (row["rsvp"] as String?).flatMap(RSVP.init(rawValue:))
    }
}

/// One item of a meeting's agenda.
public struct AgendaItem: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var meetingId: Int64
    public var position: Int
    public var kind: AgendaKind
    public var caseId: Int64?
    public var caseTitle: String?
    public var minutesMeetingId: Int64?
    public var title: String
    /// The note as typed (Markdown), for editing.
    public var note: String
    public var noteHTML: String
    public var outcome: ItemOutcome?
    public var decision: String
    public var decisionHTML: String
    public var decidedAt: String?

    public init(row: Row) {
        id = row["id"]; meetingId = row["meeting_id"]; position = row["position"]
        kind = AgendaKind(rawValue: row["kind"]) ?? .free
        caseId = row["case_id"]; caseTitle = row["case_title"]; minutesMeetingId = row["minutes_meeting_id"]
        title = row["title"]; note = row["note"] ?? ""; noteHTML = row["note_html"]
        outcome = (row["outcome"] as String?).flatMap(ItemOutcome.init(rawValue:))
        decision = row["decision"]; decisionHTML = row["decision_html"]; decidedAt = row["decided_at"]
    }
}

/// A vote on an item.
public struct Vote: Sendable, Equatable, FetchableRecord {
    public var itemId: Int64
    public var userId: Int64
    public var name: String
    public var choice: VoteChoice
    public var dissent: String

    public init(row: Row) {
        itemId = row["item_id"]; userId = row["user_id"]; name = row["name"]
        choice = VoteChoice(rawValue: row["choice"]) ?? .abstain; dissent = row["dissent"]
    }
}

/// A meeting's minutes.
public struct Minutes: Sendable, Equatable, FetchableRecord {
    public var meetingId: Int64
    public var markdown: String
    public var html: String
    public var approved: Bool
    public var approvedByName: String?
    public var approvedAt: String?
    public var approvedInMeeting: Int64?
    /// Who saved the text last: the secretary who signs beside the chair.
    public var writtenByName: String?
    /// The SHA-256 of the archived printed minutes (`MinutesArchive`), once approved.
    public var fingerprint: String?

    public init(row: Row) {
        meetingId = row["meeting_id"]; markdown = row["markdown"]; html = row["html"]; writtenByName = row["written_by_name"]; fingerprint = row["fingerprint"]
        approved = (row["status"] as String) == "approved"
        approvedByName = row["approved_by_name"]; approvedAt = row["approved_at"]; approvedInMeeting = row["approved_in_meeting"]
    }
}

/// An open condition of a decided case past its due date: proposed for the next agenda.
public struct OverdueCondition: Sendable, Equatable, FetchableRecord {
    public var caseId: Int64
    public var caseTitle: String
    public var text: String
    public var dueOn: String
    public var confidential: Bool

    public init(row: Row) {
        caseId = row["case_id"]; caseTitle = row["title"]; text = row["text"]; dueOn = row["due_on"]
        confidential = row["confidential"]
    }
}
