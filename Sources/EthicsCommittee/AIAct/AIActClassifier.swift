import Foundation

/// One result of the classification, with what produced it: the answers (question ids) and the
/// articles. `code` is stored and filtered on; `point` says which point of an article or annex.
public struct AIActLabel: Sendable, Equatable {
    public enum Kind: String, Sendable { case scope, role, riskClass = "class", gpai, fria }
    public let kind: Kind
    public let code: String
    public let point: String
    public let articles: [String]
    public let answers: [String]

    public init(_ kind: Kind, _ code: String, point: String = "", articles: [String], answers: [String]) {
        self.kind = kind; self.code = code; self.point = point; self.articles = articles; self.answers = answers
    }
}

/// The class of a case under the AI Act, most severe first.
public enum AIActClass: String, Sendable, CaseIterable {
    case prohibited, highRisk = "high_risk", transparency, minimal, outOfScope = "out_of_scope"
}

/// The labels of a set of complete, consistent answers.
public struct AIActClassification: Sendable, Equatable {
    public let version: Int
    public let riskClass: AIActClass
    public let labels: [AIActLabel]

    public func has(_ code: String) -> Bool { labels.contains { $0.code == code } }
    public func labels(_ code: String) -> [AIActLabel] { labels.filter { $0.code == code } }
    public var friaRequired: Bool { has("fria") }
    /// The roles after Art. 25(1): "provider", "deployer", "importer", "distributor".
    public var roles: [String] { labels.filter { $0.kind == .role }.map(\.code) }
}

/// Answers that cannot be classified: the question concerned and the catalogue key of the reason.
public struct AIActProblem: Sendable, Equatable {
    public let question: String
    public let key: String
}

/// Answers → labels. Pure: the same answers always give the same labels, and every label names the
/// answers and articles behind it. This is decision support for the committee, not legal advice.
public enum AIActClassifier {
    public enum Outcome: Sendable, Equatable {
        case classified(AIActClassification)
        /// Asked questions without an answer, in questionnaire order.
        case incomplete([String])
        case refused([AIActProblem])
    }

    /// Contradictions and missing justifications, found even in a partial draft.
    public static func problems(_ raw: [String: String]) -> [AIActProblem] {
        let answers = AIActQuestionnaire.relevant(raw)
        var problems: [AIActProblem] = []
        if answers["art6_3.derogation"] == "yes" {
            // Art. 6(3), last subparagraph: an Annex III system that profiles people is always high-risk.
            if answers["art6_3.profiling"] == "yes" {
                problems.append(AIActProblem(question: "art6_3.derogation", key: "aiact_problem_profiling_derogation"))
            }
            // Art. 6(4): the provider documents why the system is not high-risk.
            let justification = (raw["art6_3.justification"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if justification.isEmpty {
                problems.append(AIActProblem(question: "art6_3.justification", key: "aiact_problem_justification_missing"))
            } else if justification.unicodeScalars.count > 2000 {
                problems.append(AIActProblem(question: "art6_3.justification", key: "error_too_long"))
            }
        }
        return problems
    }

    public static func classify(_ raw: [String: String]) -> Outcome {
        let problems = problems(raw)
        if !problems.isEmpty { return .refused(problems) }
        let missing = AIActQuestionnaire.unanswered(raw)
        if !missing.isEmpty { return .incomplete(missing.map(\.id)) }
        let a = AIActQuestionnaire.relevant(raw)
        return .classified(labels(a))
    }

    /// A high-risk or prohibited classification takes the high-risk review path (two reviews, one external,
    /// a decision in a meeting): `Readiness.assess` raises the tier.
    public static func demandsHighRiskPath(_ answers: [String: String]) -> Bool {
        guard case .classified(let result) = classify(answers) else { return false }
        return result.riskClass == .highRisk || result.riskClass == .prohibited
    }

    static let exclusionArticles = ["military": "Art. 2(3)", "research": "Art. 2(6)", "pre_market": "Art. 2(8)",
                                            "personal": "Art. 2(10)"]
    static let prohibitions: [(question: String, exception: String?, article: String)] = [
        ("art5.manipulation", nil, "Art. 5(1)(a)"),
        ("art5.vulnerabilities", nil, "Art. 5(1)(b)"),
        ("art5.social_scoring", nil, "Art. 5(1)(c)"),
        ("art5.crime_prediction", "art5.crime_prediction_facts", "Art. 5(1)(d)"),
        ("art5.face_scraping", nil, "Art. 5(1)(e)"),
        ("art5.emotion_workplace", "art5.emotion_medical_safety", "Art. 5(1)(f)"),
        ("art5.biometric_categorisation", "art5.biometric_lawful_dataset", "Art. 5(1)(g)"),
        ("art5.remote_biometric_id", "art5.remote_biometric_exception", "Art. 5(1)(h)"),
    ]
    static let roleArticles = ["provider": "Art. 3(3)", "deployer": "Art. 3(4)", "importer": "Art. 3(6)", "distributor": "Art. 3(7)"]

    /// "4a" → "4(a)", "2" → "2": the Annex III point as the Regulation writes it.
    public static func annexPoint(_ point: String) -> String {
        guard point.count == 2, let letter = point.last, letter.isLetter else { return point }
        return "\(point.first!)(\(letter))"
    }

    private static func labels(_ a: [String: String]) -> AIActClassification {
        let v = AIActQuestionnaire.version
        // 1. Scope: not an AI system, or excluded by Art. 2 — nothing else applies.
        if let outOfScope = scopeLabel(a) { return AIActClassification(version: v, riskClass: .outOfScope, labels: [outOfScope]) }
        let (highRiskClasses, annexPoints) = highRiskLabels(a)
        var classes = prohibitedLabels(a) + highRiskClasses
        let highRisk = classes.contains { $0.code == "high_risk" }
        classes += transparencyLabels(a)
        let riskClass: AIActClass = classes.contains { $0.code == "prohibited" } ? .prohibited
            : highRisk ? .highRisk : classes.contains { $0.code == "transparency" } ? .transparency : .minimal
        if riskClass == .minimal { classes.append(minimalLabel(a)) }
        let roles = roleLabels(a, highRisk: highRisk)
        let fria = friaLabels(a, roles: roles, riskClass: riskClass, annexPoints: annexPoints)
        return AIActClassification(version: v, riskClass: riskClass, labels: roles + classes + fria + gpaiLabels(a))
    }
}
