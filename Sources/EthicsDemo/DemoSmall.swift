import EthicsCommittee
import Foundation

/// The small committee a newcomer explores: eleven members, three charter versions, a dozen cases in
/// every status over the last ten months, monthly meetings with their minutes, deliverables, attachments.
enum DemoSmall {
    static func plan(_ world: DemoWorld) -> DemoPlan {
        var rng = DemoRandom(seed: world.options.seed)
        let start = world.daysAgo(300)
        let staff = [DemoRoster.admin, DemoRoster.secretary], members = DemoRoster.members, owners = DemoRoster.owners
        var schedule = DemoCharterSchedule(v1: start + 5 * DemoDate.day, rules: start + 6 * DemoDate.day,
                                           v2: world.daysAgo(150), v3: world.daysAgo(40))
        schedule.acknowledgedLatest = DemoCommittee.acknowledgements(of: staff + members, after: schedule.v2)

        var plan = DemoPlan()
        plan.events = DemoCommittee.events(world, start: start, staff: staff, members: members, owners: owners, schedule: schedule)
        for (index, shape) in cases(world).enumerated() {
            let steps = DemoLifecycle.steps(shape, rng: &rng)
            plan.events += DemoLifecycle.events(shape, index: index, world: world, secretary: DemoRoster.secretary, schedule: schedule,
                                                steps: steps)
        }
        let shapes = cases(world)
        // A confidential case decided favourably, whose system the register keeps from those who may not open the case
        // (issue 18). Its own generator: the other cases and the meetings keep the sequence they had.
        var pilotRandom = DemoRandom(seed: world.options.seed &+ 14)
        let pilot = confidentialPilot(world)
        plan.events += DemoLifecycle.events(pilot, index: shapes.count, world: world, secretary: DemoRoster.secretary, schedule: schedule,
                                            steps: DemoLifecycle.steps(pilot, rng: &pilotRandom))
        plan.events += DemoMeetings.events(world, DemoMeetings.Options(
            count: 9, from: start + 20 * DemoDate.day, to: world.end - 12 * DemoDate.day, secretary: DemoRoster.secretary,
            chair: person("Hélène Marchand"), committee: members, invited: nil, approveInMeeting: true,
            upcomingCases: [7, 8, 9],
            // Answers to the next meeting's invitation: five excused in December, so the e-mail triage case (two members
            // hold interests in its vendor) cannot reach the quorum — the forecast shows it in red. Olivier has not answered.
            upcomingAnswers: ["Hélène Marchand": .attending, "Inès Benali": .attending, "Nadia Haddad": .attending,
                              "Samuel Okafor": .attending, "Julia Novak": .unsure, "Emma Schneider": .excused, "Priya Raman": .excused,
                              "Rafael Costa": .excused, "Thomas Weber": .excused, "Marc Lefèvre": .excused]), rng: &rng)
        plan.events += DemoDeliverables.events(world, DemoDeliverables.small(world, person: person), secretary: DemoRoster.secretary)
        plan.events += DemoWritten.events(world, secretary: DemoRoster.secretary, voters: members)
        plan.events += DemoSystems.events(world, secretary: DemoRoster.secretary, entries: DemoSystems.small(
            sophie: person("Sophie Laurent"), karim: person("Karim Diallo"), anna: person("Anna Kowalska"), pilotScript: shapes.count))
        // Incidents on the register's systems (evidence files would go beside the case attachments).
        plan.events += DemoIncidents.events(world, directory: (world.options.attachmentsDirectory ?? NSTemporaryDirectory()) + "/incidents")
        if let directory = world.options.attachmentsDirectory {
            plan.events += DemoAttachments.events(world, directory: directory, cases: [0, 5, 7, 9].map {
                (script: $0, owner: shapes[$0].owner, at: shapes[$0].created)
            })
        }
        plan.events += DemoSignIns.events(people: staff + members + owners, count: 240, from: start + 2 * DemoDate.day, to: world.end,
                                          rng: &rng)
        plan.signIn = (staff + members + owners).map {
            DemoReport.Account(role: $0.role, name: $0.name, email: $0.email, about: $0.about)
        }
        return plan
    }

    static func person(_ name: String) -> DemoPerson {
        (DemoRoster.members + DemoRoster.owners + [DemoRoster.admin, DemoRoster.secretary]).first { $0.name == name }!
    }

    /// Complaint call summaries, a confidential pilot decided favourably: only the staff, its reviewer and its owner may open
    /// it, so only they see its system in the register.
    static func confidentialPilot(_ world: DemoWorld) -> DemoCaseShape {
        var pilot = DemoCaseShape(project: DemoProjects.callSummaries, title: "Complaint call summaries for the legal team (pilot)",
                                  answers: DemoProjects.callSummaries.answers, owner: person("Karim Diallo"), created: world.daysAgo(95),
                                  target: .decided)
        pilot.confidential = true
        pilot.reviewers = [person("Nadia Haddad")]
        pilot.recommendations = [.favourable]
        pilot.outcome = .favourable
        pilot.pace = 0.5
        return pilot
    }

    /// A dozen cases, oldest first, covering every status, all three tiers, confidential cases, a recusal.
    static func cases(_ world: DemoWorld) -> [DemoCaseShape] {
        let cast = DemoSmallCases(world: world)
        return cast.settled() + cast.current()
    }
}
