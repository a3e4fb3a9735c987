/// The AI Act questionnaire: what the project owner answers at intake, in the order of the Regulation's
/// own reasoning (scope, role, prohibited practices, high-risk, transparency, general-purpose models).
/// Each question cites the article of Regulation (EU) 2024/1689 it comes from; its wording lives in the
/// catalogue (`aiact_q_<id>` with `_` for `.`), written in our own words from the Regulation.
///
/// The questionnaire carries a version: a case records the version that classified it, and a change to
/// the questions or to the rules of `AIActClassifier` that can change a label raises the version.
public enum AIActQuestionnaire {
    public static let version = 1

    public enum Kind: Sendable, Equatable {
        case yesNo
        /// One of these values.
        case choice([String])
        /// Free text, at most this many characters.
        case text(Int)
    }

    public enum Section: String, Sendable, CaseIterable {
        case scope, role, prohibited, highRisk = "high_risk", transparency, gpai
    }

    public struct Question: Sendable, Equatable {
        public let id: String
        public let section: Section
        public let article: String
        public let kind: Kind
        /// Asked only when this holds for the answers given so far; an asked question is required.
        let asked: @Sendable ([String: String]) -> Bool

        public static func == (a: Question, b: Question) -> Bool { a.id == b.id }

        /// The catalogue key of the wording (and `<key>_hint` of its explanation).
        public var key: String { "aiact_q_" + id.replacingOccurrences(of: ".", with: "_") }
        public var domId: String { "aiact-" + id.replacingOccurrences(of: ".", with: "-") }

        public func isAsked(_ answers: [String: String]) -> Bool { asked(answers) }

        /// The values this question accepts (nil for free text).
        public var values: [String]? {
            switch kind {
            case .yesNo: ["yes", "no"]
            case .choice(let values): values
            case .text: nil
            }
        }
    }

    /// The Annex III points: area number and letter, as the Regulation numbers them.
    public static let annexIIIPoints = ["1a", "1b", "1c", "2", "3a", "3b", "3c", "3d", "4a", "4b", "5a", "5b", "5c", "5d",
                                        "6a", "6b", "6c", "6d", "6e", "7a", "7b", "7c", "7d", "8a", "8b"]

    /// The Art. 2 exclusions this questionnaire asks about.
    public static let exclusions = ["none", "military", "research", "pre_market", "personal"]
    public static let roles = ["provider", "deployer", "provider_deployer", "importer", "distributor"]
    /// Roles that may become a provider under Art. 25(1).
    static let notProvider = ["deployer", "importer", "distributor"]
    public static let gpaiKinds = ["none", "model", "modified_model", "system"]

    /// In scope so far: an AI system (or a general-purpose model) and not excluded.
    static func inScope(_ a: [String: String]) -> Bool { isAISystem(a) == true && (a["scope.exclusion"] ?? "none") == "none" }

    /// Art. 3(1): "yes", or "unsure" settled by the two definition tests; nil while undecided.
    static func isAISystem(_ a: [String: String]) -> Bool? {
        switch a["scope.ai_system"] {
        case "yes": return true
        case "no": return false
        case "unsure":
            guard let infers = a["scope.infers"], let autonomy = a["scope.autonomy"] else { return nil }
            return infers == "yes" && autonomy == "yes"
        default: return nil
        }
    }

    static func annexIII(_ a: [String: String]) -> String? {
        guard let point = a["annex3.use"], point != "none" else { return nil }
        return point
    }

