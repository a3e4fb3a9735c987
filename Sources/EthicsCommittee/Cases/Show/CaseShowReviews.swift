/// The committee's side: the reviewers and their reviews, the assignment form and the reviewer's own forms.
struct CaseShowReviews: Sendable {
    let internals: Bool
    let reviewers: [CaseShowPage.ReviewerRow]
    let reviews: [CaseShowPage.ReviewBlock]
    let assignAction: String?
    let candidates: [CaseShowPage.Candidate]
    let conflictWarnings: [String]
    let reviewAction: String?
    let recuseAction: String?
    let recommendations: [Choice]

    init(_ input: CaseShowInput) {
        let found = input.found, detail = input.detail, messages = input.messages
        internals = input.internals
        reviewers = detail.reviewers.map { Self.row($0, input) }
        reviews = detail.reviews.map {
            CaseShowPage.ReviewBlock(reviewer: $0.reviewerName, recommendation: input.text("recommendation_\($0.recommendation.rawValue)"),
                                     reasoningHTML: $0.reasoningHTML, date: input.formats.date($0.submittedAt, input.language),
                                     domId: "review-\($0.id)")
        }
        assignAction = input.manage && [.submitted, .inReview].contains(found.status) ? Paths.caseReviewers(found.id) : nil
        // The reviewer field suggests a bounded list; any candidate may be typed (`CaseReviewStore.candidate`).
        let (suggested, flagged) = detail.candidates
        candidates = suggested.map { candidate in
            let kind = messages[candidate.external ? .member_external : .member_internal]
            let flag = candidate.conflictWith.map { " — " + messages[.reviewer_conflict_flag] + " " + $0 } ?? ""
            return CaseShowPage.Candidate(value: candidate.email, label: "\(candidate.name) (\(kind))\(flag)")
        }
        conflictWarnings = flagged.compactMap { candidate in
            candidate.conflictWith.map {
                Punctuation.of(input.language).labelled(candidate.name, "\(messages[.reviewer_conflict_flag]) \($0)")
            }
        }
        let hasReviewed = detail.reviews.contains { $0.reviewerId == input.me }
        let isReviewer = input.allowed(.reviewCase(input.facts))
        reviewAction = isReviewer && found.status == .inReview && !hasReviewed ? Paths.caseReview(found.id) : nil
        recuseAction = input.allowed(.recuse(input.facts)) ? Paths.caseRecuse(found.id) : nil
        recommendations = input.forms.review.choices("recommendation", Recommendation.allCases.map {
            ($0.rawValue, input.text("recommendation_\($0.rawValue)"))
        })
    }

    private static func row(_ reviewer: CaseReviewer, _ input: CaseShowInput) -> CaseShowPage.ReviewerRow {
        CaseShowPage.ReviewerRow(name: reviewer.name, kind: input.messages[reviewer.external ? .member_external : .member_internal],
                                 due: input.formats.calendarDate(reviewer.dueOn, input.language),
                                 overdue: !reviewer.hasReviewed && !reviewer.recused && reviewer.dueOn < input.today,
                                 reviewed: reviewer.hasReviewed, recused: reviewer.recused)
    }
}

extension CaseShowPage {
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
    struct Candidate: Sendable {
        let value: String
        let label: String
        var selected: Bool = false
    }
}
