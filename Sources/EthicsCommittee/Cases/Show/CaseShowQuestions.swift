/// The committee's questions to the project owner, with the answer form while the case waits for them.
struct CaseShowQuestions: Sendable {
    let questions: [CaseShowPage.QuestionBlock]
    let hasQuestions: Bool
    let answerAction: String?
    let askAction: String?

    init(_ input: CaseShowInput) {
        let found = input.found, formats = input.formats, language = input.language, answers = input.forms.answers
        questions = input.detail.questions.map {
            CaseShowPage.QuestionBlock(id: $0.id, question: $0.question, asked: formats.date($0.askedAt, language), answer: $0.answer,
                                       answered: $0.answeredAt.map { formats.date($0, language) },
                                       draft: answers.value("answer.\($0.id)"), error: answers.errors["answer.\($0.id)"])
        }
        hasQuestions = !input.detail.questions.isEmpty
        answerAction = Policy.moveRefusal(input.actor, input.facts, .resubmit) == nil ? Paths.caseAnswers(found.id) : nil
        askAction = input.manage && Policy.moveRefusal(input.actor, input.facts, .askInfo) == nil ? Paths.caseQuestions(found.id) : nil
    }
}

extension CaseShowPage {
    struct QuestionBlock: Sendable {
        let id: Int64
        let question: String
        let asked: String
        let answer: String?
        let answered: String?
        /// What the project owner typed, kept when the answers are refused.
        var draft: String = ""
        var error: String? = nil
    }
}
