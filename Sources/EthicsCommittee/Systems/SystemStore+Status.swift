import Foundation
import GRDB

/// Status changes of a system: suspend (which brings it back before the committee), resume or put in service, retire.
extension SystemStore {
    /// What a suspension did: the re-review case and the meeting whose agenda has it (nil: to be scheduled).
    public struct Suspension: Sendable, Equatable {
        public let caseId: Int64
        public let meetingId: Int64?
    }

    /// Suspends the system's approval, if it is still planned or in service: the status, the reason (and the incident
    /// that caused it, when given), a re-review case prefilled from the last case (or the one already under way), put
    /// on the next planned meeting's agenda. One transaction, one audit entry for the suspension.
    public func suspend(id: Int64, reason: String, incident: String, title: String, noteTemplate: String,
                        by actor: AuditActor) async throws -> Suspension {
        try await db.writer.write { db in
            let date = clock.now, now = Timestamp.string(date)
            try db.execute(sql: """
                UPDATE systems SET status = 'suspended', status_reason = ?, status_changed_at = ?, updated_at = ?, revision = revision + 1
                WHERE id = ? AND status IN ('planned', 'in_service')
                """, arguments: [reason, now, now, id])
            guard db.changesCount == 1, let (system, _) = try Self.find(db, id: id) else { throw SystemRefusal(key: "system_error_status_changed") }
            let caseId: Int64, status: CaseStatus
            if let open = try Self.openReReview(db, systemId: id) {
                caseId = open.id
                status = open.status
            } else {
                let note = Catalog.fill(noteTemplate, ["reason": reason, "incident": incident.isEmpty ? "—" : incident])
                caseId = try Self.openReReview(db, system: system, reason: .suspended, title: title, note: note, by: actor, now: date)
                status = .draft
            }
            let meeting = try Self.bringBeforeCommittee(db, caseId: caseId, status: status, by: actor, now: date)
            try AuditStore.append(db, by: actor, action: "system.suspended", targetType: "system", targetId: String(id),
                                  detail: "case=\(caseId) meeting=\(meeting.map(String.init) ?? "none")"
                                      + (incident.isEmpty ? "" : " incident=\(incident)"), at: date)
            return Suspension(caseId: caseId, meetingId: meeting)
        }
    }

    /// Puts a planned system in service, or a suspended one back in service: the owner's attestations count from today.
    public func resume(id: Int64, today: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let date = clock.now, now = Timestamp.string(date)
            let schedule = try Self.schedule(db)
            guard let from = try String.fetchOne(db, sql: "SELECT status FROM systems WHERE id = ?", arguments: [id]) else { throw Refusal.notFound }
            try db.execute(sql: """
                UPDATE systems SET status = 'in_service', status_reason = '', status_changed_at = ?, updated_at = ?, revision = revision + 1,
                    deployed_on = COALESCE(deployed_on, ?), attestation_due_on = ?
                WHERE id = ? AND status IN ('planned', 'suspended')
                """, arguments: [now, now, today, schedule.nextAttestation(after: today), id])
            guard db.changesCount == 1 else { throw SystemRefusal(key: "system_error_status_changed") }
            try AuditStore.append(db, by: actor, action: from == "planned" ? "system.in_service" : "system.resumed", targetType: "system",
                                  targetId: String(id), detail: "\(from)->in_service", at: date)
        }
    }

    /// Retires a system: it stays in the register, no longer reviewed nor attested. Cannot be undone.
    public func retire(id: Int64, reason: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            let date = clock.now, now = Timestamp.string(date)
            try db.execute(sql: """
                UPDATE systems SET status = 'retired', status_reason = ?, status_changed_at = ?, updated_at = ?, revision = revision + 1
                WHERE id = ? AND status <> 'retired'
                """, arguments: [reason, now, now, id])
            guard db.changesCount == 1 else { throw SystemRefusal(key: "system_error_status_changed") }
            try AuditStore.append(db, by: actor, action: "system.retired", targetType: "system", targetId: String(id), detail: "", at: date)
        }
    }

    /// The owner attests for a system in service: as approved, or what changed. The next attestation counts from today.
    public func attest(id: Int64, asApproved: Bool, note: String, today: String, by actor: AuditActor, ownerId: Int64) async throws {
        try await db.writer.write { db in
            try Self.attest(db, id: id, asApproved: asApproved, note: note, today: today, by: actor, ownerId: ownerId, now: clock.now)
        }
    }

    /// `attest` inside the caller's transaction (the large demo writes years of attestations in batches).
    package static func attest(_ db: Database, id: Int64, asApproved: Bool, note: String, today: String, by actor: AuditActor,
                               ownerId: Int64, now date: Date) throws {
        let now = Timestamp.string(date)
        let next = try Self.schedule(db).nextAttestation(after: today)
        try db.execute(sql: "UPDATE systems SET attestation_due_on = ?, updated_at = ? WHERE id = ? AND status = 'in_service' AND owner_id = ?",
                       arguments: [next, now, id, ownerId])
        guard db.changesCount == 1 else { throw SystemRefusal(key: "system_error_status_changed") }
        try db.execute(sql: """
            INSERT INTO system_attestations (system_id, attested_by, outcome, note, attested_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [id, ownerId, asApproved ? "as_approved" : "changed", note, now])
        try AuditStore.append(db, by: actor, action: "system.attested", targetType: "system", targetId: String(id),
                              detail: asApproved ? "as_approved" : "changed", at: date)
    }

    /// The sweep's part (`DueDateSweep`): a re-review opens for each system in service or suspended whose review is
    /// due and has none under way. Returns how many opened.
    static func sweep(_ db: Database, today: String, title: (String) -> String, note: String, now: Date) throws -> Int {
        let due = try AISystem.fetchAll(db, sql: selectSystem + """
             WHERE s.status IN ('in_service', 'suspended') AND s.next_review_on <= ?
               AND NOT EXISTS (SELECT 1 FROM system_cases sc JOIN cases c ON c.id = sc.case_id
                               WHERE sc.system_id = s.id AND sc.kind = 're_review' AND c.status IN \(openCaseStatuses))
             ORDER BY s.next_review_on, s.id LIMIT 100
            """, arguments: [today])
        for system in due {
            _ = try openReReview(db, system: system, reason: .due, title: title(system.name),
                                 note: Catalog.fill(note, ["date": system.nextReviewOn]), by: .system("review sweep"), now: now)
        }
        return due.count
    }
}
