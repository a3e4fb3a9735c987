import EthicsCommittee
import Foundation

/// The large committee's register and incidents (issue 18): about one system per 30 cases, each registered by the
/// secretary a few days after a favourable decision (nine in ten in service, the rest planned), their owners attesting
/// every six months (one in ten misses the last one), only a handful overdue for review (the review sweep of a served
/// demo opens their re-reviews, so there are few); three to ten incidents per system in service, in every state
/// (reported, triaged, closed), one in twelve from the public form. Written in the runner's batches through the stores'
/// in-transaction methods, so every rule and audit entry holds and each step's audit count is exact.
enum DemoLargeSystems {
    /// A case the plan decides favourably, when, and who owns its project.
    struct Candidate: Sendable {
        let index: Int
        let title: String
        let vendor: String
        let purpose: String
        let tier: RiskTier
        let owner: DemoPerson
        let decidedAt: Date
    }

    static func events(_ world: DemoWorld, candidates: [Candidate], count: Int, secretary: DemoPerson) -> [DemoEvent] {
        // A generator of its own: the cases, meetings and sign-ins keep the sequence they had before the register existed.
        var rng = DemoRandom(seed: world.options.seed &+ 18)
        let schedule = SystemSchedule(), endDay = DemoDate.iso(world.end)
        var overdueLeft = max(1, count / 60)
        var events: [DemoEvent] = []
        let incidents = DemoIds()
        var incidentNumber = 0, registered = 0
        for candidate in candidates.shuffled(using: &rng) {
            guard registered < count else { break }
            let registeredAt = candidate.decidedAt + rng.days(1...20)
            guard registeredAt < world.end - DemoDate.day else { continue }
            let overdue = schedule.nextReview(after: DemoDate.iso(candidate.decidedAt), tier: candidate.tier) < endDay
            if overdue { guard overdueLeft > 0 else { continue }; overdueLeft -= 1 }
            let inService = rng.chance(0.9)
            let key = "large-\(candidate.index)"
            let deployed = registeredAt - rng.days(0...10)
            let model = rng.pick(models)
            registered += 1
            events.append(DemoEvent(at: registeredAt, audits: 1, work: .inTransaction { db, state in
                let draft = SystemDraft(name: candidate.title, ownerId: state.userId(candidate.owner.email), vendor: candidate.vendor, model: model,
                                        purpose: candidate.purpose, dataSources: "Knowledge base; customer conversations",
                                        population: "Customers and contact-centre agents", riskTier: candidate.tier,
                                        status: inService ? .inService : .planned, deployedOn: inService ? DemoDate.iso(deployed) : nil)
                let id = try SystemStore.register(db, draft, caseId: state.caseId(candidate.index), today: DemoDate.iso(registeredAt),
                                                  by: secretary.actor(state), now: registeredAt)
                state.setSystem(key, id)
            }))
            guard inService else { continue }
            // Attestations every six months from the registration; one owner in ten misses the last one due.
            var attestations: [Date] = []
            var due = registeredAt + 182 * DemoDate.day
            while due < world.end - DemoDate.day { attestations.append(due - rng.days(0...20)); due += 182 * DemoDate.day }
            if !attestations.isEmpty && rng.chance(0.1) { attestations.removeLast() }
            for at in attestations {
                let changed = rng.chance(0.05)
                events.append(DemoEvent(at: at, audits: 1, work: .inTransaction { db, state in
                    try SystemStore.attest(db, id: state.systemId(key)!, asApproved: !changed,
                                           note: changed ? "The vendor moved the model to a new version; answers were re-tested." : "",
                                           today: DemoDate.iso(at), by: candidate.owner.actor(state), ownerId: state.userId(candidate.owner.email),
                                           now: at)
                }))
            }
            for _ in 0..<rng.int(3...10) {
                events += incident(number: incidentNumber, key: key, owner: candidate.owner, after: registeredAt, world: world,
                                   secretary: secretary, ids: incidents, rng: &rng)
                incidentNumber += 1
            }
        }
        return events
    }

