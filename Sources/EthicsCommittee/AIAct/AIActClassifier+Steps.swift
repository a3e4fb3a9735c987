/// The classifier's steps, each the labels one part of the Regulation gives; `AIActClassifier.labels` orders them.
extension AIActClassifier {
    /// Out of scope: not an AI system (Art. 3(1)), or excluded by Art. 2.
    static func scopeLabel(_ a: [String: String]) -> AIActLabel? {
        if AIActQuestionnaire.isAISystem(a) == false {
            let answers = ["scope.ai_system", "scope.infers", "scope.autonomy"].filter { a[$0] != nil }
            return AIActLabel(.scope, "out_of_scope", point: "not_ai_system", articles: ["Art. 3(1)"], answers: answers)
        }
        if let exclusion = a["scope.exclusion"], exclusion != "none" {
            return AIActLabel(.scope, "out_of_scope", point: exclusion, articles: [exclusionArticles[exclusion] ?? "Art. 2"],
                              answers: ["scope.ai_system", "scope.exclusion"])
        }
        return nil
    }

    static func prohibitedLabels(_ a: [String: String]) -> [AIActLabel] {
        var classes: [AIActLabel] = []
        // 3. Prohibited practices, each unless its exception is claimed.
        for item in prohibitions where a[item.question] == "yes" {
            if let exception = item.exception, a[exception] == "yes" { continue }
            classes.append(AIActLabel(.riskClass, "prohibited", point: item.article, articles: [item.article],
                                      answers: [item.question] + (item.exception.map { [$0] } ?? [])))
        }
        return classes
    }

    /// The high-risk labels, and the Annex III points they rest on (Art. 27 reads them).
    static func highRiskLabels(_ a: [String: String]) -> (labels: [AIActLabel], annexPoints: [String]) {
        var classes: [AIActLabel] = []
        var annexPoints: [String] = []
        // 4. High-risk: Annex I product safety, Annex III uses (unless derogated), and the uses that
        // Art. 5 allows only as an exception, which Annex III lists.
        if a["annex1.safety_component"] == "yes" {
            classes.append(AIActLabel(.riskClass, "high_risk", point: "Annex I", articles: ["Art. 6(1)", "Annex I"],
                                      answers: ["annex1.safety_component"]))
        }
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
        return (classes, annexPoints)
    }

    static func transparencyLabels(_ a: [String: String]) -> [AIActLabel] {
        var classes: [AIActLabel] = []
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
        return classes
    }

    /// Minimal risk: no other class applies; it names every risk question answered.
    static func minimalLabel(_ a: [String: String]) -> AIActLabel {
        let asked = ["art5.", "annex1.", "annex3.", "art50."]
        return AIActLabel(.riskClass, "minimal", articles: ["Art. 4", "Art. 95"],
                          answers: AIActQuestionnaire.questions.map(\.id).filter { id in a[id] != nil && asked.contains { id.hasPrefix($0) } })
    }

    static func roleLabels(_ a: [String: String], highRisk: Bool) -> [AIActLabel] {
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
        return roles
    }

    static func friaLabels(_ a: [String: String], roles: [AIActLabel], riskClass: AIActClass, annexPoints: [String]) -> [AIActLabel] {
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
        return fria
    }

    static func gpaiLabels(_ a: [String: String]) -> [AIActLabel] {
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
        return gpai
    }
}
