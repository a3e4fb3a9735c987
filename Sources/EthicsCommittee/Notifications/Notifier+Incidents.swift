import Foundation
import GRDB

extension Notifier {
    /// A critical incident (reported so, or raised to critical at triage): the chair and every secretary at once,
    /// in the app and by mail per their choice, each only if the policy lets them open it. Once per incident.
    static func incidentCritical(_ db: Database, incidentId: Int64, by actorId: Int64?, now: Date) throws {
        let people = try Int64.fetchAll(db, sql: """
            SELECT p.user_id FROM member_profiles p JOIN users u ON u.id = p.user_id WHERE p.position = 'chair' AND u.active = 1
            UNION SELECT id FROM users WHERE role = 'secretary' AND active = 1
            """)
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
        let row = try Row.fetchOne(db, sql: """
            SELECT i.title, s.name AS system_name FROM incidents i LEFT JOIN systems s ON s.id = i.system_id WHERE i.id = ?
            """, arguments: [incidentId])
        let title: String = row.flatMap { $0["title"] } ?? "", system: String = row.flatMap { $0["system_name"] } ?? ""
        return ["title": title, "system": system]
    }

    /// Whether this account may open the incident (`Policy.canViewIncident` on its facts).
    static func mayOpenIncident(_ db: Database, _ actor: Actor, _ incidentId: Int64) throws -> Bool {
        guard let (_, facts) = try IncidentStore.find(db, id: incidentId) else { return false }
        return Policy.decide(actor, .viewIncident(facts)) == .allow
    }
}
