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

    static func events(_ world: DemoWorld, _ options: Options, rng: inout DemoRandom) -> [DemoEvent] {
        let meetings = MeetingStore(db: world.db, clock: world.clock.appClock)
        let agenda = AgendaStore(db: world.db, clock: world.clock.appClock)
        let minutes = MinutesStore(db: world.db, clock: world.clock.appClock)
        let ballots = BallotStore(db: world.db, clock: world.clock.appClock)
        let state = MeetingIds()
        let secretary = options.secretary, chair = options.chair
        let span = options.to.timeIntervalSince(options.from)
        var events: [DemoEvent] = []
        var previousTitle: String?

        for index in 0..<options.count {
            let day = DemoDate.startOfDay(options.from + span * (Double(index) + 0.5) / Double(max(1, options.count)))
            let starts = day + 13 * 3600
            let title = title(index, starts)
            let invitees = (options.invited.map { rng.sample(options.committee.filter { $0.email != chair.email }, $0 - 1) + [chair] }
                ?? options.committee).sorted { $0.name < $1.name }
            let attendance = invitees.map { person -> (DemoPerson, Attendance) in
                person.email == chair.email || rng.chance(0.85) ? (person, .present) : (person, rng.chance(0.7) ? .excused : .absent)
            }
            let topics = rng.sample(DemoMeetingTexts.topics, 2)
            let rejected = rng.chance(0.1) ? 1 : nil
            let dissenter = attendance.filter { $0.1 == .present && $0.0.voting && $0.0.email != chair.email }.first.map(\.0)
            let approvesPrevious = options.approveInMeeting ? previousTitle : nil
            let isLast = index == options.count - 1
            let itemCount = topics.count + (approvesPrevious == nil ? 0 : 1)

            events.append(alone(starts - 21 * DemoDate.day) { ids in
                let id = try await meetings.create(
                    MeetingDraft(title: title, startsAt: Timestamp.string(starts), duration: 150, place: "Paris, room Lovelace",
                                 videoURL: "", invitees: invitees.map { ids.userId($0.email) }), by: secretary.actor(ids))
                state.set(index, id)
            })
            events.append(alone(starts - 14 * DemoDate.day, audits: itemCount) { ids in
                let id = state.get(index)
                if let approvesPrevious {
                    try await agenda.add(meetingId: id, kind: .minutes, minutesMeetingId: state.get(index - 1), title: approvesPrevious,
                                         by: secretary.actor(ids))
                }
                for topic in topics {
                    try await agenda.add(meetingId: id, kind: .free, title: topic.title, note: topic.note.markdown,
                                         noteHTML: topic.note.html, by: secretary.actor(ids))
                }
            })
            events.append(alone(starts, audits: 2) { ids in
                let id = state.get(index)
                try await meetings.hold(meetingId: id, by: secretary.actor(ids))
                try await meetings.recordAttendance(
                    meetingId: id, Dictionary(uniqueKeysWithValues: attendance.map { (ids.userId($0.0.email), $0.1) }), by: secretary.actor(ids))
            })
            // The last meeting's first topic is voted by the members themselves, in session (`BallotStore`): the
            // secretary opens the vote, each present member casts a ballot, the chair's show of hands is recorded
            // by the secretary, and the secretary closes the vote; the other items keep the secretary's roll.
            // Its audit entries: the opening and one per ballot besides the item's own.
            let byBallots = isLast ? (approvesPrevious == nil ? 0 : 1) : nil
            events.append(alone(starts + 5400, audits: itemCount + (byBallots == nil ? 0 : 1 + attendance.filter { $0.1 == .present && $0.0.voting }.count)) { ids in
                let id = state.get(index)
                let voters = attendance.filter { $0.1 == .present && $0.0.voting }.map(\.0)
                for (position, item) in try await agenda.items(meetingId: id).enumerated() {
                    let outcome: ItemOutcome = position == (approvesPrevious == nil ? 0 : 1) && rejected != nil ? .rejected : .adopted
                    let votes = voters.map { voter in
                        let against = voter.email == dissenter?.email && item.kind == .free
                        return VoteEntry(userId: ids.userId(voter.email), choice: against ? (outcome == .adopted ? .against : .for) : (outcome == .adopted ? .for : .against),
                                         dissent: against && outcome == .adopted ? DemoMeetingTexts.dissent : "")
                    }
                    let text = item.kind == .minutes ? DemoMeetingTexts.minutesApproved : (outcome == .adopted ? DemoMeetingTexts.adopted : DemoMeetingTexts.rejected)
                    if position == byBallots {
                        try await ballots.openVote(itemId: item.id, meetingId: id, by: secretary.actor(ids))
                        for (voter, vote) in zip(voters, votes) {
                            try await ballots.cast(itemId: item.id, meetingId: id, voterId: vote.userId, choice: vote.choice, dissent: vote.dissent,
                                                   by: voter.email == chair.email ? secretary.actor(ids) : voter.actor(ids))
                        }
                        _ = try await ballots.close(itemId: item.id, meetingId: id, meetingDate: DemoDate.iso(starts),
                                                    proposal: ItemDecision(outcome: outcome, text: text.markdown, html: text.html),
                                                    by: secretary.actor(ids))
                        continue
                    }
                    try await agenda.decide(itemId: item.id, meetingId: id, meetingDate: DemoDate.iso(starts), votes: votes,
                                            decision: ItemDecision(outcome: outcome, text: text.markdown, html: text.html),
                                            by: secretary.actor(ids))
                }
            })
            events.append(alone(starts + 2 * DemoDate.day) { ids in
                let id = state.get(index)
                let items = try await agenda.items(meetingId: id)
                let markdown = DemoMeetingTexts.minutes(items: items)
                try await minutes.save(meetingId: id, markdown: markdown, html: try Markdown.html(markdown),
                                       parts: try MinutesDraft.parts(markdown, items: items), by: secretary.actor(ids))
            })
            if !options.approveInMeeting && !isLast {
                events.append(alone(starts + 4 * DemoDate.day) { ids in
                    try await minutes.approve(meetingId: state.get(index), archive: nil, at: world.clock.now, by: chair.actor(ids))
                })
            }
            previousTitle = title
        }

        // The next meeting, planned: the last minutes to approve, the cases in review, a topic.
        let next = DemoDate.startOfDay(world.end + 9 * DemoDate.day) + 13 * 3600
        let nextTitle = title(options.count, next)
        let lastIndex = options.count - 1
        let topic = rng.pick(DemoMeetingTexts.topics)
        let invitees = options.committee
        let lastTitle = previousTitle
        events.append(alone(world.end - 2 * DemoDate.day, audits: 2 + options.upcomingCases.count + (lastTitle == nil ? 0 : 1)) { ids in
            let id = try await meetings.create(
                MeetingDraft(title: nextTitle, startsAt: Timestamp.string(next), duration: 150, place: "Paris, room Lovelace",
                             videoURL: "https://meet.acme.example/ethics", invitees: invitees.map { ids.userId($0.email) }),
                by: secretary.actor(ids))
            if lastIndex >= 0, let previous = lastTitle {
                try await agenda.add(meetingId: id, kind: .minutes, minutesMeetingId: state.get(lastIndex), title: previous,
                                     by: secretary.actor(ids))
            }
            for script in options.upcomingCases {
                // Only a case that exists and is still in review may be put on an agenda; the store refuses the others.
                guard let caseId = ids.existingCaseId(script) else { continue }
                try? await agenda.add(meetingId: id, kind: .case, caseId: caseId, by: secretary.actor(ids))
            }
            try await agenda.add(meetingId: id, kind: .free, title: topic.title, note: topic.note.markdown, noteHTML: topic.note.html,
                                 by: secretary.actor(ids))
            state.set(options.count, id)
        })
        // The invitees answer the next meeting's invitation: most attend, two are excused, one is not sure, a few
        // have not answered yet (the secretary sees each answer and the quorum forecast on the meeting page).
        let answers: [(DemoPerson, RSVP)] = invitees.enumerated().compactMap { index, person in
            if !options.upcomingAnswers.isEmpty { return options.upcomingAnswers[person.name].map { (person, $0) } }
            if person.email == options.chair.email { return (person, .attending) }
            switch index % 6 {
            case 1, 4: return (person, .excused)
            case 5: return index < 6 ? (person, .unsure) : nil
            case 3: return nil
            default: return (person, .attending)
            }
        }
        events.append(alone(world.end - DemoDate.day, audits: answers.count) { ids in
            let id = state.get(options.count)
            for (person, answer) in answers {
                try await meetings.answer(meetingId: id, userId: ids.userId(person.email), answer, by: person.actor(ids))
            }
        })
        return events
    }

    private static func alone(_ at: Date, audits: Int = 1, _ work: @escaping @Sendable (DemoState) async throws -> Void) -> DemoEvent {
        DemoEvent(at: at, audits: audits, work: .alone(work))
    }

    /// "Plenary meeting — March 2026", numbered when a month has several.
    private static func title(_ index: Int, _ date: Date) -> String {
        let month = date.formatted(Date.FormatStyle(timeZone: .gmt).locale(Locale(identifier: "en_GB")).month(.wide).year())
        return "Committee meeting no. \(index + 1) — \(month)"
    }
}

/// Meeting ids by their place in the plan, learnt as the steps run.
private final class MeetingIds: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [Int: Int64] = [:]
    func get(_ index: Int) -> Int64 { lock.withLock { ids[index]! } }
    func set(_ index: Int, _ id: Int64) { lock.withLock { ids[index] = id } }
}
