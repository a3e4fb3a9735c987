import EthicsCommittee
import Foundation

/// A handful of incidents in every state on the demo's systems, written through `IncidentStore` in time order:
/// a closed one (triaged, root cause, corrective actions), a triaged serious privacy incident with its Art. 73
/// deadline and the authority's notification, a public report tied to a system at triage, a critical report that
/// notified the chair and the secretary, and reports still waiting for triage (one from the public form); a second closed
/// one, and a serious one triaged twelve days ago whose authority has not been told yet (its Art. 73 deadline comes in
/// two days: the due-date sweep reminds the secretary and its owner).
enum DemoIncidents {
    struct Plan {
        var daysAgo: Double
        /// Which of the register's systems (by name order), nil for a public report.
        var system: Int?
        var title: String
        var description: String
        var harm: HarmType
        var severity: IncidentSeverity?
        var people: Int?
        var fallback: FallbackUse
        var actions: String = ""
        var service: String = ""
        /// Days after the report: triaged (with this severity, root cause, corrective actions), closed.
        var triage: (after: Double, severity: IncidentSeverity, rootCause: String, corrective: String, notifiedAfter: Double?)? = nil
        var closeAfter: Double? = nil
    }

    static let plans: [Plan] = [
        Plan(daysAgo: 58, system: 0, title: "Outdated refund policy quoted to customers",
             description: "For two days the assistant quoted the refund period of the old policy (30 days instead of 14).",
             harm: .wrongAnswer, severity: .minor, people: 40, fallback: .yes, actions: "Answers corrected by the agents on duty.",
             triage: (1, .minor, "The knowledge base kept the archived policy page as a source.",
                      "Archived pages are excluded from retrieval; a weekly check of the policy sources.", nil),
             closeAfter: 18),
        Plan(daysAgo: 35, system: nil, title: "The assistant would not let me speak to a person",
             description: "I asked three times for a human and the chat kept answering with the same article.",
             harm: .other, severity: nil, people: 1, fallback: .no, service: "The chat on the website",
             triage: (2, .nearMiss, "The hand-over phrase list missed the wording the customer used.",
                      "", nil)),
        Plan(daysAgo: 18, system: 1, title: "A customer's address shown to another customer",
             description: "Asked to confirm a delivery, the assistant read out the address of the previous caller.",
             harm: .privacy, severity: .serious, people: 2, fallback: .no, actions: "Session caching switched off; the DPO informed.",
             triage: (1, .serious, "A session cache shared between two calls on the same line.",
                      "Cache keyed by call; a privacy test added to the release checklist.", 6)),
        Plan(daysAgo: 5, system: 2, title: "Prompt injection attempt blocked",
             description: "A message tried to make the assistant reveal its instructions; the filter blocked it.",
             harm: .security, severity: .nearMiss, people: 0, fallback: .unknown),
        Plan(daysAgo: 2, system: 1, title: "Eligibility answers differ by the customer's name",
             description: "Two test customers with the same situation got different answers about a payment plan; only their names differed.",
             harm: .discrimination, severity: .critical, people: 300, fallback: .no,
             actions: "Payment-plan answers handed over to agents until further notice."),
        Plan(daysAgo: 1, system: nil, title: "The voice assistant hung up on me",
             description: "Each time I said my account number the call ended.",
             harm: .outage, severity: nil, people: nil, fallback: .unknown, service: "The phone line"),
        Plan(daysAgo: 45, system: 3, title: "The chatbot answered a complaint with an FAQ link",
             description: "A customer complaining about a late refund received the FAQ page on refunds as the only answer.",
             harm: .wrongAnswer, severity: .minor, people: 1, fallback: .yes, actions: "An agent answered the customer the same day.",
             triage: (2, .minor, "Complaint words were not excluded from the keyword matching.",
                      "Messages with complaint words go to an agent first.", nil),
             closeAfter: 10),
        Plan(daysAgo: 12, system: 0, title: "Suggested replies state refund amounts wrongly",
             description: "The suggested replies computed refunds on the price before the discount; 25 customers were told too much.",
             harm: .wrongAnswer, severity: .serious, people: 25, fallback: .yes, actions: "Agents told to check amounts by hand.",
             triage: (1, .serious, "The price feed sent to the model had no discount field.", "", nil)),
    ]

    static func events(_ world: DemoWorld, directory: String) -> [DemoEvent] {
        let store = IncidentStore(db: world.db, clock: world.clock.appClock, directory: directory)
        let systems = SystemStore(db: world.db, clock: world.clock.appClock)
        let ids = DemoIds()
        let secretary = DemoRoster.secretary
        var events: [DemoEvent] = []
        for (index, plan) in plans.enumerated() {
            let at = world.daysAgo(plan.daysAgo)
            events.append(DemoEvent(at: at, audits: 2, work: .alone { state in
                let staff = Requester(userId: state.userId(secretary.email), role: .secretary)
                let register = try await store.systemChoices(for: staff)
                let draft = IncidentDraft(title: plan.title, description: plan.description, occurredOn: DemoDate.iso(at - DemoDate.day),
                                          harmType: plan.harm, severity: plan.severity, peopleAffected: plan.people,
                                          fallbackUsed: plan.fallback, actionsTaken: plan.actions, serviceNamed: plan.service)
                guard let position = plan.system else {
                    // The in-transaction write also gives the id, which its sender never learns (the demo triages it).
                    let sender = AuditActor(id: nil, label: "anonymous", client: "203.0.113.\(20 + index)")
                    ids.set(index, try await world.db.writer.write { db in
                        try IncidentStore.receivePublic(db, draft, awareOn: DemoDate.iso(at), by: sender, now: at).id
                    })
                    return
                }
                guard !register.isEmpty, let (system, _) = try await systems.find(id: register[position % register.count].id, for: staff) else { return }
                // The system's owner reports when the roster knows them; the secretary otherwise.
                let owner = DemoRoster.owners.first { state.userId($0.email) == system.ownerId }
                let reporter = owner.map { Requester(userId: system.ownerId, role: $0.role) } ?? staff
                let id = try await store.report(draft, systemId: system.id, evidence: [], awareOn: DemoDate.iso(at), reporter: reporter,
                                                by: (owner ?? secretary).actor(state))
                ids.set(index, id)
            }))
            if let triage = plan.triage {
                events.append(DemoEvent(at: at + triage.after * DemoDate.day, audits: 2, work: .alone { state in
                    guard let id = ids.find(index), let (incident, _) = try await store.find(id: id) else { return }
                    let staff = Requester(userId: state.userId(secretary.email), role: .secretary)
                    let register = try await store.systemChoices(for: staff)
                    guard let systemId = incident.systemId ?? register.first?.id else { return }
                    let owner = try await systems.find(id: systemId, for: staff)?.0.ownerId
                    try await store.triage(id: id, revision: incident.revision, IncidentTriage(
                        systemId: systemId, severity: triage.severity, ownerId: owner, rootCause: triage.rootCause,
                        correctiveActions: triage.corrective, awareOn: incident.awareOn, art73Case: .standard,
                        authorityNotifiedOn: triage.notifiedAfter.map { DemoDate.iso(at + $0 * DemoDate.day) }),
                        triager: staff, by: secretary.actor(state))
                }))
            }
            if let close = plan.closeAfter {
                events.append(DemoEvent(at: at + close * DemoDate.day, audits: 1, work: .alone { state in
                    guard let id = ids.find(index) else { return }
                    try await store.close(id: id, closer: Requester(userId: state.userId(secretary.email), role: .secretary),
                                          by: secretary.actor(state))
                }))
            }
        }
        return events
    }
}
