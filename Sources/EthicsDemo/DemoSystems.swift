import EthicsCommittee
import Foundation

/// The register in the demo, through the store: the systems of five approved cases (one whose owner missed the
/// attestation, one attested lately, one suspended with its re-review case on the next meeting's agenda, one approved
/// through a confidential case, so hidden from the committee members who may not open it), a project that predates the
/// committee (never reviewed, so due for review). The decided translation case is left for the
/// secretary to register (its page offers it).
enum DemoSystems {
    struct Entry: Sendable {
        let caseScript: Int?
        let name: String
        let owner: DemoPerson
        let vendor: String
        let model: String
        let purpose: String
        let dataSources: String
        let population: String
        let status: SystemStatus
        let deployedDaysAgo: Double?
        /// When the secretary registered it (after the case's decision).
        var registeredDaysAgo: Double = 40
        /// Days ago the owner attested, if they did.
        var attestedDaysAgo: Double? = nil
        /// Days ago the secretary suspended it, with the reason.
        var suspended: (daysAgo: Double, reason: String)? = nil
    }

    static func events(_ world: DemoWorld, secretary: DemoPerson, entries: [Entry]) -> [DemoEvent] {
        let store = SystemStore(db: world.db, clock: world.clock.appClock)
        var events: [DemoEvent] = []
        for (index, entry) in entries.enumerated() {
            let at = world.daysAgo(entry.registeredDaysAgo - Double(index) * 0.01)
            events.append(DemoEvent(at: at, audits: 1, work: .alone { ids in
                let caseId = entry.caseScript.flatMap { ids.existingCaseId($0) }
                // A case the demo's history did not bring to a favourable decision in time registers nothing.
                if entry.caseScript != nil {
                    guard let caseId, try await store.registrable(caseId: caseId) else { return }
                }
                let draft = SystemDraft(name: entry.name, ownerId: ids.userId(entry.owner.email), vendor: entry.vendor, model: entry.model,
                                        purpose: entry.purpose, dataSources: entry.dataSources, population: entry.population,
                                        riskTier: .medium, status: entry.status,
                                        deployedOn: entry.deployedDaysAgo.map { DemoDate.iso(world.daysAgo($0)) })
                let id = try await store.register(draft, caseId: caseId, today: DemoDate.iso(at), by: secretary.actor(ids))
                ids.setSystem(entry.name, id)
            }))
            if let attested = entry.attestedDaysAgo {
                events.append(DemoEvent(at: world.daysAgo(attested), audits: 1, work: .alone { ids in
                    guard let id = ids.systemId(entry.name) else { return }
                    try await store.attest(id: id, asApproved: true, note: "", today: DemoDate.iso(world.daysAgo(attested)),
                                           by: entry.owner.actor(ids), ownerId: ids.userId(entry.owner.email))
                }))
            }
            if let suspended = entry.suspended {
                events.append(DemoEvent(at: world.daysAgo(suspended.daysAgo), audits: 5, work: .alone { ids in
                    guard let id = ids.systemId(entry.name) else { return }
                    _ = try await store.suspend(id: id, reason: suspended.reason, incident: "", title: "Re-review: \(entry.name)",
                                                noteTemplate: "**Re-review after suspension.** Reason: {reason}. Incident: {incident}.",
                                                by: secretary.actor(ids))
                }))
            }
        }
        return events
    }

    /// The small committee's register.
    static func small(sophie: DemoPerson, karim: DemoPerson, anna: DemoPerson, pilotScript: Int) -> [Entry] {
        [
            Entry(caseScript: 0, name: "Website chatbot (Parlo AI)", owner: sophie, vendor: "Parlo AI", model: "Parlo Assist 3",
                  purpose: "Answers first-level questions on the website and hands over to an agent when it cannot answer.",
                  dataSources: "Help-centre articles; order status API", population: "Website visitors (customers and prospects)",
                  status: .inService, deployedDaysAgo: 220, registeredDaysAgo: 200),
            Entry(caseScript: 2, name: "Knowledge-base search for agents", owner: anna, vendor: "In-house", model: "Open-source embedding model",
                  purpose: "Semantic search over the knowledge base for contact-centre agents.", dataSources: "Knowledge base",
                  population: "Contact-centre agents", status: .inService, deployedDaysAgo: 190, registeredDaysAgo: 150,
                  attestedDaysAgo: 10),
            Entry(caseScript: 4, name: "Chatbot hand-over to agents", owner: sophie, vendor: "Parlo AI", model: "Parlo Assist 3",
                  purpose: "Passes the conversation and its summary to an agent when the chatbot hands over.",
                  dataSources: "Chat transcripts", population: "Website visitors; agents", status: .inService, deployedDaysAgo: 120, registeredDaysAgo: 120),
            Entry(caseScript: 5, name: "Agent assist in the CRM", owner: karim, vendor: "ClearDesk", model: "ClearDesk Reply 1.4",
                  purpose: "Suggests replies to agents in the CRM; the agent edits and sends.", dataSources: "CRM case history",
                  population: "Contact-centre agents; customers who write in", status: .inService, deployedDaysAgo: 60,
                  registeredDaysAgo: 60, suspended: (daysAgo: 1, reason: "Suggested replies quoted another customer's order details (privacy)")),
            Entry(caseScript: nil, name: "FAQ auto-reply (legacy)", owner: karim, vendor: "In-house", model: "Rules and keyword matching",
                  purpose: "Automatic first answer to e-mails matching frequent questions, in place since 2021.",
                  dataSources: "FAQ pages", population: "Customers who e-mail the service", status: .inService, deployedDaysAgo: 1500, registeredDaysAgo: 30),
            // Named to sort after the systems the demo's incidents are reported on (they are picked by name order).
            Entry(caseScript: pilotScript, name: "Summaries of complaint calls (pilot)", owner: karim, vendor: "Nimbus CX", model: "Nimbus Summarise 2",
                  purpose: "Drafts a summary of each complaint call for the legal team; the agent corrects and saves it.",
                  dataSources: "Call transcripts (deleted after 24 hours)", population: "Customers who call to complain; the legal team",
                  status: .inService, deployedDaysAgo: 25, registeredDaysAgo: 25),
        ]
    }
}
