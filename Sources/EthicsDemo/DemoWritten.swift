import EthicsCommittee
import Foundation

/// Written procedures in the demo, through the store: a motion adopting a deliverable, opened after the last
/// meeting and decided as soon as every voter had voted (one abstains with a reason), so the next meeting's
/// minutes list it for ratification; and a second motion still running, with some ballots in.
enum DemoWritten {
    static func events(_ world: DemoWorld, secretary: DemoPerson, voters: [DemoPerson]) -> [DemoEvent] {
        let store = WrittenProcedureStore(db: world.db, clock: world.clock.appClock)
        let voting = voters.filter(\.voting)
        let decidedOpens = world.daysAgo(7), decidedDeadline = world.daysAgo(-3)
        let runningOpens = world.daysAgo(1), runningDeadline = world.daysAgo(-6)
        return [
            DemoEvent(at: decidedOpens, audits: 2 + voting.count, work: .alone { ids in
                let id = try await store.open(motion(
                    "Adopt the recommendation on emotion recognition",
                    "The recommendation was discussed at the last meeting; only its wording remained. Adopting it by written procedure lets the project teams apply it before the next meeting.",
                    deliverable: try await store.deliverableChoices().first { $0.title == "Recommendation on emotion recognition" }?.id,
                    deadline: decidedDeadline), by: secretary.actor(ids))
                for (index, person) in try await eligible(store, id, voting, ids).enumerated() {
                    let abstains = index == 1
                    try await store.cast(id: id, userId: ids.userId(person.email), choice: abstains ? .abstain : .for,
                                         reasoning: abstains ? "I would rather the safety exception were worded more narrowly." : "",
                                         by: person.actor(ids))
                }
            }),
            DemoEvent(at: runningOpens, audits: 1 + min(3, voting.count), work: .alone { ids in
                let id = try await store.open(motion(
                    "Adopt the charter article on generative AI",
                    "The proposed article on labelling generated content and keeping a person reachable, to go into the next charter version.",
                    deliverable: try await store.deliverableChoices().first { $0.title == "Charter article on generative AI" }?.id,
                    deadline: runningDeadline), by: secretary.actor(ids))
                for person in try await eligible(store, id, voting, ids).prefix(3) {
                    try await store.cast(id: id, userId: ids.userId(person.email), choice: .for, reasoning: "", by: person.actor(ids))
                }
            }),
        ]
    }

    /// The people the store made eligible voters when it opened the procedure.
    private static func eligible(_ store: WrittenProcedureStore, _ id: Int64, _ people: [DemoPerson], _ ids: DemoState) async throws -> [DemoPerson] {
        let voters = Set(try await store.find(id: id, objectionAllowed: true)?.1.map(\.userId) ?? [])
        return people.filter { voters.contains(ids.userId($0.email)) }
    }

    private static func motion(_ title: String, _ text: String, deliverable: Int64?, deadline: Date) throws -> WrittenProposal {
        WrittenProposal(kind: .motion, caseId: nil, deliverableId: deliverable, title: title, text: text, textHTML: try Markdown.html(text),
                        outcome: nil, opinion: "", opinionHTML: "", charterVersion: nil, articles: "", conditions: [],
                        deadline: Timestamp.string(deadline))
    }
}
