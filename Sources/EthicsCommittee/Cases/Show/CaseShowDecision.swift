/// The committee's opinion as everyone who may see the case reads it, with its conditions.
struct CaseShowDecision: Sendable {
    let decision: String?
    let opinionHTML: String?
    let decisionDate: String?
    /// The printable opinion letter (a decided case).
    let letterHref: String?
    /// "Taken on the fundamental-rights impact assessment, version N" (Art. 27), with its print view.
    let friaDecisionLine: String?
    let friaDecisionHref: String?
    let conditions: [CaseShowPage.ConditionBlock]
    let hasConditions: Bool

    init(_ input: CaseShowInput) {
        let found = input.found, decision = input.detail.decision, formats = input.formats, language = input.language
        self.decision = decision.flatMap { input.messages[runtime: "outcome_\($0.outcome.rawValue)"] }
        opinionHTML = decision?.opinionHTML
        decisionDate = decision.map { formats.date($0.decidedAt, language) }
        letterHref = decision != nil && [.decided, .closed].contains(found.status) ? Paths.caseOpinionLetter(found.id) : nil
        let friaVersion = decision?.friaVersion
        friaDecisionLine = friaVersion.map { input.messages.fill(.fria_decided_on, ["version": String($0)]) }
        friaDecisionHref = friaVersion.map { Paths.caseFRIAPrint(found.id, version: $0) }
        conditions = input.detail.conditions.map { condition in
            CaseShowPage.ConditionBlock(
                text: condition.text, owner: condition.ownerName, due: formats.calendarDate(condition.dueOn, language),
                overdue: !condition.met && condition.dueOn < input.today, met: condition.met, evidence: condition.evidence,
                metOn: condition.metAt.map { formats.date($0, language) },
                meetAction: input.manage && !condition.met ? Paths.caseConditionMet(found.id, condition.id) : nil)
        }
        hasConditions = !input.detail.conditions.isEmpty
    }
}

extension CaseShowPage {
    struct ConditionBlock: Sendable {
        let text: String
        let owner: String
        let due: String
        let overdue: Bool
        let met: Bool
        let evidence: String
        let metOn: String?
        let meetAction: String?
    }
}
