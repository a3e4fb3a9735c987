import Foundation

/// The case page's system part (`CaseSystemView`), built here so the case page builder only asks for it.
struct CaseSystemSection: Sendable {
    let systems: SystemStore

    func view(_ found: Case, context: AppRequestContext) async throws -> CaseSystemView? {
        guard let actor = context.actor else { return nil }
        let t = Catalog.messages(context.language)
        guard let linked = try await systems.linked(caseId: found.id) else {
            // A decided favourable case offers to register its system.
            guard Policy.decide(actor, .registerSystem) == .allow, try await systems.registrable(caseId: found.id) else { return nil }
            return CaseSystemView(systemHref: nil, systemName: nil, isReReview: false, firstReview: false, previousHref: nil, previousTitle: nil, changes: [],
                                  hasChanges: false, answers: [], hasAnswers: false, registerHref: Paths.newSystem(fromCase: found.id))
        }
        let visible = try await systems.find(id: linked.systemId, for: actor) != nil
        guard linked.kind == "re_review", let comparison = try await systems.reReviewComparison(caseId: found.id) else {
            // An approval, or the first review of a system registered without a case (nothing to compare with).
            return CaseSystemView(systemHref: visible ? Paths.system(linked.systemId) : nil, systemName: linked.name, isReReview: false,
                                  firstReview: linked.kind == "re_review", previousHref: nil, previousTitle: nil, changes: [],
                                  hasChanges: false, answers: [], hasAnswers: false, registerHref: nil)
        }
        let changes = comparison.changes.map {
            CaseSystemView.Line(question: t[runtime: "system_field_\($0.field.rawValue)"] ?? "", before: $0.before.isEmpty ? "—" : $0.before,
                                after: $0.after.isEmpty ? "—" : $0.after)
        }
        let answers = comparison.lines.map { line in
            CaseSystemView.Line(question: Self.label(line.question, t), before: Self.text(line.question, line.before, t),
                                after: Self.text(line.question, line.after, t))
        }
        let previousOpen = Policy.decide(actor, .viewCase(comparison.previousFacts)) == .allow
        return CaseSystemView(systemHref: visible ? Paths.system(linked.systemId) : nil, systemName: linked.name, isReReview: true,
                              firstReview: false, previousHref: previousOpen ? Paths.case(comparison.previousId) : nil,
                              previousTitle: previousOpen ? comparison.previousTitle : t[.system_case_confidential],
                              changes: changes, hasChanges: !changes.isEmpty, answers: answers, hasAnswers: !answers.isEmpty, registerHref: nil)
    }

    /// The question's wording: `readiness:<area.question>` or `aiact:<id>`.
    static func label(_ question: String, _ t: Messages) -> String {
        let parts = question.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return question }
        if parts[0] == "readiness" {
            let ids = parts[1].split(separator: ".").map(String.init)
            guard ids.count == 2 else { return parts[1] }
            return "\(t[runtime: "readiness_\(ids[0])"] ?? ids[0]) — \(t[runtime: "readiness_\(ids[0])_\(ids[1])"] ?? ids[1])"
        }
        guard let found = AIActQuestionnaire.byId[parts[1]] else { return parts[1] }
        return "\(t[runtime: found.key] ?? parts[1]) (\(found.article))"
    }

    /// An answer in words ("—" when there was none).
    static func text(_ question: String, _ value: String?, _ t: Messages) -> String {
        guard let value else { return "—" }
        if question.hasPrefix("readiness:") {
            let parts = value.split(separator: "·", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let answer = t[runtime: "answer_\(parts[0])"] ?? parts[0]
            return parts.count > 1 ? "\(answer) · \(parts[1])" : answer
        }
        return AIActCaseView.answerText(String(question.dropFirst("aiact:".count)), value, t)
    }
}
