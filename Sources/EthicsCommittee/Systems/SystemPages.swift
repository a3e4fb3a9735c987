import Foundation

/// Typed view models of the register's pages. Stored properties only.
enum SystemPages {
    struct Row: Sendable {
        let href: String
        let name: String
        let owner: String
        let vendorModel: String
        let status: String
        let statusKey: String
        let tier: String
        let nextReview: String
        let reviewOverdue: Bool
        let attestationMissed: Bool
        let neverReviewed: Bool
    }

    struct List: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let tabs: [StatusTab]
        let newHref: String?
        /// The register as CSV under the same status filter, for those who may export.
        let exportHref: String?
        let count: String
        let pageNumber: Int
        let pageCount: Int
        let hasPages: Bool
        let previous: String?
        let next: String?
    }

    struct Form: Sendable {
        let action: String
        let isNew: Bool
        let caseId: String
        let caseTitle: String?
        let caseHref: String?
        let revision: String
        let name: String
        /// The owner as typed (an e-mail once saved), and the field's suggestions (value: e-mail, label: name).
        let owner: String
        let owners: [Choice]
        let vendor: String
        let model: String
        let purpose: String
        let dataSources: String
        let population: String
        /// Chosen only without an approving case.
        let tiers: [Choice]
        let tierFromCase: String?
        let hasTiers: Bool
        let statuses: [Choice]
        let hasStatuses: Bool
        let deployedOn: String
        let schedule: String
        let errors: [String: String]
        let error: String?
        /// The register's limits (`{{limits.…}}` is the layout's `LimitHints`, from any depth).
        let systemLimits: SystemLimits
    }

    struct CaseLine: Sendable {
        let href: String?
        let title: String
        let kind: String
        let status: String
        let decision: String?
        let decidedOn: String?
        let inForce: Bool
        let superseded: Bool
    }

    struct Label: Sendable {
        let name: String
        let articles: String
    }

    struct Condition: Sendable {
        let text: String
        let owner: String
        let due: String
        let met: Bool
        let overdue: Bool
    }

    struct Attestation: Sendable {
        let date: String
        let by: String
        let asApproved: Bool
        let note: String
    }

    struct ReReview: Sendable {
        let href: String
        let title: String
        let status: String
        let meetingHref: String?
        let meeting: String?
    }

    struct ChangeField: Sendable {
        let name: String
        let label: String
        let value: String
        let error: String?
        let multiline: Bool
        let limit: LimitHints.Limit
    }

    struct Show: Sendable {
        let id: Int64
        let name: String
        let status: String
        let statusKey: String
        let statusReason: String?
        let statusChanged: String?
        let owner: String
        let vendor: String
        let model: String
        let purpose: String
        let dataSources: String
        let population: String
        let tier: String
        let deployed: String?
        let nextReview: String
        let reviewOverdue: Bool
        let attestationDue: String?
        let attestationMissed: Bool
        let neverReviewed: Bool
        let cases: [CaseLine]
        let hasCases: Bool
        let decisionInForce: String?
        let approvalWithdrawn: Bool
        let aiActClass: String?
        let aiActLabels: [Label]
        let hasAIActLabels: Bool
        let conditions: [Condition]
        let hasConditions: Bool
        let attestations: [Attestation]
        let hasAttestations: Bool
        let reReview: ReReview?
        let editHref: String?
        let suspendHref: String?
        let resumeAction: String?
        let resumeLabel: String?
        let retireHref: String?
        let registerFromCase: String?
        let changeAction: String?
        let changeFields: [ChangeField]
        let changeExplanation: String
        let changeError: String?
        let attestAction: String?
        let attestOutcomes: [Choice]
        let attestNote: String
        let attestNoteError: String?
        let attestError: String?
        var formError: String?
        /// The register's limits (`{{limits.…}}` is the layout's `LimitHints`, from any depth).
        let systemLimits: SystemLimits
        /// Its incidents, paged, and the report button (issue 18, the incidents side).
        var incidents: IncidentPages.SystemSection? = nil
    }

    struct Suspend: Sendable {
        let name: String
        let action: String
        let backHref: String
        let reason: String
        let incident: String
        let errors: [String: String]
        let error: String?
        /// The register's limits (`{{limits.…}}` is the layout's `LimitHints`, from any depth).
        let systemLimits: SystemLimits
    }
}

/// The register's field limits, shown before they bite (`maxlength` and a hint).
struct SystemLimits: Sendable {
    static let name = FieldLimits.title
    static let vendor = 200
    static let model = 200
    static let purpose = 2000
    static let dataSources = 1000
    static let population = 1000
    static let reason = 2000
    static let incident = 40
    static let note = 2000

    let name: LimitHints.Limit
    let short: LimitHints.Limit
    let purpose: LimitHints.Limit
    let medium: LimitHints.Limit
    let reason: LimitHints.Limit
    let incident: LimitHints.Limit
    let model: LimitHints.Limit

    init(_ language: Language) {
        let text = Catalog.messages(language)[.limit_characters]
        func limit(_ max: Int) -> LimitHints.Limit {
            LimitHints.Limit(max: max, hint: text.replacingOccurrences(of: "{count}", with: NumberText.format(max, language)))
        }
        name = limit(Self.name); short = limit(Self.vendor); purpose = limit(Self.purpose); medium = limit(Self.dataSources)
        reason = limit(Self.reason); incident = limit(Self.incident); model = limit(Self.model)
    }
}
