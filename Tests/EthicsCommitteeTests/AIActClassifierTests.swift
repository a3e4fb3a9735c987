import Testing
@testable import EthicsCommittee

/// The AI Act classifier on realistic projects: each row gives the answers that differ from a plain
/// in-scope project answering "no" everywhere, and the labels expected as "code point" with their articles.
@Suite struct AIActClassifierTests {
    /// An AI system, in scope, provided by us, answering no to every practice and use.
    static let plain: [String: String] = {
        var a = ["scope.ai_system": "yes", "scope.exclusion": "none", "role.operator": "provider", "annex3.use": "none",
                 "gpai.kind": "none"]
        for question in AIActQuestionnaire.questions where question.kind == .yesNo { a[question.id] = a[question.id] ?? "no" }
        return a
    }()

    struct Project: Sendable, CustomTestStringConvertible {
        let name: String
        let answers: [String: String]
        let riskClass: AIActClass
        /// "code point" of each label, in order.
        let labels: [String]
        /// Articles that must be among those the labels cite.
        let articles: [String]
        var testDescription: String { name }
    }

    static let projects: [Project] = [
        Project(name: "customer-service chatbot", answers: ["art50.interacts": "yes", "role.operator": "deployer", "gpai.kind": "system"],
                riskClass: .transparency, labels: ["deployer", "transparency Art. 50(1)", "gpai_system"],
                articles: ["Art. 50(1)", "Art. 3(4)", "Art. 3(66)"]),
        Project(name: "e-mail triage assistant", answers: ["role.operator": "provider_deployer"],
                riskClass: .minimal, labels: ["provider", "deployer", "minimal"], articles: ["Art. 4", "Art. 95"]),
        Project(name: "CV screening", answers: ["role.operator": "deployer", "annex3.use": "4a", "art6_3.profiling": "yes"],
                riskClass: .highRisk, labels: ["deployer", "high_risk Annex III 4(a)"],
                articles: ["Art. 6(2)", "Annex III 4(a)", "Art. 6(3), last subparagraph"]),
        Project(name: "credit scoring", answers: ["role.operator": "deployer", "annex3.use": "5b", "art6_3.profiling": "yes"],
                riskClass: .highRisk, labels: ["deployer", "high_risk Annex III 5(b)", "fria Annex III 5(b)"],
                articles: ["Annex III 5(b)", "Art. 27(1)"]),
        Project(name: "emotion recognition of call-centre staff", answers: ["art5.emotion_workplace": "yes", "role.operator": "deployer"],
                riskClass: .prohibited, labels: ["deployer", "prohibited Art. 5(1)(f)"], articles: ["Art. 5(1)(f)"]),
        Project(name: "emotion recognition of call-centre staff, for safety",
                answers: ["art5.emotion_workplace": "yes", "art5.emotion_medical_safety": "yes", "role.operator": "deployer"],
                riskClass: .highRisk, labels: ["deployer", "high_risk Annex III 1(c)", "transparency Art. 50(3)"],
                articles: ["Annex III 1(c)", "Art. 50(3)"]),
        Project(name: "deployer rebranding a high-risk system",
                answers: ["role.operator": "deployer", "role.own_name": "yes", "annex3.use": "4b"],
                riskClass: .highRisk, labels: ["provider Art. 25(1)(a)", "high_risk Annex III 4(b)"], articles: ["Art. 25(1)(a)", "Art. 16"]),
        Project(name: "deployer rebranding a minimal system stays deployer", answers: ["role.operator": "deployer", "role.own_name": "yes"],
                riskClass: .minimal, labels: ["deployer", "minimal"], articles: ["Art. 3(4)"]),
        Project(name: "fine-tuned GPAI model, open source",
                answers: ["gpai.kind": "modified_model", "gpai.compute": "no", "gpai.open_source": "yes", "art50.synthetic": "yes"],
                riskClass: .transparency,
                labels: ["provider", "transparency Art. 50(2)", "gpai_model modification", "gpai_open_source"],
                articles: ["Art. 3(63)", "Art. 53(1)", "Recital 109", "Art. 53(2)", "Art. 50(2)"]),
        Project(name: "frontier model above 10^25 FLOP, open weights",
                answers: ["gpai.kind": "model", "gpai.compute": "yes", "gpai.open_source": "yes", "art50.synthetic": "yes"],
                riskClass: .transparency, labels: ["provider", "transparency Art. 50(2)", "gpai_model", "gpai_systemic"],
                articles: ["Art. 51(2)", "Art. 55"]),
        Project(name: "spreadsheet macro, not an AI system", answers: ["scope.ai_system": "unsure", "scope.infers": "no", "scope.autonomy": "yes"],
                riskClass: .outOfScope, labels: ["out_of_scope not_ai_system"], articles: ["Art. 3(1)"]),
        Project(name: "research prototype before the market", answers: ["scope.exclusion": "pre_market"],
                riskClass: .outOfScope, labels: ["out_of_scope pre_market"], articles: ["Art. 2(8)"]),
        Project(name: "contract clause summariser with a derogation",
                answers: ["annex3.use": "8a", "art6_3.derogation": "yes", "art6_3.justification": "It only prepares a list of clauses a lawyer reviews."],
                riskClass: .minimal, labels: ["provider", "derogation Annex III 8(a)", "minimal"], articles: ["Art. 6(3)", "Art. 6(4)", "Art. 49(2)"]),
        Project(name: "public benefits eligibility at a municipality",
                answers: ["role.operator": "deployer", "annex3.use": "5a", "fria.public_service": "yes"],
                riskClass: .highRisk, labels: ["deployer", "high_risk Annex III 5(a)", "fria public_service"], articles: ["Art. 27(1)", "Annex III 5(a)"]),
        Project(name: "grid load balancer at a public utility: no FRIA for point 2",
                answers: ["role.operator": "deployer", "annex3.use": "2", "fria.public_service": "yes"],
                riskClass: .highRisk, labels: ["deployer", "high_risk Annex III 2"], articles: ["Annex III 2"]),
        Project(name: "predictive maintenance in a lift (Annex I)", answers: ["annex1.safety_component": "yes"],
                riskClass: .highRisk, labels: ["provider", "high_risk Annex I"], articles: ["Art. 6(1)", "Annex I"]),
        Project(name: "marketing images generator", answers: ["art50.synthetic": "yes", "art50.deep_fake": "yes", "role.operator": "deployer"],
                riskClass: .transparency, labels: ["deployer", "transparency Art. 50(2)", "transparency Art. 50(4)"], articles: ["Art. 50(4), first subparagraph"]),
        Project(name: "newsletter drafting with editorial review", answers: ["art50.public_text": "yes", "art50.editorial_review": "yes"],
                riskClass: .minimal, labels: ["provider", "minimal"], articles: ["Art. 4"]),
        Project(name: "social scoring of customers", answers: ["art5.social_scoring": "yes", "annex3.use": "5b", "art6_3.profiling": "yes", "role.operator": "deployer"],
                riskClass: .prohibited, labels: ["deployer", "prohibited Art. 5(1)(c)", "high_risk Annex III 5(b)"], articles: ["Art. 5(1)(c)"]),
        Project(name: "importer of a recruitment tool", answers: ["role.operator": "importer", "annex3.use": "4a", "art6_3.profiling": "yes"],
                riskClass: .highRisk, labels: ["importer", "high_risk Annex III 4(a)"], articles: ["Art. 3(6)"]),
    ]

