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

    private static let exclusionArticles = ["military": "Art. 2(3)", "research": "Art. 2(6)", "pre_market": "Art. 2(8)",
                                            "personal": "Art. 2(10)"]
    private static let prohibitions: [(question: String, exception: String?, article: String)] = [
        ("art5.manipulation", nil, "Art. 5(1)(a)"),
        ("art5.vulnerabilities", nil, "Art. 5(1)(b)"),
        ("art5.social_scoring", nil, "Art. 5(1)(c)"),
        ("art5.crime_prediction", "art5.crime_prediction_facts", "Art. 5(1)(d)"),
        ("art5.face_scraping", nil, "Art. 5(1)(e)"),
        ("art5.emotion_workplace", "art5.emotion_medical_safety", "Art. 5(1)(f)"),
        ("art5.biometric_categorisation", "art5.biometric_lawful_dataset", "Art. 5(1)(g)"),
        ("art5.remote_biometric_id", "art5.remote_biometric_exception", "Art. 5(1)(h)"),
    ]
    private static let roleArticles = ["provider": "Art. 3(3)", "deployer": "Art. 3(4)", "importer": "Art. 3(6)", "distributor": "Art. 3(7)"]

    /// "4a" → "4(a)", "2" → "2": the Annex III point as the Regulation writes it.
    public static func annexPoint(_ point: String) -> String {
        guard point.count == 2, let letter = point.last, letter.isLetter else { return point }
        return "\(point.first!)(\(letter))"
    }

    private static func labels(_ a: [String: String]) -> AIActClassification {
        let v = AIActQuestionnaire.version
        // 1. Scope: not an AI system, or excluded by Art. 2 — nothing else applies.
        if AIActQuestionnaire.isAISystem(a) == false {
            let answers = ["scope.ai_system", "scope.infers", "scope.autonomy"].filter { a[$0] != nil }
            return AIActClassification(version: v, riskClass: .outOfScope,
                                       labels: [AIActLabel(.scope, "out_of_scope", point: "not_ai_system", articles: ["Art. 3(1)"], answers: answers)])
        }
        if let exclusion = a["scope.exclusion"], exclusion != "none" {
            return AIActClassification(version: v, riskClass: .outOfScope, labels: [
                AIActLabel(.scope, "out_of_scope", point: exclusion, articles: [exclusionArticles[exclusion] ?? "Art. 2"],
                           answers: ["scope.ai_system", "scope.exclusion"])])
        }
        var classes: [AIActLabel] = []
        // 3. Prohibited practices, each unless its exception is claimed.
        for item in prohibitions where a[item.question] == "yes" {
            if let exception = item.exception, a[exception] == "yes" { continue }
            classes.append(AIActLabel(.riskClass, "prohibited", point: item.article, articles: [item.article],
                                      answers: [item.question] + (item.exception.map { [$0] } ?? [])))
        }
        // 4. High-risk: Annex I product safety, Annex III uses (unless derogated), and the uses that
        // Art. 5 allows only as an exception, which Annex III lists.
        if a["annex1.safety_component"] == "yes" {
            classes.append(AIActLabel(.riskClass, "high_risk", point: "Annex I", articles: ["Art. 6(1)", "Annex I"],
                                      answers: ["annex1.safety_component"]))
        }
        var annexPoints: [String] = []
        var derogated = false
        if let point = AIActQuestionnaire.annexIII(a) {
            if a["art6_3.derogation"] == "yes" {
                derogated = true
                classes.append(AIActLabel(.riskClass, "derogation", point: "Annex III " + annexPoint(point),
                                          articles: ["Art. 6(3)", "Art. 6(4)", "Art. 49(2)"],
                                          answers: ["annex3.use", "art6_3.profiling", "art6_3.derogation", "art6_3.justification"]))
            } else {
                annexPoints.append(point)
                let profiling = a["art6_3.profiling"] == "yes"
                classes.append(AIActLabel(.riskClass, "high_risk", point: "Annex III " + annexPoint(point),
                                          articles: ["Art. 6(2)", "Annex III " + annexPoint(point)] + (profiling ? ["Art. 6(3), last subparagraph"] : []),
                                          answers: ["annex3.use", "art6_3.profiling", "art6_3.derogation"]))
            }
        }
        let excepted: [(question: String, exception: String, point: String)] = [
            ("art5.emotion_workplace", "art5.emotion_medical_safety", "1c"),
            ("art5.remote_biometric_id", "art5.remote_biometric_exception", "1a"),
        ]
        for item in excepted where a[item.question] == "yes" && a[item.exception] == "yes" && !annexPoints.contains(item.point) && !derogated {
            annexPoints.append(item.point)
            classes.append(AIActLabel(.riskClass, "high_risk", point: "Annex III " + annexPoint(item.point),
                                      articles: ["Art. 6(2)", "Annex III " + annexPoint(item.point)], answers: [item.question, item.exception]))
        }
        let highRisk = classes.contains { $0.code == "high_risk" }
        // 5. Transparency, Art. 50.
        if a["art50.interacts"] == "yes" {
            classes.append(AIActLabel(.riskClass, "transparency", point: "Art. 50(1)", articles: ["Art. 50(1)"], answers: ["art50.interacts"]))
        }
        if a["art50.synthetic"] == "yes" {
            classes.append(AIActLabel(.riskClass, "transparency", point: "Art. 50(2)", articles: ["Art. 50(2)"], answers: ["art50.synthetic"]))
        }
        let emotionAllowed = a["art5.emotion_workplace"] == "yes" && a["art5.emotion_medical_safety"] == "yes"
        if a["art50.emotion_biometric"] == "yes" || emotionAllowed {
            classes.append(AIActLabel(.riskClass, "transparency", point: "Art. 50(3)", articles: ["Art. 50(3)"],
                                      answers: ["art50.emotion_biometric"] + (emotionAllowed ? ["art5.emotion_workplace"] : [])))
        }
        if a["art50.deep_fake"] == "yes" {
            classes.append(AIActLabel(.riskClass, "transparency", point: "Art. 50(4)", articles: ["Art. 50(4), first subparagraph"],
                                      answers: ["art50.deep_fake"]))
        }
        if a["art50.public_text"] == "yes" && a["art50.editorial_review"] != "yes" {
            classes.append(AIActLabel(.riskClass, "transparency", point: "Art. 50(4) text", articles: ["Art. 50(4), second subparagraph"],
                                      answers: ["art50.public_text", "art50.editorial_review"]))
        }
        let riskClass: AIActClass = classes.contains { $0.code == "prohibited" } ? .prohibited
            : highRisk ? .highRisk : classes.contains { $0.code == "transparency" } ? .transparency : .minimal
        if riskClass == .minimal {
            let asked = ["art5.", "annex1.", "annex3.", "art50."]
            classes.append(AIActLabel(.riskClass, "minimal", articles: ["Art. 4", "Art. 95"],
                                      answers: AIActQuestionnaire.questions.map(\.id).filter { id in a[id] != nil && asked.contains { id.hasPrefix($0) } }))
        }
        // 2. Role, after the class: Art. 25(1) makes a deployer, importer or distributor the provider of a high-risk system.
        var roles: [AIActLabel] = []
        let operator_ = a["role.operator"] ?? "provider"
        let becameProvider: (String, String)? = !highRisk ? nil
            : a["role.own_name"] == "yes" ? ("role.own_name", "Art. 25(1)(a)")
            : a["role.substantial_modification"] == "yes" ? ("role.substantial_modification", "Art. 25(1)(b)")
            : a["role.new_purpose"] == "yes" ? ("role.new_purpose", "Art. 25(1)(c)") : nil
        if let became = becameProvider {
            let (question, article) = became
            roles.append(AIActLabel(.role, "provider", point: article, articles: [article, "Art. 16"], answers: ["role.operator", question]))
        } else if operator_ == "provider_deployer" {
            roles.append(AIActLabel(.role, "provider", articles: ["Art. 3(3)"], answers: ["role.operator"]))
            roles.append(AIActLabel(.role, "deployer", articles: ["Art. 3(4)"], answers: ["role.operator"]))
        } else {
            roles.append(AIActLabel(.role, operator_, articles: [roleArticles[operator_] ?? "Art. 3"], answers: ["role.operator"]))
        }
        // Art. 27(1): deployers that are public bodies or provide public services, and deployers of 5(b)/5(c),
        // assess fundamental-rights impact before using an Annex III system (point 2 excepted).
        var fria: [AIActLabel] = []
        if roles.contains(where: { $0.code == "deployer" }), riskClass != .prohibited {
            if let point = annexPoints.first(where: { ["5b", "5c"].contains($0) }) {
                fria.append(AIActLabel(.fria, "fria", point: "Annex III " + annexPoint(point), articles: ["Art. 27(1)"],
                                       answers: ["role.operator", "annex3.use"]))
            } else if a["fria.public_service"] == "yes", annexPoints.contains(where: { $0 != "2" }) {
                fria.append(AIActLabel(.fria, "fria", point: "public_service", articles: ["Art. 27(1)"],
                                       answers: ["role.operator", "annex3.use", "fria.public_service"]))
            }
        }
        // 6. General-purpose AI.
        var gpai: [AIActLabel] = []
        switch a["gpai.kind"] ?? "none" {
        case "model", "modified_model":
            let modified = a["gpai.kind"] == "modified_model"
            let systemic = a["gpai.compute"] == "yes"
            gpai.append(AIActLabel(.gpai, "gpai_model", point: modified ? "modification" : "",
                                   articles: ["Art. 3(63)", "Art. 53(1)"] + (modified ? ["Recital 109"] : []), answers: ["gpai.kind"]))
            if systemic {
                gpai.append(AIActLabel(.gpai, "gpai_systemic", articles: ["Art. 51(1)(a)", "Art. 51(2)", "Art. 55"], answers: ["gpai.compute"]))
            }
            // The open-source exemptions never cover a model with systemic risk.
            if a["gpai.open_source"] == "yes" && !systemic {
                gpai.append(AIActLabel(.gpai, "gpai_open_source", articles: ["Art. 53(2)", "Art. 54(6)"],
                                       answers: ["gpai.open_source", "gpai.compute"]))
            }
        case "system":
            gpai.append(AIActLabel(.gpai, "gpai_system", articles: ["Art. 3(66)"], answers: ["gpai.kind"]))
        default: break
        }
        return AIActClassification(version: v, riskClass: riskClass, labels: roles + classes + fria + gpai)
    }
}
