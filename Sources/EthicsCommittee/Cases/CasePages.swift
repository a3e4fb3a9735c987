/// View models of the case list and form pages (the case page's is `Show/CaseShowPage.swift`).
struct CaseFormPage: Sendable {
    struct QuestionBlock: Sendable {
        let id: String
        let domId: String
        let text: String
        let choices: [Choice]
        let note: String
        let error: String?
    }
    struct AreaBlock: Sendable {
        let title: String
        let questions: [QuestionBlock]
    }

    let action: String
    let isNew: Bool
    let caseTitle: String
    let title: String
    let team: String
    let vendor: String
    let kinds: [Choice]
    let customerFacing: Bool
    let personalData: Bool
    let confidential: Bool
    let description: String
    let owners: [Choice]
    let hasOwners: Bool
    /// What the project owner field holds (typed; empty: the person filing).
    let submitter: String
    let areas: [AreaBlock]
    let errors: [String: String]
    /// The AI Act questionnaire, beside the readiness assessment.
    var aiAct: AIActFormSection? = nil
}

struct CaseListPage: Sendable {
    struct Row: Sendable {
        let href: String
        let title: String
        let team: String
        let status: String
        let statusKey: String
        let tier: String
        let tierKey: String
        let confidential: Bool
        let overdue: Bool
        let updated: String
        let aiActClass: String
        let aiActClassKey: String
    }
    struct Tab: Sendable {
        let href: String
        let label: String
        let current: Bool
    }

    let tabs: [Tab]
    let rows: [Row]
    let total: Int
    let totalLabel: String
    let statuses: [Choice]
    let tiers: [Choice]
    let aiActLabels: [Choice]
    let overdueOnly: Bool
    let scope: String
    let canCreate: Bool
    let newCase: String
    let pageNumber: Int
    let pageCount: Int
    let previous: String?
    let next: String?
    /// The exports of the listed cases (status and tier filters kept), for those who may export.
    var exportCSV: String? = nil
    /// The staff's AI Act re-classification list.
    var reclassifyHref: String? = nil
    var exportJSON: String? = nil
}

/// The state of each form of the case page: empty, or refused with what was sent.
struct CaseShowForms: Sendable {
    var assignment = FormState()
    var recusal = FormState()
    var review = FormState()
    var comment = FormState()
    var commentEdit = FormState()
    var commentEditId: Int64?
    var question = FormState()
    var answers = FormState()
    var decision = FormState()
}
