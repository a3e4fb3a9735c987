/// View models of the case pages: stored properties only (templates read them by reflection).
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

struct CaseShowPage: Sendable {
    struct Bar: Sendable {
        let label: String
        let score: Int
        /// The score as the reader writes a percentage (`NumberText.percent`).
        let percent: String
        let y: Int
        let width: Int
        let textY: Int
        let low: Bool
    }
    struct Gap: Sendable {
        let area: String
        let question: String
        let answer: String
        let note: String
    }
    struct ReviewerRow: Sendable {
        let name: String
        let kind: String
        let due: String
        let overdue: Bool
        let reviewed: Bool
        let recused: Bool
    }
    struct ReviewBlock: Sendable {
        let reviewer: String
        let recommendation: String
        let reasoningHTML: String
        let date: String
        /// The anchor search results link to.
        let domId: String
    }
    struct CommentBlock: Sendable {
        let author: String
        let bodyHTML: String
        let date: String
        let edited: Bool
        /// Set while its author may still correct it.
        let editAction: String?
        let body: String
        let domId: String
        /// The message of a refused correction; its form is shown open.
        var error: String? = nil
    }
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
    struct EventRow: Sendable {
        let date: String
        let text: String
        let actor: String
    }
    struct Button: Sendable {
        let action: String
        let label: String
        let danger: Bool
    }
    struct AttachmentRow: Sendable {
        let href: String
        let name: String
        let size: String
        let uploader: String
        let date: String
    }
    struct Candidate: Sendable {
        let value: String
        let label: String
        var selected: Bool = false
    }

    let id: Int64
    let title: String
    let status: String
    let statusKey: String
    let tier: String
    let tierKey: String
    let team: String
    let vendor: String
    let kind: String
    let customerFacing: Bool
    let personalData: Bool
    let confidential: Bool
    let submitter: String
    let descriptionHTML: String
    let bars: [Bar]
    let chartSummary: String
    let gaps: [Gap]
    let hasGaps: Bool
    let tierReasons: [String]
    let path: [String]
    let pathMissing: String?
    let editHref: String?
    let buttons: [Button]
    let questions: [QuestionBlock]
    let hasQuestions: Bool
    let answerAction: String?
    let askAction: String?
    // The committee's side
    let internals: Bool
    let reviewers: [ReviewerRow]
    let reviews: [ReviewBlock]
    let comments: [CommentBlock]
    let commentAction: String?
    let assignAction: String?
    let candidates: [Candidate]
    let conflictWarnings: [String]
    let reviewAction: String?
    let recuseAction: String?
    let recommendations: [Choice]
    /// Opens a written procedure on the case (the decision form, with a text and a deadline).
    let decideAction: String?
    struct WrittenLink: Sendable {
        let href: String
        let label: String
    }
    /// The case's written procedures, newest first.
    let writtenProcedures: [WrittenLink]
    let hasWrittenProcedures: Bool
    let outcomes: [Choice]
    let decisionInMeeting: Bool
    let owners: [Choice]
    // What everyone who may see the case reads
    let decision: String?
    let opinionHTML: String?
    let decisionDate: String?
    /// The printable opinion letter (a decided case).
    let letterHref: String?
    /// "Taken on the fundamental-rights impact assessment, version N" (Art. 27), with its print view.
    var friaDecisionLine: String? = nil
    var friaDecisionHref: String? = nil
    let conditions: [ConditionBlock]
    let hasConditions: Bool
    let attachments: [AttachmentRow]
    let uploadAction: String?
    let events: [EventRow]
    var formError: String?
    let conditionRows: [ConditionRowView]
    let limits: LimitHints
    /// The forms of the page, each with its values and messages after a refusal.
    var forms: CaseShowForms
    /// The AI Act classification, beside the risk tier.
    var aiAct: AIActCaseView? = nil
    /// The system this case registered or re-reviews, or the offer to register it (issue 18).
    var system: CaseSystemView? = nil
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
