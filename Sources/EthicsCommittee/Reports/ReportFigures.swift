import Foundation

/// The committee's figures for one year, counted over the cases the reader may open. Plain numbers:
/// the charts and the tables are both drawn from these, so they cannot disagree.
public struct ReportFigures: Sendable, Equatable {
    /// Cases opened in the year, by their status today (every status, zeros included).
    public var casesByStatus: [CaseStatus: Int] = [:]
    /// Decisions per quarter (index 0…3) and outcome; deferrals come from the timeline.
    public var decisions: [[DecisionOutcome: Int]] = Array(repeating: [:], count: 4)
    /// Decisions of each quarter with a first submission (those the median counts).
    public var decidedCount: [Int] = Array(repeating: 0, count: 4)
    /// The median of the days from a case's first submission to its decision (each rounded to a tenth), for each
    /// quarter and for the whole year, computed in SQL (nil when nothing was decided).
    public var medianQuarters: [Double?] = Array(repeating: nil, count: 4)
    public var medianYear: Double?
    /// Reviewer assignments due in the year, by what became of them.
    public var reviews: [ReviewTimeliness: Int] = [:]
    /// Cases opened in the year by AI Act class ("unclassified" while the questionnaire is incomplete), and by
    /// operator role (a provider that also deploys counts under both).
    public var aiActClasses: [String: Int] = [:]
    public var aiActRoles: [String: Int] = [:]
    /// Active members per expertise area (internal, external); "other" is left out, as on the composition page.
    public var expertise: [(area: ExpertiseArea, internal: Int, external: Int)] = []

    public var decisionsTotal: [DecisionOutcome: Int] {
        decisions.reduce(into: [:]) { total, quarter in for (outcome, count) in quarter { total[outcome, default: 0] += count } }
    }

    /// The median of each quarter, then of the whole year (nil when nothing was decided).
    public var medianDays: (quarters: [Double?], year: Double?) { (medianQuarters, medianYear) }

    public static func == (a: ReportFigures, b: ReportFigures) -> Bool {
        a.casesByStatus == b.casesByStatus && a.decisions == b.decisions && a.decidedCount == b.decidedCount
            && a.medianQuarters == b.medianQuarters && a.medianYear == b.medianYear
            && a.reviews == b.reviews && a.aiActClasses == b.aiActClasses && a.aiActRoles == b.aiActRoles && a.expertise.map { "\($0.area)\($0.internal)/\($0.external)" } == b.expertise.map { "\($0.area)\($0.internal)/\($0.external)" }
    }
}

/// The AI Act classes and roles the figures count, in the order the charts show them.
public enum AIActFigures {
    public static let classes = AIActClass.allCases.map(\.rawValue) + ["unclassified"]
    public static let roles = ["provider", "deployer", "importer", "distributor"]
}

/// What became of a reviewer's assignment (recused reviewers are left out).
public enum ReviewTimeliness: String, Sendable, CaseIterable {
    /// Written by the due date.
    case onTime = "on_time"
    /// Written after it.
    case late
    /// Not written, past due, the case still in review.
    case overdue
    /// Not written, not yet due.
    case pending
    /// Not written, and the case moved on without it.
    case notWritten = "not_written"
}

/// The annual report's figures beyond the charts: counted over the cases the reader may open.
public struct AnnualFigures: Sendable, Equatable {
    /// Cases first submitted in the year, and cases decided in it.
    public var casesReceived = 0
    public var casesDecided = 0
    /// Conditions set by the year's decisions.
    public var conditionsSet = 0
    public var conditionsMet = 0
    public var conditionsOpen = 0
    /// Open and past their due date.
    public var conditionsOverdue = 0
    public var meetings: [HeldMeeting] = []
    public var charterVersions: [PublishedVersion] = []
    /// Deliverables delivered in the year, by kind (counted in SQL), and the first of those other than opinions
    /// (an opinion is a decision, counted above), bounded: `deliverablesMore` says how many are left out.
    public var deliverableKinds: [DeliverableKind: Int] = [:]
    public var deliverables: [DeliveredItem] = []
    public var deliverablesMore = 0

    /// Present over recorded attendance (present, excused, absent), in per cent; nil without any record.
    public var attendanceRate: Double? {
        let recorded = meetings.reduce(0) { $0 + $1.recorded }
        return recorded == 0 ? nil : Double(meetings.reduce(0) { $0 + $1.present }) * 100 / Double(recorded)
    }

    public struct HeldMeeting: Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var startsAt: String
        public var invited: Int
        public var present: Int
        public var recorded: Int
    }
    public struct PublishedVersion: Sendable, Equatable {
        public var kind: String
        public var number: Int
        public var changeKind: String
        public var changeNote: String
        public var publishedAt: String
    }
    public struct DeliveredItem: Sendable, Equatable {
        public var title: String
        public var kind: DeliverableKind
        public var deliveredAt: String
    }
}
