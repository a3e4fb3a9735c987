import Foundation

/// What the register's form holds, for registering and editing a system.
public struct SystemDraft: Sendable, Equatable {
    public var name: String
    public var ownerId: Int64
    public var vendor: String
    public var model: String
    public var purpose: String
    public var dataSources: String
    public var population: String
    /// Chosen only for a system without an approving case (otherwise the case's tier).
    public var riskTier: RiskTier
    /// At registration: planned or in service.
    public var status: SystemStatus
    public var deployedOn: String?

    public init(name: String, ownerId: Int64, vendor: String = "", model: String = "", purpose: String = "", dataSources: String = "",
                population: String = "", riskTier: RiskTier = .medium, status: SystemStatus = .planned, deployedOn: String? = nil) {
        self.name = name; self.ownerId = ownerId; self.vendor = vendor; self.model = model; self.purpose = purpose
        self.dataSources = dataSources; self.population = population; self.riskTier = riskTier; self.status = status
        self.deployedOn = deployedOn
    }
}

/// A system's write refused because of its state (changed meanwhile, already registered): a 409 when the handler
/// does not show it on its form.
public struct SystemRefusal: Error, Equatable, Sendable {
    public let key: String
}

/// The fields a substantive change names (PRODUCT.md, issue 18: new model, data source, purpose, population).
public enum SystemChangeField: String, Sendable, CaseIterable {
    case model, dataSources = "data_sources", purpose, population
}

/// Why a re-review case opened.
public enum ReReviewReason: String, Sendable, CaseIterable {
    case due, suspended, change
}