    @Test(arguments: projects) func classifies(_ project: Project) throws {
        let answers = Self.plain.merging(project.answers) { $1 }
        guard case .classified(let result) = AIActClassifier.classify(answers) else {
            Issue.record("\(project.name): \(AIActClassifier.classify(answers))"); return
        }
        #expect(result.riskClass == project.riskClass)
        #expect(result.labels.map { $0.point.isEmpty ? $0.code : "\($0.code) \($0.point)" } == project.labels)
        let cited = Set(result.labels.flatMap(\.articles))
        for article in project.articles { #expect(cited.contains(article), "\(article) in \(cited.sorted())") }
        // Every label names the answers behind it, and only questions of the questionnaire.
        for label in result.labels {
            #expect(!label.answers.isEmpty && !label.articles.isEmpty, "\(label.code)")
            for id in label.answers { #expect(AIActQuestionnaire.byId[id] != nil, "\(id)") }
        }
        #expect(result.version == AIActQuestionnaire.version)
    }

    @Test func profilingWithDerogationIsRefused() {
        let answers = Self.plain.merging(["annex3.use": "4a", "art6_3.profiling": "yes", "art6_3.derogation": "yes",
                                          "art6_3.justification": "Only ranks applications."]) { $1 }
        #expect(AIActClassifier.classify(answers) == .refused([AIActProblem(question: "art6_3.derogation", key: "aiact_problem_profiling_derogation")]))
    }

    @Test func derogationWithoutJustificationIsRefused() {
        let answers = Self.plain.merging(["annex3.use": "8a", "art6_3.derogation": "yes", "art6_3.justification": "  "]) { $1 }
        #expect(AIActClassifier.classify(answers) == .refused([AIActProblem(question: "art6_3.justification", key: "aiact_problem_justification_missing")]))
    }

    @Test func unansweredQuestionsAreNamedInOrder() {
        #expect(AIActClassifier.classify([:]) == .incomplete(["scope.ai_system"]))
        var answers = Self.plain
        answers["art5.emotion_workplace"] = "yes"
        answers["art5.emotion_medical_safety"] = nil
        answers["annex3.use"] = nil
        #expect(AIActClassifier.classify(answers) == .incomplete(["art5.emotion_medical_safety", "annex3.use"]))
        // Not sure whether it is an AI system: the two definition tests are asked.
        #expect(AIActClassifier.classify(["scope.ai_system": "unsure"]) == .incomplete(["scope.infers", "scope.autonomy"]))
    }

    @Test func answersToQuestionsNoLongerAskedAreIgnored() {
        // A derogation answered, then the Annex III use removed: the derogation no longer counts.
        let answers = Self.plain.merging(["art6_3.derogation": "yes", "art6_3.profiling": "yes"]) { $1 }
        guard case .classified(let result) = AIActClassifier.classify(answers) else { Issue.record("not classified"); return }
        #expect(result.riskClass == .minimal)
        #expect(AIActQuestionnaire.relevant(answers)["art6_3.derogation"] == nil)
    }

    @Test func obligationsOfADeployerOfAHighRiskSystem() throws {
        let answers = Self.plain.merging(["role.operator": "deployer", "annex3.use": "4a", "art6_3.profiling": "yes"]) { $1 }
        guard case .classified(let result) = AIActClassifier.classify(answers) else { Issue.record("not classified"); return }
        let ids = AIActObligations.of(result).map(\.id)
        #expect(ids == ["art4_literacy", "art26_instructions", "art26_oversight", "art26_input_data", "art26_monitoring", "art26_logs",
                        "art26_workers", "art26_dpia", "art26_inform_persons"])
        #expect(AIActObligations.of(result).filter { $0.id.hasPrefix("art26") }.allSatisfy { $0.dateCode == "high_risk_annex3" })
    }

