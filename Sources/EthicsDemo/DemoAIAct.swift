import EthicsCommittee

/// The AI Act answers of the demo projects, as their owners would give them. Projects filed before the
/// questionnaire existed (sentiment scoring, churn, refunds) keep no answers and show "not classified yet",
/// as old cases do after an upgrade.
enum DemoAIAct {
    /// An AI system in scope answering "no" to every practice and use, with `role`.
    private static func plain(_ role: String, _ overrides: [String: String] = [:]) -> [String: String] {
        var answers = ["scope.ai_system": "yes", "scope.exclusion": "none", "role.operator": role, "annex3.use": "none", "gpai.kind": "none"]
        for question in AIActQuestionnaire.questions where question.kind == .yesNo { answers[question.id] = "no" }
        return AIActQuestionnaire.relevant(answers.merging(overrides) { $1 })
    }

    static func answers(_ projectKey: String) -> [String: String] {
        switch projectKey {
        case "chatbot", "handover": plain("deployer", ["art50.interacts": "yes", "gpai.kind": "system"])
        case "voice_bot": plain("deployer", ["art50.interacts": "yes", "art50.synthetic": "yes"])
        case "agent_assist", "email_triage", "call_summaries": plain("deployer", ["gpai.kind": "system"])
        case "translation": plain("deployer", ["art50.synthetic": "yes", "gpai.kind": "system"])
        case "kb_search": plain("provider_deployer")
        case "training": ["scope.ai_system": "no"]
        default: [:]
        }
    }
}
