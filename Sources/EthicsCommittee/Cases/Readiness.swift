/// The readiness assessment, built on the six prerequisites of the seed article. Each question is
/// phrased so that "yes" means ready; the question ids are stored, their wording is in the catalogue
/// (`readiness_<area>_<question>`).
public enum Readiness {
    public enum Answer: String, Sendable, CaseIterable {
        case yes, partly, no
        var points: Int { switch self { case .yes: 2; case .partly: 1; case .no: 0 } }
    }

    public struct Area: Sendable {
        public let id: String
        public let questions: [String]
    }

    public static let areas: [Area] = [
        Area(id: "governance", questions: ["purpose", "affected", "oversight", "disclosure"]),
        Area(id: "data", questions: ["legal_basis", "dpa", "retention", "dpo"]),
        Area(id: "crisis", questions: ["fallback", "escalation", "feedback", "owner"]),
        Area(id: "quality", questions: ["centralised", "structured", "maintained"]),
        Area(id: "training", questions: ["fundamentals", "practice", "errors", "ethics"]),
        Area(id: "change", questions: ["roles", "communication", "feedback", "champions"]),
    ]

    /// Every question id, as stored: `area.question`.
    public static var questionIds: [String] { areas.flatMap { area in area.questions.map { "\(area.id).\($0)" } } }

    /// Score of an area from 0 to 100: yes counts 2, partly 1, no or unanswered 0.
    public static func score(_ area: Area, answers: [String: Answer]) -> Int {
        let points = area.questions.reduce(0) { $0 + (answers["\(area.id).\($1)"]?.points ?? 0) }
        return points * 100 / (area.questions.count * 2)
    }

    /// Why a case gets its tier: each reason is a catalogue key shown on the case.
    public struct Assessment: Sendable, Equatable {
        public let tier: RiskTier
        public let reasons: [String]
        public let scores: [String: Int]
    }

    /// The rule, written down once and shown to users:
    /// - high when the project faces customers, processes personal data and has no fallback plan
    ///   for when the AI fails (crisis.fallback not answered "yes");
    /// - high when any area scores below 34;
    /// - medium when the project faces customers, processes personal data, or any area scores below 67;
    /// - low otherwise.
    /// - high when the AI Act classification is high-risk or prohibited (`aiActHighRisk`).
    /// The area scores the rule compares with (percentages).
    public static let veryLowBelow = 34, lowBelow = 67
    /// The threshold a tier reason names, filled into its `{percent}` by the number formatter.
    public static let reasonThresholds = ["tier_reason_area_very_low": veryLowBelow, "tier_reason_area_low": lowBelow,
                                          "tier_reason_ready": lowBelow]

    public static func assess(customerFacing: Bool, personalData: Bool, answers: [String: Answer],
                              aiActHighRisk: Bool = false) -> Assessment {
        let scores = Dictionary(uniqueKeysWithValues: areas.map { ($0.id, score($0, answers: answers)) })
        var high: [String] = [], medium: [String] = []
        if aiActHighRisk { high.append("tier_reason_ai_act") }
        if customerFacing && personalData && answers["crisis.fallback"] != .yes { high.append("tier_reason_no_fallback") }
        if scores.values.contains(where: { $0 < veryLowBelow }) { high.append("tier_reason_area_very_low") }
        if customerFacing { medium.append("tier_reason_customer_facing") }
        if personalData { medium.append("tier_reason_personal_data") }
        if scores.values.contains(where: { $0 >= veryLowBelow && $0 < lowBelow }) { medium.append("tier_reason_area_low") }
        if !high.isEmpty { return Assessment(tier: .high, reasons: high + medium, scores: scores) }
        if !medium.isEmpty { return Assessment(tier: .medium, reasons: medium, scores: scores) }
        return Assessment(tier: .low, reasons: ["tier_reason_ready"], scores: scores)
    }

    /// Questions answered "no" or "partly", the gaps listed on the case.
    public static func gaps(_ answers: [String: Answer]) -> [String] {
        questionIds.filter { answers[$0] != .yes }
    }
}

/// What the tier requires before a decision.
public struct ReviewPath: Sendable, Equatable {
    public let minimumReviews: Int
    public let needsExternalReviewer: Bool
    /// High-risk cases are decided only in a meeting; others may be decided by written procedure.
    public let decisionInMeeting: Bool

    public init(tier: RiskTier) {
        switch tier {
        case .high: self.init(minimumReviews: 2, needsExternalReviewer: true, decisionInMeeting: true)
        case .medium: self.init(minimumReviews: 1, needsExternalReviewer: false, decisionInMeeting: false)
        case .low: self.init(minimumReviews: 1, needsExternalReviewer: false, decisionInMeeting: false)
        }
    }

    init(minimumReviews: Int, needsExternalReviewer: Bool, decisionInMeeting: Bool) {
        self.minimumReviews = minimumReviews; self.needsExternalReviewer = needsExternalReviewer
        self.decisionInMeeting = decisionInMeeting
    }

    /// The catalogue key of what is still missing before a decision, or nil when the path is complete.
    public func missing(reviews: Int, externalReviews: Int) -> String? {
        if reviews < minimumReviews { return "path_missing_reviews" }
        if needsExternalReviewer && externalReviews == 0 { return "path_missing_external" }
        return nil
    }
}