    /// One incident on system `key`: reported by its owner (or through the public form), then triaged by the secretary
    /// and closed, as far as there is time before the end.
    private static func incident(number: Int, key: String, owner: DemoPerson, after start: Date, world: DemoWorld, secretary: DemoPerson,
                                 ids: DemoIds, rng: inout DemoRandom) -> [DemoEvent] {
        let room = world.end.timeIntervalSince(start) - 2 * DemoDate.day
        guard room > DemoDate.day else { return [] }
        let reportedAt = start + DemoDate.day + Double.random(in: 0..<room, using: &rng)
        let (title, harm) = rng.pick(texts)
        let roll = rng.int(0...99)
        let severity: IncidentSeverity = roll < 30 ? .nearMiss : roll < 75 ? .minor : roll < 93 ? .serious : .critical
        let isPublic = rng.chance(1.0 / 12)
        let people = rng.int(0...400)
        let draft = IncidentDraft(title: title, description: "Reported from the contact centre: \(title.lowercased()).",
                                  occurredOn: DemoDate.iso(reportedAt - DemoDate.day), harmType: harm, severity: isPublic ? nil : severity,
                                  peopleAffected: people, fallbackUsed: rng.pick([FallbackUse.yes, .no, .unknown]),
                                  actionsTaken: "Answers checked by the agents on duty.", serviceNamed: isPublic ? "The chat on the website" : "")
        let awareOn = DemoDate.iso(reportedAt)
        var events = [DemoEvent(at: reportedAt, audits: 1, work: .inTransaction { db, state in
            if isPublic {
                ids.set(number, try IncidentStore.receivePublic(db, draft, awareOn: awareOn, by: AuditActor(id: nil, label: "anonymous",
                                                                                                            client: "203.0.113.7"), now: reportedAt).id)
            } else {
                ids.set(number, try IncidentStore.report(db, draft, systemId: state.systemId(key)!, awareOn: awareOn,
                                                         reporter: Requester(userId: state.userId(owner.email), role: owner.role),
                                                         by: owner.actor(state), now: reportedAt))
            }
        })]
        let triagedAt = reportedAt + Double.random(in: 0.2...4, using: &rng) * DemoDate.day
        guard triagedAt < world.end - 3600 else { return events }
        let (cause, corrective) = rng.pick(causes)
        let notified = severity.isSerious && rng.chance(0.85) ? DemoDate.iso(triagedAt) : nil
        // A public report gets its severity and system at triage: two more audit entries.
        events.append(DemoEvent(at: triagedAt, audits: isPublic ? 3 : 1, work: .inTransaction { db, state in
            let staff = Requester(userId: state.userId(secretary.email), role: .secretary)
            try IncidentStore.triage(db, id: ids.get(number), revision: 1, IncidentTriage(
                systemId: state.systemId(key)!, severity: severity, ownerId: state.userId(owner.email), rootCause: cause,
                correctiveActions: corrective, awareOn: awareOn, art73Case: .standard, authorityNotifiedOn: notified),
                triager: staff, by: secretary.actor(state), now: triagedAt)
        }))
        let closedAt = triagedAt + Double.random(in: 3...40, using: &rng) * DemoDate.day
        guard closedAt < world.end - 3600, rng.chance(0.8) else { return events }
        events.append(DemoEvent(at: closedAt, audits: 1, work: .inTransaction { db, state in
            try IncidentStore.close(db, id: ids.get(number), closer: Requester(userId: state.userId(secretary.email), role: .secretary),
                                    by: secretary.actor(state), now: closedAt)
        }))
        return events
    }

    static let models = ["Assist 3", "Assist 4", "Reply 1.4", "MT 5", "Embed 2", "Voice 2.1", "Route 7"]

    static let texts: [(String, HarmType)] = [
        ("Outdated price quoted to a customer", .wrongAnswer),
        ("Refund period stated wrongly", .wrongAnswer),
        ("Another customer's order number shown", .privacy),
        ("Phone number read out to the wrong caller", .privacy),
        ("Different answers depending on the customer's name", .discrimination),
        ("Prompt injection attempt in a chat message", .security),
        ("Assistant unavailable for two hours", .outage),
        ("Hand-over to an agent failed", .other),
    ]

    static let causes: [(String, String)] = [
        ("An archived page was still a source.", "Archived pages excluded from retrieval; a weekly source check."),
        ("A cache shared between two sessions.", "Cache keyed by session; a privacy test in the release checklist."),
        ("The vendor changed the model without notice.", "Model version pinned; changes announced to the committee."),
        ("A phrase list missed common wordings.", "Phrase list extended from real conversations; monthly review."),
    ]
}
