import GRDB

/// Where a system stands: planned, in service, suspended (its approval suspended), retired.
public enum SystemStatus: String, Sendable, CaseIterable {
    case planned, inService = "in_service", suspended, retired

    /// Whether the system is still followed by the committee (reviews, attestations, incidents).
    public var isActive: Bool { self != .retired }
}

/// An AI system in the register.
public struct AISystem: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var ownerId: Int64
    public var ownerName: String
    public var vendor: String
    public var model: String
    public var purpose: String
    public var dataSources: String
    public var population: String
    public var riskTier: RiskTier
    public var status: SystemStatus
    public var deployedOn: String?
    public var nextReviewOn: String
    public var statusReason: String
    public var statusChangedAt: String?
    public var createdAt: String
    public var updatedAt: String
    public var revision: Int
}

extension AISystem: FetchableRecord {
    public init(row: Row) {
        id = row["id"]; name = row["name"]; ownerId = row["owner_id"]; ownerName = row["owner_name"] ?? ""
        vendor = row["vendor"]; model = row["model"]; purpose = row["purpose"]
        dataSources = row["data_sources"]; population = row["population"]
        riskTier = RiskTier(rawValue: row["risk_tier"]) ?? .medium
        status = SystemStatus(rawValue: row["status"]) ?? .planned
        deployedOn = row["deployed_on"]; nextReviewOn = row["next_review_on"]
        statusReason = row["status_reason"]; statusChangedAt = row["status_changed_at"]
        createdAt = row["created_at"]; updatedAt = row["updated_at"]; revision = row["revision"]
    }
}
