import EthicsCommittee
import Foundation

/// The meeting planned after the demo's end, with the cases still in review on its agenda and the invitees' answers.
extension DemoMeetings {
    /// The next meeting, planned: the last minutes to approve, the cases in review, a topic; then the invitees' answers.
    static func next(_ world: DemoWorld, _ options: Options, _ writers: Writers, lastTitle: String?,
                     rng: inout DemoRandom) -> [DemoEvent] {
        let secretary = options.secretary
        let next = DemoDate.startOfDay(world.end + 9 * DemoDate.day) + 13 * 3600
        let nextTitle = title(options.count, next)
        let lastIndex = options.count - 1
        let topic = rng.pick(DemoMeetingTexts.topics)
        let invitees = options.committee
        let planned = DemoEvent.alone(world.end - 2 * DemoDate.day, audits: 2 + options.upcomingCases.count + (lastTitle == nil ? 0 : 1)) { ids in
            let id = try await writers.meetings.create(
                MeetingDraft(title: nextTitle, startsAt: Timestamp.string(next), duration: 150, place: "Paris, room Lovelace",
                             videoURL: "https://meet.acme.example/ethics", invitees: invitees.map { ids.userId($0.email) }),
                by: secretary.actor(ids))
            if lastIndex >= 0, let previous = lastTitle {
                try await writers.agenda.add(meetingId: id, kind: .minutes, minutesMeetingId: writers.ids.get(lastIndex), title: previous,
                                             by: secretary.actor(ids))
            }
            for script in options.upcomingCases {
                // Only a case that exists and is still in review may be put on an agenda; the store refuses the others.
                guard let caseId = ids.existingCaseId(script) else { continue }
                try? await writers.agenda.add(meetingId: id, kind: .case, caseId: caseId, by: secretary.actor(ids))
            }
            try await writers.agenda.add(meetingId: id, kind: .free, title: topic.title, note: topic.note.markdown,
                                         noteHTML: topic.note.html, by: secretary.actor(ids))
            writers.ids.set(options.count, id)
        }
        let answers = answers(options)
        let answered = DemoEvent.alone(world.end - DemoDate.day, audits: answers.count) { ids in
            let id = writers.ids.get(options.count)
            for (person, answer) in answers {
                try await writers.meetings.answer(meetingId: id, userId: ids.userId(person.email), answer, by: person.actor(ids))
            }
        }
        return [planned, answered]
    }

    /// The invitees' answers to the next meeting's invitation: most attend, two are excused, one is not sure, a few
    /// have not answered yet (the secretary sees each answer and the quorum forecast on the meeting page).
    static func answers(_ options: Options) -> [(DemoPerson, RSVP)] {
        options.committee.enumerated().compactMap { index, person in
            if !options.upcomingAnswers.isEmpty { return options.upcomingAnswers[person.name].map { (person, $0) } }
            if person.email == options.chair.email { return (person, .attending) }
            switch index % 6 {
            case 1, 4: return (person, .excused)
            case 5: return index < 6 ? (person, .unsure) : nil
            case 3: return nil
            default: return (person, .attending)
            }
        }
    }
}
