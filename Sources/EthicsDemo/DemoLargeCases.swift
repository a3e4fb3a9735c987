import EthicsCommittee
import Foundation

/// Random but plausible cases for the large scale: old cases are mostly closed, recent ones still
/// being drafted, submitted or reviewed.
enum DemoLargeCases {
    static func shape(created: Date, end: Date, owners: [DemoPerson], rng: inout DemoRandom) -> DemoCaseShape {
        let project = rng.pick(DemoProjects.all)
        var answers = project.answers
        for id in Readiness.questionIds where rng.chance(0.15) { answers[id] = rng.pick(Readiness.Answer.allCases) }
        let owner = rng.pick(owners)
        var shape = DemoCaseShape(project: project, title: project.title + " — " + rng.pick(DemoNames.places), answers: answers,
                                  owner: owner, created: created, target: target(age: end.timeIntervalSince(created) / DemoDate.day, rng: &rng))
        shape.confidential = rng.chance(0.1)
        shape.withdrawFrom = rng.pick([.draft, .submitted, .inReview, .inReview])
        shape.question = rng.chance(0.25)
        shape.pace = Double.random(in: 0.6...1.5, using: &rng)
        guard shape.reachesReview else { return shape }

        let secretary = DemoRoster.secretary
        let reviewers = shape.tier == .high ? 2 : rng.int(1...2)
        shape.reviewers = Array(repeating: secretary, count: reviewers)  // chosen later, once the assignment date is known
        if rng.chance(0.06) { shape.recusing = secretary }
        switch shape.target {
        case .decided, .closed: shape.recommendations = (0..<reviewers).map { _ in recommendation(&rng) }
        default: shape.recommendations = (0..<rng.int(0...reviewers)).map { _ in recommendation(&rng) }
        }
        shape.comments = (0..<rng.int(0...3)).map { _ in (secretary, rng.pick(DemoTexts.comments)) }
        guard shape.target == .decided || shape.target == .closed else { return shape }
        let roll = rng.int(0...99)
        shape.outcome = roll < 50 ? .conditions : roll < 85 ? .favourable : .unfavourable
        if shape.outcome == .conditions {
            shape.conditions = rng.sample(DemoTexts.conditions, rng.int(1...3)).map { text in
                (text: text, owner: rng.chance(0.7) ? owner : secretary, dueDays: rng.int(20...120))
            }
            shape.conditionsMet = shape.target == .closed ? shape.conditions.count : rng.int(0...(shape.conditions.count - 1))
        }
        return shape
    }

    /// The status a case ends in, by its age in days.
    static func target(age: Double, rng: inout DemoRandom) -> CaseStatus {
        let roll = rng.int(0...99)
        func pick(_ table: [(CaseStatus, Int)]) -> CaseStatus {
            var total = 0
            for (status, weight) in table { total += weight; if roll < total { return status } }
            return table.last!.0
        }
        if age > 120 {
            return pick([(.closed, 52), (.decided, 18), (.withdrawn, 12), (.draft, 5), (.inReview, 6), (.needsInfo, 4), (.submitted, 3)])
        }
        if age > 30 {
            return pick([(.inReview, 35), (.decided, 22), (.closed, 8), (.needsInfo, 10), (.submitted, 8), (.withdrawn, 7), (.draft, 10)])
        }
        return pick([(.draft, 25), (.submitted, 25), (.needsInfo, 15), (.inReview, 30), (.withdrawn, 5)])
    }

    static func recommendation(_ rng: inout DemoRandom) -> Recommendation {
        let roll = rng.int(0...99)
        return roll < 40 ? .favourable : roll < 85 ? .conditions : .unfavourable
    }

    /// Reviewers who had accepted the charter in force when assigned and have no interest in the vendor;
    /// for a high-risk case the first one is external. The one who recuses has an interest in the vendor
    /// when someone does. Comments come from the reviewers and the secretary.
    static func chooseReviewers(_ shape: inout DemoCaseShape, from members: [DemoPerson], at date: Date, schedule: DemoCharterSchedule,
                                secretary: DemoPerson, rng: inout DemoRandom) {
        let vendor = shape.project.vendor
        let eligible = members.filter { schedule.mayReview($0, at: date) && schedule.mayReview($0, at: date + 3 * DemoDate.day) }
        func conflicted(_ person: DemoPerson) -> Bool { !vendor.isEmpty && person.interests.contains { $0.organisation == vendor } }
        var pool = eligible.filter { !conflicted($0) }
        var chosen: [DemoPerson] = []
        // The steps are already laid out for this many people: a small committee falls back on anyone not chosen yet.
        func pick(_ preferred: [DemoPerson]) -> DemoPerson {
            let left = { (people: [DemoPerson]) in people.filter { person in !chosen.contains { $0.email == person.email } } }
            let person = [left(preferred), left(eligible), left(members)].first { !$0.isEmpty }.map { rng.pick($0) }!
            pool.removeAll { $0.email == person.email }
            return person
        }
        for index in shape.reviewers.indices {
            chosen.append(pick(index == 0 && shape.tier == .high ? pool.filter(\.external) : pool))
        }
        shape.reviewers = chosen
        if shape.recusing != nil {
            let withInterest = eligible.filter(conflicted)
            shape.recusing = pick(withInterest.contains { person in !chosen.contains { $0.email == person.email } } ? withInterest : pool)
        }
        let authors = chosen + [secretary]
        shape.comments = shape.comments.map { (author: rng.pick(authors), text: $0.text) }
    }
}