    @Test func obligationsOfAChatbotAndOfAProhibitedCase() {
        let chatbot = Self.plain.merging(["art50.interacts": "yes", "role.operator": "deployer"]) { $1 }
        guard case .classified(let result) = AIActClassifier.classify(chatbot) else { Issue.record("not classified"); return }
        #expect(AIActObligations.of(result).map(\.id) == ["art4_literacy", "art50_1_inform"])
        let prohibited = Self.plain.merging(["art5.face_scraping": "yes"]) { $1 }
        guard case .classified(let banned) = AIActClassifier.classify(prohibited) else { Issue.record("not classified"); return }
        #expect(AIActObligations.of(banned).isEmpty)
    }

    @Test func everyQuestionChoiceLabelAndObligationHasItsText() {
        for language in Language.allCases {
            let t = Catalog.messages(language)
            for question in AIActQuestionnaire.questions {
                #expect(t[runtime: question.key] != nil, "\(language) \(question.key)")
                if case .choice(let values) = question.kind, question.id != "annex3.use" {
                    for value in values { #expect(t[runtime: "aiact_choice_\(value)"] != nil, "\(language) \(value)") }
                }
            }
            for point in ["none"] + AIActQuestionnaire.annexIIIPoints { #expect(t[runtime: "aiact_annex3_\(point)"] != nil) }
            for section in AIActQuestionnaire.Section.allCases { #expect(t[runtime: "aiact_section_\(section.rawValue)"] != nil) }
            for riskClass in AIActClass.allCases { #expect(t[runtime: "aiact_class_\(riskClass.rawValue)"] != nil) }
            for project in Self.projects {
                guard case .classified(let result) = AIActClassifier.classify(Self.plain.merging(project.answers) { $1 }) else { continue }
                for label in result.labels { #expect(t[runtime: "aiact_label_\(label.code)"] != nil && t[runtime: "aiact_reason_\(label.code)"] != nil, "\(label.code)") }
                for obligation in AIActObligations.of(result) { #expect(t[runtime: "aiact_obligation_\(obligation.id)"] != nil, "\(obligation.id)") }
            }
        }
    }
}