    public static let questions: [Question] = [
        // 1. Scope
        Question(id: "scope.ai_system", section: .scope, article: "Art. 3(1)", kind: .choice(["yes", "no", "unsure"]), asked: { _ in true }),
        Question(id: "scope.infers", section: .scope, article: "Art. 3(1)", kind: .yesNo, asked: { $0["scope.ai_system"] == "unsure" }),
        Question(id: "scope.autonomy", section: .scope, article: "Art. 3(1)", kind: .yesNo, asked: { $0["scope.ai_system"] == "unsure" }),
        Question(id: "scope.exclusion", section: .scope, article: "Art. 2(3), 2(6), 2(8), 2(10)", kind: .choice(exclusions),
                 asked: { isAISystem($0) == true }),
        // 2. Operator role
        Question(id: "role.operator", section: .role, article: "Art. 3(3), 3(4), 3(6), 3(7)", kind: .choice(roles), asked: { inScope($0) }),
        Question(id: "role.own_name", section: .role, article: "Art. 25(1)(a)", kind: .yesNo,
                 asked: { inScope($0) && notProvider.contains($0["role.operator"] ?? "") }),
        Question(id: "role.substantial_modification", section: .role, article: "Art. 25(1)(b)", kind: .yesNo,
                 asked: { inScope($0) && notProvider.contains($0["role.operator"] ?? "") }),
        Question(id: "role.new_purpose", section: .role, article: "Art. 25(1)(c)", kind: .yesNo,
                 asked: { inScope($0) && notProvider.contains($0["role.operator"] ?? "") }),
        // 3. Prohibited practices
        Question(id: "art5.manipulation", section: .prohibited, article: "Art. 5(1)(a)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art5.vulnerabilities", section: .prohibited, article: "Art. 5(1)(b)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art5.social_scoring", section: .prohibited, article: "Art. 5(1)(c)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art5.crime_prediction", section: .prohibited, article: "Art. 5(1)(d)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art5.crime_prediction_facts", section: .prohibited, article: "Art. 5(1)(d)", kind: .yesNo,
                 asked: { inScope($0) && $0["art5.crime_prediction"] == "yes" }),
        Question(id: "art5.face_scraping", section: .prohibited, article: "Art. 5(1)(e)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art5.emotion_workplace", section: .prohibited, article: "Art. 5(1)(f)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art5.emotion_medical_safety", section: .prohibited, article: "Art. 5(1)(f)", kind: .yesNo,
                 asked: { inScope($0) && $0["art5.emotion_workplace"] == "yes" }),
        Question(id: "art5.biometric_categorisation", section: .prohibited, article: "Art. 5(1)(g)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art5.biometric_lawful_dataset", section: .prohibited, article: "Art. 5(1)(g)", kind: .yesNo,
                 asked: { inScope($0) && $0["art5.biometric_categorisation"] == "yes" }),
        Question(id: "art5.remote_biometric_id", section: .prohibited, article: "Art. 5(1)(h)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art5.remote_biometric_exception", section: .prohibited, article: "Art. 5(1)(h)(i)-(iii), 5(2)-(3)", kind: .yesNo,
                 asked: { inScope($0) && $0["art5.remote_biometric_id"] == "yes" }),
        // 4. High-risk
        Question(id: "annex1.safety_component", section: .highRisk, article: "Art. 6(1), Annex I", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "annex3.use", section: .highRisk, article: "Art. 6(2), Annex III", kind: .choice(["none"] + annexIIIPoints), asked: { inScope($0) }),
        Question(id: "art6_3.profiling", section: .highRisk, article: "Art. 6(3), last subparagraph", kind: .yesNo,
                 asked: { inScope($0) && annexIII($0) != nil }),
        Question(id: "art6_3.derogation", section: .highRisk, article: "Art. 6(3)", kind: .yesNo,
                 asked: { inScope($0) && annexIII($0) != nil }),
        Question(id: "art6_3.justification", section: .highRisk, article: "Art. 6(3)-(4)", kind: .text(2000),
                 asked: { inScope($0) && annexIII($0) != nil && $0["art6_3.derogation"] == "yes" }),
        Question(id: "fria.public_service", section: .highRisk, article: "Art. 27(1)", kind: .yesNo,
                 asked: { inScope($0) && annexIII($0) != nil && ["deployer", "provider_deployer"].contains($0["role.operator"] ?? "") }),
        // 5. Transparency
        Question(id: "art50.interacts", section: .transparency, article: "Art. 50(1)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art50.synthetic", section: .transparency, article: "Art. 50(2)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art50.emotion_biometric", section: .transparency, article: "Art. 50(3)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art50.deep_fake", section: .transparency, article: "Art. 50(4)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art50.public_text", section: .transparency, article: "Art. 50(4)", kind: .yesNo, asked: { inScope($0) }),
        Question(id: "art50.editorial_review", section: .transparency, article: "Art. 50(4)", kind: .yesNo,
                 asked: { inScope($0) && $0["art50.public_text"] == "yes" }),
        // 6. General-purpose AI
        Question(id: "gpai.kind", section: .gpai, article: "Art. 3(63), 3(66)", kind: .choice(gpaiKinds), asked: { inScope($0) }),
        Question(id: "gpai.compute", section: .gpai, article: "Art. 51(2)", kind: .yesNo,
                 asked: { inScope($0) && ["model", "modified_model"].contains($0["gpai.kind"] ?? "") }),
        Question(id: "gpai.open_source", section: .gpai, article: "Art. 53(2), 54(6)", kind: .yesNo,
                 asked: { inScope($0) && ["model", "modified_model"].contains($0["gpai.kind"] ?? "") }),
    ]

    public static let byId: [String: Question] = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) })

    /// The questions asked for these answers that have no answer, in questionnaire order.
    public static func unanswered(_ answers: [String: String]) -> [Question] {
        questions.filter { $0.isAsked(answers) && (answers[$0.id] ?? "").isEmpty }
    }

    /// Only the answers to questions asked, with accepted values (a changed answer may hide follow-ups).
    public static func relevant(_ answers: [String: String]) -> [String: String] {
        var kept: [String: String] = [:]
        for question in questions where question.isAsked(answers) {
            guard let answer = answers[question.id], !answer.isEmpty else { continue }
            if let values = question.values, !values.contains(answer) { continue }
            kept[question.id] = answer
        }
        return kept
    }
}

/// The label codes the case list filters on.
public enum AIActFilter {
    public static let codes = ["prohibited", "high_risk", "transparency", "minimal", "out_of_scope", "derogation", "fria",
                               "gpai_model", "gpai_systemic", "gpai_system", outdated]
    /// Not a label: open or approved cases classified with an earlier questionnaire version, to re-classify
    /// (staff ask the project owner for information; saving the form classifies with the current version).
    public static let outdated = "outdated"
}
