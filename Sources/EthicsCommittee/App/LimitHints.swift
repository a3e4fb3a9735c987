import Foundation

/// Field limits as a page shows them before they bite: the number for `maxlength` and a visible hint
/// ("Up to 20,000 characters."), in the reader's language.
struct LimitHints: Sendable {
    struct Limit: Sendable {
        let max: Int
        let hint: String
    }
    let longText: Limit
    let question: Limit
    let answer: Limit
    let evidence: Limit
    let reason: Limit
    let condition: Limit
    let articles: Limit
    let title: Limit
    let dissent: Limit

    /// Built once per language: every page's templates read them as `{{limits.…}}`.
    static let english = LimitHints(.en), french = LimitHints(.fr)
    static func of(_ language: Language) -> LimitHints { language == .fr ? french : english }

    init(_ language: Language) {
        let text = Catalog.messages(language)[.limit_characters]
        func limit(_ max: Int) -> Limit {
            Limit(max: max, hint: text.replacingOccurrences(of: "{count}", with: NumberText.format(max, language)))
        }
        longText = limit(FieldLimits.longText); question = limit(FieldLimits.question); answer = limit(FieldLimits.answer)
        evidence = limit(FieldLimits.evidence); reason = limit(FieldLimits.recusalReason); condition = limit(FieldLimits.condition)
        articles = limit(FieldLimits.articles); title = limit(FieldLimits.title); dissent = limit(FieldLimits.dissent)
    }
}
