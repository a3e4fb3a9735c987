import EthicsCommittee
import Foundation

/// Sign-ins spread over the demo's history: the bulk of a real audit trail.
enum DemoSignIns {
    /// `count` sign-ins by random people between two dates, appended through `AuditStore.append` in the batch
    /// transactions, so the hash chain holds.
    static func events(people: [DemoPerson], count: Int, from: Date, to: Date, rng: inout DemoRandom) -> [DemoEvent] {
        let span = max(1, to.timeIntervalSince(from))
        return (0..<max(0, count)).map { _ in
            let person = rng.pick(people)
            let at = from + Double.random(in: 0..<span, using: &rng)
            return DemoEvent(at: at, audits: 1, work: .inTransaction { db, state in
                let actor = person.actor(state)
                try AuditStore.append(db, by: actor, action: "auth.sign_in", targetType: "user", targetId: String(actor.id ?? 0), at: at)
            })
        }
    }
}
