import Foundation
import GRDB

extension Notifier {
    /// A critical incident (reported so, or raised to critical at triage): the chair and every secretary at once,
    /// in the app and by mail per their choice, each only if the policy lets them open it. Once per incident.
    static func incidentCritical(_ db: Database, incidentId: Int64, by actorId: Int64?, now: Date) throws {
        let people = try [MemberStore.chairId(db)].compactMap { $0 } + UserStore.activeSecretaries(db)
        try notify(db, recipients: people, kind: .incidentCritical, record: .incident, recordId: incidentId,
                   params: try incidentParams(db, incidentId), now: now, except: actorId, dedupe: "incident_critical:\(incidentId)")
    }

    /// Someone was named owner of an incident.
    static func incidentAssigned(_ db: Database, incidentId: Int64, ownerId: Int64, by actorId: Int64?, now: Date) throws {
        try notify(db, recipients: [ownerId], kind: .incidentAssigned, record: .incident, recordId: incidentId,
                   params: try incidentParams(db, incidentId), now: now, except: actorId)
    }

    /// The incident's title and its system's name, for the in-app text (mail names neither).
    private static func incidentParams(_ db: Database, _ incidentId: Int64) throws -> [String: String] {
        let names = try IncidentStore.titleAndSystem(db, id: incidentId)
        return ["title": names?.title ?? "", "system": names?.system ?? ""]
    }

    /// Whether this account may open the incident (`Policy.canViewIncident` on its facts).
    static func mayOpenIncident(_ db: Database, _ actor: Requester, _ incidentId: Int64) throws -> Bool {
        guard let (_, facts) = try IncidentStore.find(db, id: incidentId) else { return false }
        return Policy.decide(actor, .viewIncident(facts)) == .allow
    }
}
