import Foundation
import GRDB

/// Re-review cases: opened when a system's review comes due, when it is suspended, or when its owner reports a
/// substantive change; prefilled from the system's last case so what changed reads as a diff of the answers.
extension SystemStore {
    /// The statuses of a case still under way (a system has at most one re-review under way).
    static let openCaseStatuses = "('draft', 'submitted', 'needs_info', 'in_review')"

    /// The system's re-review under way, if any.
    static func openReReview(_ db: Database, systemId: Int64) throws -> (id: Int64, status: CaseStatus)? {
        try Row.fetchOne(db, sql: """
            SELECT c.id, c.status FROM system_cases sc JOIN cases c ON c.id = sc.case_id
            WHERE sc.system_id = ? AND sc.kind = 're_review' AND c.status IN \(openCaseStatuses) ORDER BY c.id DESC LIMIT 1
            """, arguments: [systemId]).map { ($0["id"], CaseStatus(rawValue: $0["status"]) ?? .draft) }
    }

    /// The last linked case before `caseId` (or the last of all): what a re-review is compared with.
    static func previousCase(_ db: Database, systemId: Int64, before caseId: Int64? = nil) throws -> Case? {
        try Case.fetchOne(db, sql: CaseStore.selectCase + """
             JOIN system_cases sc ON sc.case_id = c.id WHERE sc.system_id = ? AND (? IS NULL OR c.id < ?) ORDER BY c.id DESC LIMIT 1
            """, arguments: [systemId, caseId, caseId])
    }

