import Foundation

/// What the opinion letter says, read in one snapshot: the decision, its conditions, the charter version in
/// force when it was taken, and who signs for the committee.
struct OpinionLetter: Sendable {
    let decision: CaseDecision
    let conditions: [CaseCondition]
    /// The charter version the decision names, or else the one published last before it was taken.
    let charterVersion: Int?
    let charterPublishedAt: String?
    /// The committee's chair today (the position has no history); nil when the seat is empty.
    let chairName: String?

}

extension OpinionLetter {
    /// The printable letter (`cases/opinion_letter`): standalone, A4, one per decided case.
    struct Page: Sendable {
        struct Condition: Sendable {
            let number: Int
            let text: String
            let owner: String
            let due: String
            let met: String?
        }
        let lang: String
        let committeeName: String
        let baseStylesheet = Paths.printStylesheet
        let pageNumbers: String
        let stylesheet = Paths.letterPrintStylesheet
        let icon: String
        let backHref: String
        let date: String
        let addressee: String
        let team: String
        let subject: String
        let outcome: String
        /// "favourable", "conditions", "unfavourable": the outcome's own style.
        let outcomeCode: String
        let procedureLine: String
        let opinionHTML: String
        let articles: String?
        let conditions: [Condition]
        let hasConditions: Bool
        let charterLine: String?
        /// The fundamental-rights impact assessment version the decision was taken on (Art. 27), if any.
        var friaLine: String? = nil
        let chairName: String?
        let generatedLine: String
    }
}
