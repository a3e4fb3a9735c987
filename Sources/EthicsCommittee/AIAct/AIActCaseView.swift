import Foundation

/// The AI Act section of the case page: the class beside the risk tier, each label with the answers and
/// articles behind it, and the obligations it brings with when each applies (from the dates table).
struct AIActCaseView: Sendable {
    struct LabelView: Sendable {
        let name: String
        /// Nil when the label has no point (templates treat an empty string as present).
        let point: String?
        let reason: String
        let articles: String
        let answers: [String]
        let hasAnswers: Bool
        let kindKey: String
    }
    struct ObligationView: Sendable {
        let id: String
        let text: String
        let when: String
        let source: String
        let applies: Bool
        /// The date it applies from, when later than today (a due date to suggest).
        let laterOn: String?
    }
    let classified: Bool
    let className: String
    let classKey: String
    let version: String
    let labels: [LabelView]
    let notClassified: String?
    /// Said when an earlier questionnaire version classified the case.
    let outdated: String?
    let obligations: [ObligationView]
    let hasObligations: Bool
    /// The obligations that apply already and those that apply later, as the dates table says today
    /// (stored: templates read properties by reflection).
    let obligationsNow: [ObligationView]
    let obligationsLater: [ObligationView]
    let hasObligationsNow: Bool
    let hasObligationsLater: Bool
    /// The fundamental-rights impact assessment (Art. 27), when the classification requires one or one was written.
    struct FRIABlock: Sendable {
        let friaLine: String
        let friaStatus: String
        let friaHref: String
        let friaLinkLabel: String
        let friaMissing: Bool
    }
    var fria: FRIABlock?

    mutating func showFRIA(caseId: Int64, required: Bool, latest: FRIAVersion?, mayWrite: Bool, formats: Formats, language: Language) {
        guard required || latest != nil else { return }
        let t = Catalog.messages(language)
        fria = FRIABlock(friaLine: t[required ? .fria_case_required : .fria_case_written],
                         friaStatus: latest.map { FRIAPage.line($0, formats, language) } ?? t[.fria_case_missing],
                         friaHref: Paths.caseFRIA(caseId), friaLinkLabel: t[mayWrite ? .fria_case_write : .fria_case_open],
                         friaMissing: required && latest == nil)
    }

    /// The obligations offered as conditions on the written-procedure proposal (set by the page when it offers that form).
    var offer: AIActOfferView?

    /// Offers the obligations on the decision form, ticked, chosen and typed again as the refused `form` had them.
    mutating func offerConditions(_ form: FormState, owners: [(value: String, label: String)], fallback: String) {
        offer = AIActOfferView(obligations, form: form, owners: owners, fallback: fallback)
    }

    init(_ record: AIActCaseRecord, dates: [String: AIActObligationDate], today: String, formats: Formats, language: Language) {
        let t = Catalog.messages(language)
        classified = record.classified
        classKey = record.riskClass?.rawValue ?? ""
        className = record.riskClass.flatMap { t[runtime: "aiact_class_\($0.rawValue)"] } ?? ""
        version = t.fill(.aiact_questionnaire_version, ["version": String(record.version ?? AIActQuestionnaire.version)])
        labels = record.labels.map { label in
            let reasonKey = label.code == "provider" && label.point.hasPrefix("Art. 25") ? "aiact_reason_provider_art25" : "aiact_reason_\(label.code)"
            let point = label.point.isEmpty ? nil : t[runtime: "aiact_point_\(label.point)"] ?? label.point
            let answers = label.answers.compactMap { id -> String? in
                guard let question = AIActQuestionnaire.byId[id], let answer = record.answers[id] else { return nil }
                return "\(t[runtime: question.key] ?? id) (\(question.article)) — \(Self.answerText(id, answer, t))"
            }
            return LabelView(name: t[runtime: "aiact_label_\(label.code)"] ?? label.code, point: point, reason: t[runtime: reasonKey] ?? "",
                             articles: label.articles.joined(separator: " · "), answers: answers, hasAnswers: !answers.isEmpty,
                             kindKey: label.kind.rawValue)
        }
        outdated = (record.version ?? AIActQuestionnaire.version) < AIActQuestionnaire.version
            ? t.fill(.aiact_outdated, ["version": String(record.version ?? 0), "current": String(AIActQuestionnaire.version)])
            : nil
        switch AIActClassifier.classify(record.answers) {
        case .incomplete(let missing):
            notClassified = t.fill(.aiact_not_classified, ["count": String(missing.count)])
        case .refused:
            notClassified = t[.aiact_refused_classification]
        case .classified:
            notClassified = nil
        }
        obligations = Self.obligations(record, dates: dates, today: today, formats: formats, language: language)
        hasObligations = !obligations.isEmpty
        obligationsNow = obligations.filter(\.applies)
        obligationsLater = obligations.filter { !$0.applies }
        hasObligationsNow = !obligationsNow.isEmpty
        hasObligationsLater = !obligationsLater.isEmpty
    }

    /// The obligations of a classified case, each saying whether it applies already or from when (dates table).
    static func obligations(_ record: AIActCaseRecord, dates: [String: AIActObligationDate], today: String, formats: Formats,
                            language: Language) -> [ObligationView] {
        guard case .classified(let result) = AIActClassifier.classify(record.answers) else { return [] }
        let t = Catalog.messages(language)
        return AIActObligations.of(result).map { obligation in
            let date = dates[obligation.dateCode]
            let applies = date.map { $0.appliesOn <= today } ?? false
            let when = date.map { t.fill(applies ? .aiact_applies_since : .aiact_applies_from,
                                               ["date": formats.calendarDate($0.appliesOn, language)]) } ?? t[.aiact_date_unknown]
            return ObligationView(id: obligation.id, text: t[runtime: "aiact_obligation_\(obligation.id)"] ?? obligation.id, when: when,
                                  source: date.map { t.fill(.aiact_source, ["source": $0.source]) } ?? "",
                                  applies: applies, laterOn: applies ? nil : date?.appliesOn)
        }
    }

    static func answerText(_ id: String, _ answer: String, _ t: Messages) -> String {
        if id == "annex3.use" { return t[runtime: "aiact_annex3_\(answer)"] ?? answer }
        if case .text = AIActQuestionnaire.byId[id]?.kind { return answer }
        return t[runtime: "aiact_choice_\(answer)"] ?? answer
    }
}