    /// Opens a re-review case owned by the system's owner, prefilled from the last case (its fields, readiness answers
    /// and notes, AI Act answers) or, for a system never reviewed, from the record. `title` is the case's title in the
    /// committee's language; `note` (Markdown) says why, above the last case's description. Returns the case id.
    static func openReReview(_ db: Database, system: AISystem, reason: ReReviewReason, title: String, note: String,
                             by actor: AuditActor, now date: Date) throws -> Int64 {
        let now = Timestamp.string(date)
        var draft: CaseDraft
        if let last = try previousCase(db, systemId: system.id) {
            var answers: [String: Readiness.Answer] = [:], notes: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT question, answer, note FROM case_answers WHERE case_id = ?", arguments: [last.id]) {
                answers[row["question"]] = Readiness.Answer(rawValue: row["answer"])
                let text: String = row["note"]
                if !text.isEmpty { notes[row["question"]] = text }
            }
            draft = CaseDraft(title: title, team: last.team, vendor: system.vendor, kind: last.kind, customerFacing: last.customerFacing,
                              personalData: last.personalData, confidential: last.confidential, description: last.description,
                              answers: answers, notes: notes, aiActAnswers: try AIActStore.record(db, caseId: last.id).answers)
        } else {
            draft = CaseDraft(title: title, team: system.ownerName.isEmpty ? system.name : system.ownerName, vendor: system.vendor,
                              kind: .tool, customerFacing: false, personalData: false, confidential: false, description: system.purpose,
                              answers: [:], notes: [:])
        }
        draft.title = String(draft.title.prefix(200))
        draft.team = String(draft.team.prefix(200))
        draft.vendor = String(draft.vendor.prefix(200))
        draft.description = note.isEmpty ? draft.description : note + "\n\n" + draft.description
        let html = (try? Markdown.html(draft.description)) ?? ""
        let caseId = try CaseStore.create(db, draft, descriptionHTML: html, submitterId: system.ownerId, by: actor, now: date)
        try db.execute(sql: "INSERT INTO system_cases (system_id, case_id, kind, reason, linked_at) VALUES (?, ?, 're_review', ?, ?)",
                       arguments: [system.id, caseId, reason.rawValue, now])
        try CaseStore.event(db, caseId: caseId, actor: actor, event: "re_review_opened", detail: reason.rawValue, at: now)
        try AuditStore.append(db, by: actor, action: "system.re_review_opened", targetType: "system", targetId: String(system.id),
                              detail: "case=\(caseId) reason=\(reason.rawValue)", at: date)
        try Notifier.notify(db, recipients: [system.ownerId] + (try staff(db)), kind: .systemReReview, record: .case, recordId: caseId,
                            params: ["title": system.name], now: date, except: actor.id)
        return caseId
    }

    /// Active secretaries and administrators (told of re-reviews).
    static func staff(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM users WHERE role IN ('admin', 'secretary') AND active = 1")
    }

    /// Puts a re-review before the committee: submitted and in review (the staff's moves), then at the end of the next
    /// planned meeting's agenda unless it is already on one. Returns that meeting, or nil: "to be scheduled".
    static func bringBeforeCommittee(_ db: Database, caseId: Int64, status: CaseStatus, by actor: AuditActor, now date: Date) throws -> Int64? {
        var status = status
        if status == .draft {
            try CaseStore.move(db, id: caseId, from: .draft, to: .submitted, transition: .submit, note: "", by: actor, now: date)
            status = .submitted
        }
        if status == .submitted {
            try CaseStore.move(db, id: caseId, from: .submitted, to: .inReview, transition: .startReview, note: "", by: actor, now: date)
            status = .inReview
        }
        guard status == .inReview else { return nil }
        let at = Timestamp.string(date)
        if let already = try Int64.fetchOne(db, sql: """
            SELECT a.meeting_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
            WHERE a.case_id = ? AND a.decided_at IS NULL AND m.status IN ('planned', 'held') LIMIT 1
            """, arguments: [caseId]) { return already }
        // One way to decide at a time (as `AgendaStore.add`): not while a written vote runs on it.
        guard try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM written_procedures WHERE case_id = ? AND status = 'open')",
                                arguments: [caseId]) == true,
              let meeting = try Int64.fetchOne(db, sql: """
                SELECT id FROM meetings WHERE status = 'planned' AND starts_at > ? ORDER BY starts_at, id LIMIT 1
                """, arguments: [at]) else { return nil }
        let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM agenda_items WHERE meeting_id = ?", arguments: [meeting]) ?? 0) + 1
        try db.execute(sql: "INSERT INTO agenda_items (meeting_id, position, kind, case_id) VALUES (?, ?, 'case', ?)",
                       arguments: [meeting, position, caseId])
        try AuditStore.append(db, by: actor, action: "meeting.item_added", targetType: "meeting", targetId: String(meeting),
                              detail: "item=\(db.lastInsertedRowID) kind=case case=\(caseId) re_review=1", at: date)
        return meeting
    }

    /// The owner (or the staff) reports a substantive change: each changed field is kept with its value before and
    /// after, the record takes the new values, and a re-review case opens (a draft for the owner to bring up to
    /// date and submit). Refused while a re-review is under way (`system_error_review_open`). Returns the case id.
    public func reportChange(systemId: Int64, changes: [SystemChangeField: String], explanation: String, title: String,
                             noteTemplate: String, by actor: AuditActor, reporterId: Int64) async throws -> Int64 {
        try await db.writer.write { db in
            let date = clock.now, now = Timestamp.string(date)
            guard let (system, _) = try Self.find(db, id: systemId), system.status.isActive else {
                throw SystemRefusal(key: "system_error_status_changed")
            }
            guard try Self.openReReview(db, systemId: systemId) == nil else { throw SystemRefusal(key: "system_error_review_open") }
            let before: [SystemChangeField: String] = [.model: system.model, .dataSources: system.dataSources, .purpose: system.purpose,
                                                       .population: system.population]
            let changed = SystemChangeField.allCases.filter { field in changes[field].map { $0 != before[field] } ?? false }
            guard !changed.isEmpty else { throw SystemRefusal(key: "system_error_no_change") }
            let caseId = try Self.openReReview(db, system: system, reason: .change, title: title,
                                               note: Catalog.fill(noteTemplate, ["explanation": explanation]), by: actor, now: date)
            for field in changed {
                try db.execute(sql: """
                    INSERT INTO system_changes (system_id, case_id, field, before, after, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [systemId, caseId, field.rawValue, before[field] ?? "", changes[field] ?? "", reporterId, now])
                try db.execute(sql: "UPDATE systems SET \(field.column) = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                               arguments: [changes[field] ?? "", now, systemId])
            }
            try AuditStore.append(db, by: actor, action: "system.change_reported", targetType: "system", targetId: String(systemId),
                                  detail: "case=\(caseId) fields=\(changed.map(\.rawValue).joined(separator: ","))", at: date)
            return caseId
        }
    }
}

extension SystemChangeField {
    /// The `systems` column (a fixed name from this enum, never from a request).
    var column: String { rawValue }
}
