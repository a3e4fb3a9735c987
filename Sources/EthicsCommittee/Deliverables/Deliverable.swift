import GRDB

public enum DeliverableKind: String, Sendable, CaseIterable {
    case opinion, benchmark, charterProposal = "charter_proposal", governanceRecommendation = "governance_recommendation"
    case trainingReview = "training_review", annualReport = "annual_report", other
}

public enum DeliverableStatus: String, Sendable, CaseIterable {
    case planned, inProgress = "in_progress", delivered, cancelled

    /// The moves a deliverable may make; a delivered one is frozen (a trigger refuses any change).
    public var next: [DeliverableStatus] {
        switch self {
        case .planned: [.inProgress, .delivered, .cancelled]
        case .inProgress: [.delivered, .cancelled]
        case .cancelled: [.planned]
        case .delivered: []
        }
    }
}

/// Something the committee owes.
public struct Deliverable: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var kind: DeliverableKind
    public var title: String
    public var ownerId: Int64
    public var ownerName: String
    public var dueOn: String
    public var status: DeliverableStatus
    public var caseId: Int64?
    public var meetingId: Int64?
    public var body: String
    public var bodyHTML: String
    public var deliveredAt: String?
    public var updatedAt: String

    public init(row: Row) {
        id = row["id"]; kind = DeliverableKind(rawValue: row["kind"]) ?? .other; title = row["title"]
        ownerId = row["owner_id"]; ownerName = row["owner_name"] ?? ""; dueOn = row["due_on"]
        status = DeliverableStatus(rawValue: row["status"]) ?? .planned
        caseId = row["case_id"]; meetingId = row["meeting_id"]; body = row["body"]; bodyHTML = row["body_html"]
        deliveredAt = row["delivered_at"]; updatedAt = row["updated_at"]
    }

    /// Due before `today` and neither delivered nor cancelled.
    public func overdue(today: String) -> Bool {
        (status == .planned || status == .inProgress) && dueOn < today
    }
}

/// What the deliverable form holds.
public struct DeliverableDraft: Sendable, Equatable {
    public var kind: DeliverableKind
    public var title: String
    public var ownerId: Int64
    public var dueOn: String
    public var caseId: Int64?
    public var meetingId: Int64?
    public var body: String

    /// Spelled out so that the demo target may build one (a memberwise init is internal).
    package init(kind: DeliverableKind, title: String, ownerId: Int64, dueOn: String, caseId: Int64? = nil, meetingId: Int64? = nil,
                 body: String) {
        self.kind = kind; self.title = title; self.ownerId = ownerId; self.dueOn = dueOn; self.caseId = caseId; self.meetingId = meetingId
        self.body = body
    }
}
