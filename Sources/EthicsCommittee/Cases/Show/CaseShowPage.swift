/// The case page: one value per section, each made by its presenter from the page's one read (`CaseShowInput`).
/// Templates/cases/show.mustache reads the fields flat (`{{title}}`, `{{bars}}`): each name lives in exactly one
/// section, and a name two sections shared would fail the build as ambiguous.
@dynamicMemberLookup
struct CaseShowPage: Sendable {
    let headerSection: CaseShowHeader
    let readinessSection: CaseShowReadiness
    let questionSection: CaseShowQuestions
    let reviewSection: CaseShowReviews
    let commentSection: CaseShowComments
    let writtenSection: CaseShowWritten
    let decisionSection: CaseShowDecision
    let recordSection: CaseShowRecord
    /// The message of a refused move or form without a field of its own.
    var formError: String? = nil
    let limits: LimitHints
    /// The forms of the page, each with its values and messages after a refusal.
    var forms: CaseShowForms
    /// The AI Act classification, beside the risk tier.
    var aiAct: AIActCaseView? = nil
    /// The system this case registered or re-reviews, or the offer to register it (issue 18).
    var system: CaseSystemView? = nil

    subscript<T>(dynamicMember field: KeyPath<CaseShowHeader, T>) -> T { headerSection[keyPath: field] }
    subscript<T>(dynamicMember field: KeyPath<CaseShowReadiness, T>) -> T { readinessSection[keyPath: field] }
    subscript<T>(dynamicMember field: KeyPath<CaseShowQuestions, T>) -> T { questionSection[keyPath: field] }
    subscript<T>(dynamicMember field: KeyPath<CaseShowReviews, T>) -> T { reviewSection[keyPath: field] }
    subscript<T>(dynamicMember field: KeyPath<CaseShowComments, T>) -> T { commentSection[keyPath: field] }
    subscript<T>(dynamicMember field: KeyPath<CaseShowWritten, T>) -> T { writtenSection[keyPath: field] }
    subscript<T>(dynamicMember field: KeyPath<CaseShowDecision, T>) -> T { decisionSection[keyPath: field] }
    subscript<T>(dynamicMember field: KeyPath<CaseShowRecord, T>) -> T { recordSection[keyPath: field] }
}
