import EthicsCommittee
import Foundation

/// The committee's meetings in the demo, written through the meeting stores in time order: each one planned
/// three weeks ahead with its invitees, its agenda set two weeks ahead (the approval of the previous minutes
/// and two topics), held with the roll of attendance, its items voted, its minutes written two days later and
/// approved (by the next meeting's vote, or by the chair). The last minutes wait for the chair's approval, and
/// one meeting is planned after the end, with the cases then in review on its agenda.
enum DemoMeetings {
    struct Options {
        var count: Int
        var from: Date
        var to: Date
        var secretary: DemoPerson
        var chair: DemoPerson
        /// Who sits on the committee; each meeting invites `invited` of them (all when nil), the chair always.
        var committee: [DemoPerson]
        var invited: Int?
        /// Approve each minutes at the next meeting (an agenda item), or by the chair two days after writing them.
        var approveInMeeting: Bool
        /// Case scripts put on the agenda of the meeting planned after the end (those still in review).
        var upcomingCases: [Int] = []
        /// Answers to the next meeting's invitation by name; when empty, a generic pattern.
        var upcomingAnswers: [String: RSVP] = [:]
    }

    /// The stores a meeting's steps write through, and the meeting ids they learn by place in the plan (the meeting
    /// planned after the end is number `count`).
    struct Writers: Sendable {
        let meetings: MeetingStore, agenda: AgendaStore, minutes: MinutesStore, ballots: BallotStore
        let ids = DemoIds()

        init(_ world: DemoWorld) {
            let clock = world.clock.appClock
            meetings = MeetingStore(db: world.db, clock: clock)
            agenda = AgendaStore(db: world.db, clock: clock)
            minutes = MinutesStore(db: world.db, clock: clock)
            ballots = BallotStore(db: world.db, clock: clock)
        }
    }

    /// One meeting held in the demo, drawn before its steps are written so the draws keep their order.
    struct Held: Sendable {
        let index: Int
        let starts: Date
        let title: String
        let invitees: [DemoPerson]
        let attendance: [(DemoPerson, Attendance)]
        let topics: [DemoMeetingTexts.Topic]
        /// The item rejected by the vote (the first topic), if any.
        let rejected: Int?
        let dissenter: DemoPerson?
        /// The previous meeting's title when this meeting approves its minutes.
        let approvesPrevious: String?
        let isLast: Bool

        var itemCount: Int { topics.count + (approvesPrevious == nil ? 0 : 1) }
        var voters: [DemoPerson] { attendance.filter { $0.1 == .present && $0.0.voting }.map(\.0) }
        /// The item the members vote on by ballot (the last meeting's first topic), nil for the other meetings.
        var byBallots: Int? { isLast ? (approvesPrevious == nil ? 0 : 1) : nil }
    }

    static func events(_ world: DemoWorld, _ options: Options, rng: inout DemoRandom) -> [DemoEvent] {
        let writers = Writers(world)
        var events: [DemoEvent] = []
        var previousTitle: String?
        for index in 0..<options.count {
            let held = draw(index, options, previousTitle: previousTitle, rng: &rng)
            events += steps(of: held, world, options, writers)
            previousTitle = held.title
        }
        events += next(world, options, writers, lastTitle: previousTitle, rng: &rng)
        return events
    }

    /// Meeting `index`'s date, invitees, attendance, topics and votes, drawn in the generator's order.
    static func draw(_ index: Int, _ options: Options, previousTitle: String?, rng: inout DemoRandom) -> Held {
        let chair = options.chair
        let span = options.to.timeIntervalSince(options.from)
        let day = DemoDate.startOfDay(options.from + span * (Double(index) + 0.5) / Double(max(1, options.count)))
        let starts = day + 13 * 3600
        let invitees = (options.invited.map { rng.sample(options.committee.filter { $0.email != chair.email }, $0 - 1) + [chair] }
            ?? options.committee).sorted { $0.name < $1.name }
        let attendance = invitees.map { person -> (DemoPerson, Attendance) in
            person.email == chair.email || rng.chance(0.85) ? (person, .present) : (person, rng.chance(0.7) ? .excused : .absent)
        }
        let topics = rng.sample(DemoMeetingTexts.topics, 2)
        let rejected = rng.chance(0.1) ? 1 : nil
        let dissenter = attendance.filter { $0.1 == .present && $0.0.voting && $0.0.email != chair.email }.first.map(\.0)
        return Held(index: index, starts: starts, title: title(index, starts), invitees: invitees, attendance: attendance, topics: topics,
                    rejected: rejected, dissenter: dissenter, approvesPrevious: options.approveInMeeting ? previousTitle : nil,
                    isLast: index == options.count - 1)
    }

