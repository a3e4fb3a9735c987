import GRDB

public enum CaseStatus: String, Sendable, CaseIterable {
    case draft, submitted, needsInfo = "needs_info", inReview = "in_review", decided, closed, withdrawn
}

public enum CaseKind: String, Sendable, CaseIterable {
    case tool, process, training, other
}

public enum RiskTier: String, Sendable, CaseIterable, Comparable {
    case low, medium, high
    public static func < (a: RiskTier, b: RiskTier) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A planned AI project submitted to the committee.
public struct Case: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var team: String
    public var vendor: String
    public var kind: CaseKind
    public var customerFacing: Bool
    public var personalData: Bool
    public var confidential: Bool
    public var description: String
    public var descriptionHTML: String
    public var status: CaseStatus
    public var riskTier: RiskTier
    public var submitterId: Int64
    public var submitterName: String
    public var createdAt: String
    public var updatedAt: String
    public var submittedAt: String?
    public var decidedAt: String?
}

extension Case: FetchableRecord {
    public init(row: Row) {
        id = row["id"]; title = row["title"]; team = row["team"]; vendor = row["vendor"]
        kind = CaseKind(rawValue: row["kind"]) ?? .other
        customerFacing = row["customer_facing"]; personalData = row["personal_data"]; confidential = row["confidential"]
        description = row["description"]; descriptionHTML = row["description_html"]
        status = CaseStatus(rawValue: row["status"]) ?? .draft
        riskTier = RiskTier(rawValue: row["risk_tier"]) ?? .medium
        submitterId = row["submitter_id"]; submitterName = row["submitter_name"] ?? ""
        createdAt = row["created_at"]; updatedAt = row["updated_at"]
        submittedAt = row["submitted_at"]; decidedAt = row["decided_at"]
    }
}

/// A reviewer assigned to a case.
public struct CaseReviewer: Sendable, Equatable {
    public var userId: Int64
    public var name: String
    public var role: Role
    public var external: Bool
    public var dueOn: String
    public var recusedAt: String?
    public var recusalReason: String?
    public var hasReviewed: Bool
    public var recused: Bool { recusedAt != nil }
}

extension CaseReviewer: FetchableRecord {
    public init(row: Row) {
        userId = row["user_id"]; name = row["name"]; role = Role(rawValue: row["role"]) ?? .member
        external = row["external"] ?? (role == .expert)
        dueOn = row["due_on"]; recusedAt = row["recused_at"]; recusalReason = row["recusal_reason"]
        hasReviewed = row["has_reviewed"] ?? false
    }
}

public enum Recommendation: String, Sendable, CaseIterable {
    case favourable, conditions, unfavourable
}

public struct Review: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var reviewerId: Int64
    public var reviewerName: String
    public var recommendation: Recommendation
    public var reasoningHTML: String
    public var submittedAt: String

    public init(row: Row) {
        id = row["id"]; reviewerId = row["reviewer_id"]; reviewerName = row["name"]
        recommendation = Recommendation(rawValue: row["recommendation"]) ?? .favourable
        reasoningHTML = row["reasoning_html"]; submittedAt = row["submitted_at"]
    }
}

public struct CaseComment: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var authorId: Int64
    public var authorName: String
    public var body: String
    public var bodyHTML: String
    public var createdAt: String
    public var editedAt: String?

    public init(row: Row) {
        id = row["id"]; authorId = row["author_id"]; authorName = row["name"]; body = row["body"]; bodyHTML = row["body_html"]
        createdAt = row["created_at"]; editedAt = row["edited_at"]
    }
}

public struct CaseQuestion: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var question: String
    public var askedAt: String
    public var answer: String?
    public var answeredAt: String?

    public init(row: Row) {
        id = row["id"]; question = row["question"]; askedAt = row["asked_at"]; answer = row["answer"]; answeredAt = row["answered_at"]
    }
}

public enum DecisionOutcome: String, Sendable, CaseIterable {
    case favourable, conditions, unfavourable, deferred
}

public struct CaseDecision: Sendable, Equatable, FetchableRecord {
    public var outcome: DecisionOutcome
    public var opinionHTML: String
    public var charterVersion: Int?
    public var articles: String
    public var procedure: String
    public var meetingOn: String?
    public var decidedAt: String
    /// The fundamental-rights impact assessment version it was taken on (Art. 27), if one was written.
    public var friaVersion: Int?

    public init(row: Row) {
        friaVersion = row["fria_version"]
        outcome = DecisionOutcome(rawValue: row["outcome"]) ?? .favourable
        opinionHTML = row["opinion_html"]; charterVersion = row["charter_version"]; articles = row["articles"]
        procedure = row["procedure"]; meetingOn = row["meeting_on"]; decidedAt = row["decided_at"]
    }
}

public struct CaseCondition: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var text: String
    public var ownerId: Int64
    public var ownerName: String
    public var dueOn: String
    public var met: Bool
    public var evidence: String
    public var metAt: String?

    public init(row: Row) {
        id = row["id"]; text = row["text"]; ownerId = row["owner_id"]; ownerName = row["name"]; dueOn = row["due_on"]
        met = (row["status"] as String) == "met"; evidence = row["evidence"]; metAt = row["met_at"]
    }
}

public struct CaseEvent: Sendable, Equatable, FetchableRecord {
    public var at: String
    public var actorName: String?
    public var event: String
    public var detail: String

    public init(row: Row) { at = row["at"]; actorName = row["name"]; event = row["event"]; detail = row["detail"] }
}
