/// The readiness panel: the scores chart, the gaps, why the tier, and the review path still missing.
struct CaseShowReadiness: Sendable {
    let bars: [CaseShowPage.Bar]
    let chartSummary: String
    let gaps: [CaseShowPage.Gap]
    let hasGaps: Bool
    let tierReasons: [String]
    let path: [String]
    let pathMissing: String?

    /// The chart's row height in SVG units.
    private static let barHeight = 26

    init(_ input: CaseShowInput) {
        let found = input.found, detail = input.detail, messages = input.messages, language = input.language
        let assessment = Readiness.assess(customerFacing: found.customerFacing, personalData: found.personalData, answers: detail.answers,
                                          aiActHighRisk: detail.aiAct.riskClass == .highRisk || detail.aiAct.riskClass == .prohibited)
        bars = Readiness.areas.enumerated().map { index, area in
            let score = assessment.scores[area.id] ?? 0
            return CaseShowPage.Bar(label: input.text("readiness_\(area.id)"), score: score,
                                    percent: input.formats.percent(Double(score), language), y: index * Self.barHeight,
                                    width: max(2, score * 3), textY: index * Self.barHeight + 17, low: score < 67)
        }
        chartSummary = Punctuation.of(language).list(Readiness.areas.map {
            Punctuation.of(language).labelled(input.text("readiness_\($0.id)"),
                                              input.formats.percent(Double(assessment.scores[$0.id] ?? 0), language))
        })
        gaps = Readiness.gaps(detail.answers).map { Self.gap($0, input) }
        hasGaps = !Readiness.gaps(detail.answers).isEmpty
        tierReasons = assessment.reasons.compactMap { reason in
            messages[runtime: reason].map {
                Catalog.fill($0, ["percent": input.formats.percent(Double(Readiness.reasonThresholds[reason] ?? 0), language)])
            }
        }
        let path = ReviewPath(tier: found.riskTier)
        self.path = Self.pathLines(path, messages)
        let externalReviews = detail.reviews.filter { review in
            detail.reviewers.first { $0.userId == review.reviewerId }?.external == true
        }.count
        let missing = path.missing(reviews: detail.reviews.count, externalReviews: externalReviews)
        pathMissing = found.status == .inReview ? missing.flatMap { messages[runtime: $0] } : nil
    }

    /// One unmet readiness answer; `id` is "area.question".
    private static func gap(_ id: String, _ input: CaseShowInput) -> CaseShowPage.Gap {
        let parts = id.split(separator: ".").map(String.init)
        return CaseShowPage.Gap(area: input.text("readiness_\(parts[0])"), question: input.text("readiness_\(parts[0])_\(parts[1])"),
                                answer: input.detail.answers[id].flatMap { input.messages[runtime: "answer_\($0.rawValue)"] }
                                    ?? input.messages[.answer_none],
                                note: input.detail.notes[id] ?? "")
    }

    private static func pathLines(_ path: ReviewPath, _ messages: Messages) -> [String] {
        var lines = [messages.fill(.path_reviews, count: path.minimumReviews)]
        if path.needsExternalReviewer { lines.append(messages[.path_external]) }
        lines.append(messages[path.decisionInMeeting ? .path_meeting : .path_written])
        return lines
    }
}

extension CaseShowPage {
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
}
