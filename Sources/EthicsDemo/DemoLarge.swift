import EthicsCommittee
import Foundation

/// The large committee for load tests: three years of history, `size.members` members, `size.cases`
/// cases, `size.meetings` meetings (25 invited each) with approved minutes, `size.deliverables` deliverables,
/// a register of about `size.cases / 30` AI systems with their attestations and incidents (`DemoLargeSystems`),
/// and an audit trail padded with sign-ins to `size.auditEntries` entries. No attachments.
enum DemoLarge {
    static func plan(_ world: DemoWorld) -> DemoPlan {
        let size = world.options.size
        var rng = DemoRandom(seed: world.options.seed)
        let span = 3 * 365 * DemoDate.day
        let start = world.end - span
        let staff = [DemoRoster.admin, DemoRoster.secretary]
        let members = DemoLargeRoster.members(size.members, rng: &rng)
        let owners = DemoLargeRoster.owners(max(10, size.cases / 150), rng: &rng)
        var schedule = DemoCharterSchedule(v1: start + 5 * DemoDate.day, rules: start + 6 * DemoDate.day,
                                           v2: start + 0.55 * span, v3: start + 0.85 * span)
        schedule.acknowledgedLatest = DemoCommittee.acknowledgements(of: staff + members, after: schedule.v2)

        var plan = DemoPlan()
        plan.events = DemoCommittee.events(world, start: start, staff: staff, members: members, owners: owners, schedule: schedule)
        var inReview: [Int] = []
        var approved: [DemoLargeSystems.Candidate] = []
        let first = start + 10 * DemoDate.day
        let caseSpan = world.end.timeIntervalSince(first) - DemoDate.day
        for index in 0..<size.cases {
            let created = first + caseSpan * (Double(index) + Double.random(in: 0..<1, using: &rng)) / Double(max(1, size.cases))
            var shape = DemoLargeCases.shape(created: created, end: world.end, owners: owners, rng: &rng)
            // Reviewers are chosen once it is known when they are assigned: they must have accepted the charter in force.
            let steps = DemoLifecycle.steps(shape, rng: &rng)
            let times = DemoLifecycle.times(created, gaps: steps.map(\.gap), end: world.end)
            let assignedAt = zip(times, steps).first { $0.1.step.isAssignment }?.0
            if let assignedAt {
                DemoLargeCases.chooseReviewers(&shape, from: members, at: assignedAt, schedule: schedule, secretary: DemoRoster.secretary, rng: &rng)
            }
            plan.events += DemoLifecycle.events(shape, index: index, world: world, secretary: DemoRoster.secretary, schedule: schedule,
                                                steps: steps)
            if shape.target == .inReview && created < world.end - 20 * DemoDate.day { inReview.append(index) }
            // A favourable decision may register its system (issue 18).
            if shape.outcome == .favourable || shape.outcome == .conditions,
               let decidedAt = zip(times, steps).first(where: { $0.1.step.isDecision })?.0 {
                approved.append(DemoLargeSystems.Candidate(index: index, title: shape.title, vendor: shape.project.vendor,
                                                           purpose: shape.project.title, tier: shape.tier, owner: shape.owner,
                                                           decidedAt: decidedAt))
            }
        }
        if let chair = members.first, size.meetings > 0 {
            plan.events += DemoMeetings.events(world, DemoMeetings.Options(
                count: size.meetings, from: start + 30 * DemoDate.day, to: world.end - 3 * DemoDate.day, secretary: DemoRoster.secretary,
                chair: chair, committee: members, invited: min(members.count, 25), approveInMeeting: false,
                upcomingCases: Array(inReview.suffix(4))), rng: &rng)
        }
        plan.events += DemoDeliverables.events(
            world, DemoDeliverables.generated(size.deliverables, owners: [DemoRoster.secretary] + members.prefix(40),
                                              from: start + 20 * DemoDate.day, to: world.end, rng: &rng),
            secretary: DemoRoster.secretary)
        plan.events += DemoLargeSystems.events(world, candidates: approved, count: size.cases / 30, secretary: DemoRoster.secretary)
        let written = plan.events.reduce(0) { $0 + $1.audits }
        plan.events += DemoSignIns.events(people: staff + members + owners, count: size.auditEntries - written,
                                          from: start + 2 * DemoDate.day, to: world.end, rng: &rng)
        let insider = members.first { !$0.external }, expert = members.first { $0.external }
        plan.signIn = (staff + [insider, expert, owners.first].compactMap { $0 }).map {
            DemoReport.Account(role: $0.role, name: $0.name, email: $0.email, about: $0.about)
        }
        return plan
    }
}

/// The generated people of the large committee.
enum DemoLargeRoster {
    /// `count` members, about 70 % external, a chair and a vice-chair, terms of three years (some ending
    /// within 90 days), one in four with a declared interest, 85 % up to date with the charter.
    static func members(_ count: Int, rng: inout DemoRandom) -> [DemoPerson] {
        (0..<count).map { index in
            let external = rng.chance(0.7)
            let (affiliation, expertise) = rng.pick(external ? DemoNames.externalAffiliations : DemoNames.internalAffiliations)
            let name = DemoNames.first[index % DemoNames.first.count] + " " + DemoNames.last[(index / DemoNames.first.count + index * 7) % DemoNames.last.count]
            let domain = external ? "experts.example" : "acme.example"
            let termFrom = -rng.int(30...1_000)
            var person = DemoPerson(name: name, email: "member\(index + 1)@\(domain)", role: external ? .expert : .member,
                                    about: external ? "External expert" : "Internal member", affiliation: affiliation, expertise: expertise,
                                    external: external, termFromDay: termFrom, termToDay: termFrom + 1_095,
                                    client: "10.30.\(index / 250).\(index % 250 + 1)")
            if index == 0 { person.position = .chair; person.about += ", chair" }
            if index == 1 { person.position = .viceChair; person.about += ", vice-chair" }
            person.voting = rng.chance(0.95)
            if rng.chance(0.25) {
                person.interests = [(rng.pick(DemoNames.vendors), "Consulting engagement or shareholding (declared)")]
            }
            person.acknowledgesLatest = index < 2 || rng.chance(0.85)
            return person
        }
    }

    static func owners(_ count: Int, rng: inout DemoRandom) -> [DemoPerson] {
        (0..<count).map { index in
            let name = DemoNames.first[(index * 3 + 5) % DemoNames.first.count] + " " + DemoNames.last[(index * 11 + 3) % DemoNames.last.count]
            return DemoPerson(name: name, email: "owner\(index + 1)@acme.example", role: .submitter,
                              about: rng.pick(DemoNames.ownerJobs), client: "10.40.\(index / 250).\(index % 250 + 1)")
        }
    }
}