    /// A held meeting's steps: planned three weeks ahead, its agenda two weeks ahead, held, voted, minuted two days
    /// later and, without an approval in the next meeting, approved by the chair.
    static func steps(of held: Held, _ world: DemoWorld, _ options: Options, _ writers: Writers) -> [DemoEvent] {
        let secretary = options.secretary, chair = options.chair
        let index = held.index, starts = held.starts
        var events: [DemoEvent] = []
        events.append(DemoEvent.alone(starts - 21 * DemoDate.day) { ids in
            let id = try await writers.meetings.create(
                MeetingDraft(title: held.title, startsAt: Timestamp.string(starts), duration: 150, place: "Paris, room Lovelace",
                             videoURL: "", invitees: held.invitees.map { ids.userId($0.email) }), by: secretary.actor(ids))
            writers.ids.set(index, id)
        })
        events.append(DemoEvent.alone(starts - 14 * DemoDate.day, audits: held.itemCount) { ids in
            let id = writers.ids.get(index)
            if let approvesPrevious = held.approvesPrevious {
                try await writers.agenda.add(meetingId: id, kind: .minutes, minutesMeetingId: writers.ids.get(index - 1),
                                             title: approvesPrevious, by: secretary.actor(ids))
            }
            for topic in held.topics {
                try await writers.agenda.add(meetingId: id, kind: .free, title: topic.title, note: topic.note.markdown,
                                             noteHTML: topic.note.html, by: secretary.actor(ids))
            }
        })
        events.append(DemoEvent.alone(starts, audits: 2) { ids in
            let id = writers.ids.get(index)
            try await writers.meetings.hold(meetingId: id, by: secretary.actor(ids))
            try await writers.meetings.recordAttendance(
                meetingId: id, Dictionary(uniqueKeysWithValues: held.attendance.map { (ids.userId($0.0.email), $0.1) }),
                by: secretary.actor(ids))
        })
        events.append(vote(held, options, writers))
        events.append(DemoEvent.alone(starts + 2 * DemoDate.day) { ids in
            let id = writers.ids.get(index)
            let items = try await writers.agenda.items(meetingId: id)
            let markdown = DemoMeetingTexts.minutes(items: items)
            try await writers.minutes.save(meetingId: id, markdown: markdown, html: try Markdown.html(markdown),
                                           parts: try MinutesDraft.parts(markdown, items: items), by: secretary.actor(ids))
        })
        if !options.approveInMeeting && !held.isLast {
            events.append(DemoEvent.alone(starts + 4 * DemoDate.day) { ids in
                try await writers.minutes.approve(meetingId: writers.ids.get(index), archive: nil, at: world.clock.now, by: chair.actor(ids))
            })
        }
        return events
    }

    /// The items voted an hour and a half into the meeting. The last meeting's first topic is voted by the members
    /// themselves, in session (`BallotStore`): the secretary opens the vote, each present member casts a ballot, the
    /// chair's show of hands is recorded by the secretary, and the secretary closes the vote; the other items keep the
    /// secretary's roll. Its audit entries: the opening and one per ballot besides the item's own.
    static func vote(_ held: Held, _ options: Options, _ writers: Writers) -> DemoEvent {
        let secretary = options.secretary, chair = options.chair
        let voters = held.voters, byBallots = held.byBallots
        let meetingDate = DemoDate.iso(held.starts)
        return DemoEvent.alone(held.starts + 5400, audits: held.itemCount + (byBallots == nil ? 0 : 1 + voters.count)) { ids in
            let id = writers.ids.get(held.index)
            for (position, item) in try await writers.agenda.items(meetingId: id).enumerated() {
                let outcome: ItemOutcome = position == (held.approvesPrevious == nil ? 0 : 1) && held.rejected != nil ? .rejected : .adopted
                let votes = voters.map { voter in
                    let against = voter.email == held.dissenter?.email && item.kind == .free
                    return VoteEntry(userId: ids.userId(voter.email),
                                     choice: against ? (outcome == .adopted ? .against : .for) : (outcome == .adopted ? .for : .against),
                                     dissent: against && outcome == .adopted ? DemoMeetingTexts.dissent : "")
                }
                let text = item.kind == .minutes ? DemoMeetingTexts.minutesApproved
                    : (outcome == .adopted ? DemoMeetingTexts.adopted : DemoMeetingTexts.rejected)
                let decision = ItemDecision(outcome: outcome, text: text.markdown, html: text.html)
                guard position == byBallots else {
                    try await writers.agenda.decide(itemId: item.id, meetingId: id, meetingDate: meetingDate, votes: votes,
                                                    decision: decision, by: secretary.actor(ids))
                    continue
                }
                try await writers.ballots.openVote(itemId: item.id, meetingId: id, by: secretary.actor(ids))
                for (voter, vote) in zip(voters, votes) {
                    try await writers.ballots.cast(itemId: item.id, meetingId: id, voterId: vote.userId, choice: vote.choice,
                                                   dissent: vote.dissent, by: voter.email == chair.email ? secretary.actor(ids) : voter.actor(ids))
                }
                _ = try await writers.ballots.close(itemId: item.id, meetingId: id, meetingDate: meetingDate, proposal: decision,
                                                    by: secretary.actor(ids))
            }
        }
    }

    /// "Committee meeting no. 4 — March 2026": numbered through the plan.
    static func title(_ index: Int, _ date: Date) -> String {
        let month = date.formatted(Date.FormatStyle(timeZone: .gmt).locale(Locale(identifier: "en_GB")).month(.wide).year())
        return "Committee meeting no. \(index + 1) — \(month)"
    }
}
