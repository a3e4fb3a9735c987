import Foundation

/// The AI Act section of the case form: every question, grouped by section, with the answer given (or
/// kept from a refused form) and its message. Without JavaScript every question is shown; follow-up
/// questions say when they apply, and answers to questions not asked are dropped on save.
struct AIActFormSection: Sendable {
    struct QuestionView: Sendable {
        let name: String
        let domId: String
        let text: String
        let article: String
        let radios: [Choice]
        let options: [Choice]
        let isRadio: Bool
        let isSelect: Bool
        let isText: Bool
        let value: String
        let maxLength: Int
        let followUp: Bool
        let error: String?
    }
    struct SectionView: Sendable {
        let title: String
        let questions: [QuestionView]
    }
    let version: String
    let sections: [SectionView]

    /// The form field of a question.
    static func field(_ question: String) -> String { "aiact." + question }

    /// The answers a form sends, by question id (empty answers left out).
    static func answers(_ fields: FormFields) -> [String: String] {
        var answers: [String: String] = [:]
        for question in AIActQuestionnaire.questions {
            let value: String
            if case .text = question.kind {
                value = fields.raw(field(question.id)).trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                value = fields[field(question.id)]
            }
            if !value.isEmpty { answers[question.id] = value }
        }
        return answers
    }

    /// Questions asked only after another answer (exceptions, definition tests, Art. 25, the derogation).
    private static let followUps: Set<String> = [
        "scope.infers", "scope.autonomy", "role.own_name", "role.substantial_modification", "role.new_purpose",
        "art5.crime_prediction_facts", "art5.emotion_medical_safety", "art5.biometric_lawful_dataset",
        "art5.remote_biometric_exception", "art6_3.profiling", "art6_3.derogation", "art6_3.justification",
        "fria.public_service", "art50.editorial_review", "gpai.compute", "gpai.open_source",
    ]

    init(answers: [String: String], errors: [String: String], language: Language) {
        let t = Catalog.messages(language)
        version = t.fill(.aiact_questionnaire_version, ["version": String(AIActQuestionnaire.version)])
        sections = AIActQuestionnaire.Section.allCases.map { section in
            SectionView(title: t[runtime: "aiact_section_\(section.rawValue)"] ?? "", questions: AIActQuestionnaire.questions.filter { $0.section == section }.map { q in
                let value = answers[q.id] ?? ""
                let label: (String) -> String = { v in
                    q.id == "annex3.use" ? t[runtime: "aiact_annex3_\(v)"] ?? v : t[runtime: "aiact_choice_\(v)"] ?? v
                }
                let choices = (q.values ?? []).map { Choice(value: $0, label: label($0), selected: $0 == value) }
                let isRadio: Bool, isSelect: Bool, isText: Bool, maxLength: Int
                switch q.kind {
                case .yesNo: (isRadio, isSelect, isText, maxLength) = (true, false, false, 0)
                case .choice(let values): (isRadio, isSelect, isText, maxLength) = (values.count <= 3, values.count > 3, false, 0)
                case .text(let max): (isRadio, isSelect, isText, maxLength) = (false, false, true, max)
                }
                return QuestionView(name: Self.field(q.id), domId: q.domId, text: t[runtime: q.key] ?? q.key, article: q.article,
                                    radios: isRadio ? choices.inGroup(id: q.domId, name: Self.field(q.id)) : [], options: isSelect ? choices : [],
                                    isRadio: isRadio, isSelect: isSelect, isText: isText, value: value, maxLength: maxLength,
                                    followUp: Self.followUps.contains(q.id), error: errors[Self.field(q.id)])
            })
        }
    }
}
