import Foundation
import GRDB

/// Everything the case page shows besides the case itself, as one value.
public struct CaseDetail: Sendable {
    public let answers: [String: Readiness.Answer]
    public let notes: [String: String]
    public let aiAct: AIActCaseRecord
    public let aiActDates: [String: AIActObligationDate]
    /// Empty for someone who may not see the case's internals.
    public let reviewers: [CaseReviewer]
    public let reviews: [Review]
    public let comments: [CaseComment]
    public let procedures: [WrittenListRow]
    public let questions: [CaseQuestion]
    public let decision: CaseDecision?
    public let conditions: [CaseCondition]
    public let events: [CaseEvent]
    public let attachments: [CaseAttachment]
    /// The reviewer field's suggestions and flagged candidates (staff, while reviewers may be assigned).
    public let candidates: (suggested: [ReviewerCandidate], flagged: [ReviewerCandidate])
    /// The accounts condition owners are suggested from (when the page offers the decision form): the committee and the
    /// case's project owner (`UserStore.conditionOwnerCandidates`), not every account.
    public let people: [User]
}

/// Reads a case page's data in one `read {}` (issue 19): one consistent snapshot and one hand-off to the database
/// queue instead of a dozen. What the reader may not see is not read at all.
public struct CaseDetailStore: Sendable {
    let db: AppDatabase
    public init(db: AppDatabase) { self.db = db }

    /// What to read beyond what everyone who may open the case sees (from the policy, asked by the page builder).
    public struct Scope: Sendable {
        public var internals: Bool
        public var candidates: Bool
        public var people: Bool
        public var suggestions: Int
    }

    public func load(_ found: Case, scope: Scope) async throws -> CaseDetail {
        try await db.writer.read { db in
            let (answers, notes) = try CaseStore.answers(db, caseId: found.id)
            return CaseDetail(
                answers: answers, notes: notes,
                aiAct: try AIActStore.record(db, caseId: found.id), aiActDates: try AIActStore.dates(db),
                reviewers: scope.internals ? try CaseReviewStore.reviewers(db, caseId: found.id) : [],
                reviews: scope.internals ? try CaseReviewStore.reviews(db, caseId: found.id) : [],
                comments: scope.internals ? try CaseReviewStore.comments(db, caseId: found.id) : [],
                procedures: scope.internals ? try WrittenProcedureStore.forCase(db, found.id, limit: 20) : [],
                questions: try CaseReviewStore.questions(db, caseId: found.id),
                decision: try CaseDecisionStore.decision(db, caseId: found.id),
                conditions: try CaseDecisionStore.conditions(db, caseId: found.id),
                events: try CaseStore.events(db, caseId: found.id),
                attachments: try CaseAttachmentStore.list(db, caseId: found.id),
                candidates: scope.candidates
                    ? try CaseReviewStore.candidateChoices(db, caseId: found.id, team: found.team, vendor: found.vendor, limit: scope.suggestions)
                    : ([], []),
                people: scope.people ? try UserStore.conditionOwnerCandidates(db, submitters: [found.submitterId]) : [])
        }
    }
}
