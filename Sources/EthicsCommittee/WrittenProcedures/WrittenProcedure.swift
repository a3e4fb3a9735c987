import GRDB

public enum WrittenKind: String, Sendable, CaseIterable {
    /// A case, with the decision proposed.
    case `case`
    /// A free motion (adopting a deliverable, a recommendation…), adopted or rejected.
    case motion
}

public enum WrittenStatus: String, Sendable, CaseIterable {
    case open, closed
    /// A voter asked for a meeting instead: the vote ended and the item went to a meeting's agenda.
    case toMeeting = "to_meeting"
}

public enum WrittenResultCode: String, Sendable, CaseIterable {
    case adopted, rejected
    /// Too few ballots by the deadline: not carried.
    case noQuorum = "no_quorum"
}

/// What a voter with a matching interest declared before voting.
public enum WrittenDeclaration: String, Sendable, CaseIterable {
    case noConflict = "no_conflict", recused
}

/// A written procedure as stored.
public struct WrittenProcedure: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var kind: WrittenKind
    public var caseId: Int64?
    public var caseTitle: String?
    public var deliverableId: Int64?
    public var title: String
    public var text: String
    public var textHTML: String
    public var outcome: DecisionOutcome?
    public var opinion: String
    public var opinionHTML: String
    public var charterVersion: Int?
    public var articles: String
    /// UTC ISO 8601 timestamp.
    public var deadline: String
    public var status: WrittenStatus
    public var result: WrittenResultCode?
    public var openedBy: Int64
    public var openedAt: String
    public var closedAt: String?
    public var objectedBy: Int64?
    public var agendaItemId: Int64?
    /// The meeting whose agenda it went to, after an objection.
    public var meetingId: Int64?

    public init(row: Row) {
        id = row["id"]; kind = WrittenKind(rawValue: row["kind"]) ?? .motion; caseId = row["case_id"]; caseTitle = row["case_title"]
        deliverableId = row["deliverable_id"]; title = row["title"]; text = row["text"]; textHTML = row["text_html"]
        outcome = (row["outcome"] as String?).flatMap(DecisionOutcome.init(rawValue:)); opinion = row["opinion"]
        opinionHTML = row["opinion_html"]; charterVersion = row["charter_version"]; articles = row["articles"]
        deadline = row["deadline"]; status = WrittenStatus(rawValue: row["status"]) ?? .closed
        result = (row["result"] as String?).flatMap(WrittenResultCode.init(rawValue:)); openedBy = row["opened_by"]
        openedAt = row["opened_at"]; closedAt = row["closed_at"]; objectedBy = row["objected_by"]; agendaItemId = row["agenda_item_id"]
        meetingId = row["meeting_id"]
    }
}

/// One eligible voter of a procedure, with their declaration and ballot if any.
public struct WrittenVoter: Sendable, Equatable, FetchableRecord {
    public var userId: Int64
    public var name: String
    public var conflictWith: String?
    public var declaration: WrittenDeclaration?
    public var choice: VoteChoice?
    public var reasoning: String
    public var castAt: String?

    public init(row: Row) {
        userId = row["user_id"]; name = row["name"]; conflictWith = row["conflict_with"]
        declaration = (row["declaration"] as String?).flatMap(WrittenDeclaration.init(rawValue:))
        choice = (row["choice"] as String?).flatMap(VoteChoice.init(rawValue:)); reasoning = row["reasoning"] ?? ""; castAt = row["cast_at"]
    }

    /// Recused: no vote, no access through this procedure.
    public var recused: Bool { declaration == .recused }
    /// Must declare before voting or objecting.
    public var mustDeclare: Bool { conflictWith != nil && declaration == nil }
}

/// What the written procedure needs to decide: the proposed decision and its conditions, as opened.
public struct WrittenProposal: Sendable, Equatable {
    public var kind: WrittenKind
    public var caseId: Int64?
    public var deliverableId: Int64?
    public var title: String
    public var text: String
    public var textHTML: String
    public var outcome: DecisionOutcome?
    public var opinion: String
    public var opinionHTML: String
    public var charterVersion: Int?
    public var articles: String
    public var conditions: [NewCondition]
    /// UTC ISO 8601 timestamp.
    public var deadline: String

    /// Spelled out so that the demo target may build one (a memberwise init is internal).
    package init(kind: WrittenKind, caseId: Int64? = nil, deliverableId: Int64? = nil, title: String, text: String, textHTML: String,
                 outcome: DecisionOutcome? = nil, opinion: String, opinionHTML: String, charterVersion: Int? = nil, articles: String,
                 conditions: [NewCondition], deadline: String) {
        self.kind = kind; self.caseId = caseId; self.deliverableId = deliverableId; self.title = title; self.text = text
        self.textHTML = textHTML; self.outcome = outcome; self.opinion = opinion; self.opinionHTML = opinionHTML
        self.charterVersion = charterVersion; self.articles = articles; self.conditions = conditions; self.deadline = deadline
    }
}

/// One line of the procedures list, or of a home page.
public struct WrittenListRow: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var kind: WrittenKind
    public var caseId: Int64?
    public var title: String
    public var deadline: String
    public var status: WrittenStatus
    public var result: WrittenResultCode?
    public var ballots: Int
    public var voters: Int

    public init(row: Row) {
        id = row["id"]; kind = WrittenKind(rawValue: row["kind"]) ?? .motion; caseId = row["case_id"]
        title = row["display_title"] ?? ""; deadline = row["deadline"]
        status = WrittenStatus(rawValue: row["status"]) ?? .closed
        result = (row["result"] as String?).flatMap(WrittenResultCode.init(rawValue:))
        ballots = row["ballots"] ?? 0; voters = row["voters"] ?? 0
    }
}
