import EthicsCommittee
import Foundation
import GRDB

/// The life of one demo case, described by its shape: how far it goes and what happens on the way.
struct DemoCaseShape: Sendable {
    var project: DemoProject
    var title: String
    var answers: [String: Readiness.Answer]
    var confidential = false
    var owner: DemoPerson
    var created: Date
    /// The status the case ends in.
    var target: CaseStatus
    /// Where a withdrawn case was withdrawn from (draft, submitted or in review).
    var withdrawFrom: CaseStatus = .submitted
    /// The secretary asks the owner a question before the review (answered, unless the case ends in needs_info).
    var question = false
    /// Reviewers, in order; a reviewer who recuses (assigned too, then withdraws).
    var reviewers: [DemoPerson] = []
    var recusing: DemoPerson?
    /// Reviews written, by the first reviewers, in order.
    var recommendations: [Recommendation] = []
    var comments: [(author: DemoPerson, text: DemoText)] = []
    var outcome: DecisionOutcome?
    var conditions: [(text: String, owner: DemoPerson, dueDays: Int)] = []
    var conditionsMet = 0
    /// Days between steps are multiplied by this.
    var pace = 1.0

    var tier: RiskTier { Readiness.assess(customerFacing: project.customerFacing, personalData: project.personalData, answers: answers).tier }

    /// What reaching the target takes, as step kinds.
    var reachesReview: Bool { [.inReview, .decided, .closed].contains(target) || (target == .withdrawn && withdrawFrom == .inReview) }
}

/// Turns a case's shape into timed steps written through the case stores.
enum DemoLifecycle {
    enum Step {
        // People are named by their place in the shape (`reviewers`, `comments`), so a plan may choose them
        // once it knows when the steps happen.
        case create, submit, ask, answer, assign(Int, first: Bool), assignRecusing(first: Bool), recuse(String)
        case review(Int, Recommendation), comment(Int), decide, meet(Int, closes: Bool), close, withdraw(CaseStatus)

        var isAssignment: Bool {
            switch self { case .assign, .assignRecusing: true; default: false }
        }
        var isDecision: Bool {
            switch self { case .decide: true; default: false }
        }
    }

    /// The steps of a case with their gaps (days times `pace`), in order.
    static func steps(_ shape: DemoCaseShape, rng: inout DemoRandom) -> [(gap: TimeInterval, step: Step)] {
        var steps: [(gap: TimeInterval, step: Step)] = [(gap: 0, step: .create)]
        func add(_ days: ClosedRange<Int>, _ step: Step) { steps.append((gap: max(600, rng.days(days) * shape.pace), step: step)) }
        if shape.target == .withdrawn && shape.withdrawFrom == .draft { add(2...10, .withdraw(.draft)); return steps }
        if shape.target == .draft { return steps }
        add(1...6, .submit)
        if shape.question || shape.target == .needsInfo {
            add(1...4, .ask)
            if shape.target == .needsInfo { return steps }
            add(2...8, .answer)
        }
        if shape.target == .submitted { return steps }
        if shape.target == .withdrawn && shape.withdrawFrom == .submitted { add(3...12, .withdraw(.submitted)); return steps }
        for index in shape.reviewers.indices { add(index == 0 ? 1...5 : 0...1, .assign(index, first: index == 0)) }
        if shape.recusing != nil {
            add(0...1, .assignRecusing(first: shape.reviewers.isEmpty))
            add(1...3, .recuse(rng.pick(DemoTexts.recusals)))
        }
        var comments = shape.comments.indices[...]
        for (index, recommendation) in shape.recommendations.enumerated() {
            if let comment = comments.popFirst() { add(1...6, .comment(comment)) }
            add(3...14, .review(index, recommendation))
        }
        for comment in comments { add(1...4, .comment(comment)) }
        if shape.target == .withdrawn { add(2...6, .withdraw(.inReview)); return steps }
        if shape.target == .inReview { return steps }
        add(3...14, .decide)
        for index in 0..<shape.conditionsMet {
            // Meeting the last open condition closes the case (the store does it).
            add(10...45, .meet(index, closes: index == shape.conditions.count - 1))
        }
        if shape.target == .closed && shape.conditions.isEmpty { add(2...20, .close) }
        return steps
    }

    /// Step times from the case's creation, squeezed to end before `end` when the life would run past it.
    static func times(_ created: Date, gaps: [TimeInterval], end: Date) -> [Date] {
        var offsets: [TimeInterval] = []
        var total: TimeInterval = 0
        for gap in gaps { total += gap; offsets.append(total) }
        let room = end.timeIntervalSince(created) - 60
        let scale = total > room && total > 0 ? max(0, room) / total : 1
        return offsets.map { created + $0 * scale }
    }

    /// The steps as events: case `index`'s id is learnt when it is created.
    static func events(_ shape: DemoCaseShape, index: Int, world: DemoWorld, secretary: DemoPerson, schedule: DemoCharterSchedule,
                       steps: [(gap: TimeInterval, step: Step)]) -> [DemoEvent] {
        let times = Self.times(shape.created, gaps: steps.map(\.gap), end: world.end)
        let writer = DemoCaseSteps(shape: shape, index: index, world: world, secretary: secretary, schedule: schedule)
        return zip(times, steps).map { at, entry in writer.event(entry.step, at: at) }
    }
}
