import Crypto
import Foundation
import GRDB

/// What a report says, as validated by its form.
public struct IncidentDraft: Sendable, Equatable {
    public var title: String
    public var description: String
    public var occurredOn: String?
    public var harmType: HarmType
    /// Nil for a public report (assessed at triage).
    public var severity: IncidentSeverity?
    public var peopleAffected: Int?
    public var fallbackUsed: FallbackUse
    public var actionsTaken: String
    /// What a public sender named; empty for a signed-in report, which names its system.
    public var serviceNamed: String = ""

    /// Spelled out so that the demo target may build one (a memberwise init is internal).
    package init(title: String, description: String, occurredOn: String? = nil, harmType: HarmType, severity: IncidentSeverity? = nil,
                 peopleAffected: Int? = nil, fallbackUsed: FallbackUse, actionsTaken: String, serviceNamed: String = "") {
        self.title = title; self.description = description; self.occurredOn = occurredOn; self.harmType = harmType
        self.severity = severity; self.peopleAffected = peopleAffected; self.fallbackUsed = fallbackUsed; self.actionsTaken = actionsTaken
        self.serviceNamed = serviceNamed
    }
}

/// An evidence file whose type was recognised from its bytes.
public struct EvidenceFile: Sendable {
    public let filename: String
    public let type: AttachmentType.Kind
    public let bytes: [UInt8]
}

/// What the secretary records at triage.
public struct IncidentTriage: Sendable, Equatable {
    public var systemId: Int64
    public var severity: IncidentSeverity
    public var ownerId: Int64?
    public var rootCause: String
    public var correctiveActions: String
    public var awareOn: String
    public var art73Case: Art73Case
    public var authorityNotifiedOn: String?

    /// Spelled out so that the demo target may build one (a memberwise init is internal).
    package init(systemId: Int64, severity: IncidentSeverity, ownerId: Int64? = nil, rootCause: String, correctiveActions: String,
                 awareOn: String, art73Case: Art73Case, authorityNotifiedOn: String? = nil) {
        self.systemId = systemId; self.severity = severity; self.ownerId = ownerId; self.rootCause = rootCause
        self.correctiveActions = correctiveActions; self.awareOn = awareOn; self.art73Case = art73Case
        self.authorityNotifiedOn = authorityNotifiedOn
    }
}

/// A row of an incidents list.
public struct IncidentRow: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var title: String
    public var systemId: Int64?
    public var systemName: String?
    public var source: IncidentSource
    public var harmType: HarmType
    public var severity: IncidentSeverity?
    public var status: IncidentStatus
    public var reportedAt: String

    public init(row: Row) {
        id = row["id"]; title = row["title"]; systemId = row["system_id"]; systemName = row["system_name"]
        source = IncidentSource(rawValue: row["source"]) ?? .account
        harmType = HarmType(rawValue: row["harm_type"]) ?? .other
        severity = (row["severity"] as String?).flatMap(IncidentSeverity.init(rawValue:))
        status = IncidentStatus(rawValue: row["status"]) ?? .reported
        reportedAt = row["reported_at"]
    }
}

/// The filters of the incidents list.
public struct IncidentFilter: Sendable, Equatable {
    public var status: IncidentStatus?
    public var severity: IncidentSeverity?
    public var harmType: HarmType?
    public var source: IncidentSource?
    public init(status: IncidentStatus? = nil, severity: IncidentSeverity? = nil, harmType: HarmType? = nil, source: IncidentSource? = nil) {
        self.status = status; self.severity = severity; self.harmType = harmType; self.source = source
    }
}

/// SQL for incidents: reports (signed-in and public), lists filtered by the visibility rule, triage, closing,
/// evidence files. Every write is audited in its transaction; critical incidents notify in the same write.
public struct IncidentStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    let directory: String

    public init(db: AppDatabase, clock: AppClock, directory: String) {
        self.db = db; self.clock = clock; self.directory = directory
    }

    static let select = """
        SELECT i.*, s.name AS system_name, r.name AS reporter_name, o.name AS owner_name, o.email AS owner_email FROM incidents i
        LEFT JOIN systems s ON s.id = i.system_id LEFT JOIN users r ON r.id = i.reporter_id LEFT JOIN users o ON o.id = i.owner_id
        """
    static let selectRow = """
        SELECT i.id, i.title, i.system_id, s.name AS system_name, i.source, i.harm_type, i.severity, i.status, i.reported_at
        FROM incidents i LEFT JOIN systems s ON s.id = i.system_id
        """

    /// `Policy.canViewIncident` in SQL over the alias `i`: an incident on a system the person may see
    /// (`SystemStore.visibility` over `s`), or, for the staff, a public report not yet tied to a system.
    static func visibility(_ actor: Requester) -> (String, StatementArguments) {
        switch actor.role {
        case .admin, .secretary:
            return ("1", [])
        case .submitter:
            let (visible, arguments) = SystemStore.visibility(actor)
            return ("EXISTS (SELECT 1 FROM systems s WHERE s.id = i.system_id AND \(visible))", arguments)
        case .member, .expert:
            let (visible, systemArguments) = SystemStore.visibility(actor)
            var arguments = systemArguments
            arguments += [actor.userId]
            return ("""
                (EXISTS (SELECT 1 FROM systems s WHERE s.id = i.system_id AND \(visible))
                 OR (i.severity = 'critical' AND EXISTS (SELECT 1 FROM member_profiles p JOIN users u ON u.id = p.user_id
                                                         WHERE p.user_id = ? AND p.position = 'chair' AND u.active = 1)))
                """, arguments)
        }
    }

    // MARK: reading

    /// One incident and its facts, whoever may see it (callers ask the policy).
    public func find(id: Int64) async throws -> (Incident, IncidentFacts)? {
        try await db.writer.read { db in try Self.find(db, id: id) }
    }

    static func find(_ db: Database, id: Int64) throws -> (Incident, IncidentFacts)? {
        guard let found = try Incident.fetchOne(db, sql: select + " WHERE i.id = ?", arguments: [id]) else { return nil }
        return (found, try facts(db, found))
    }

    static func facts(_ db: Database, _ incident: Incident) throws -> IncidentFacts {
        IncidentFacts(system: try incident.systemId.flatMap { try SystemStore.find(db, id: $0)?.1 }, status: incident.status,
                      critical: incident.severity == .critical, chairId: try MemberStore.chairId(db))
    }

    /// One page of the incidents a person may see, newest first, with the list's filters, and how many there are in
    /// each status under the other filters (the status tabs), counted in SQL by the same rule.
    public func list(for actor: Requester, filter: IncidentFilter, systemId: Int64? = nil, page: Int = 1, size: Int = 25) async throws
        -> (page: ListPage<IncidentRow>, byStatus: [IncidentStatus: Int]) {
        let (visible, visibleArguments) = Self.visibility(actor)
        var conditions = [visible]
        var arguments = visibleArguments
        if let systemId { conditions.append("i.system_id = ?"); arguments += [systemId] }
        if let severity = filter.severity { conditions.append("i.severity = ?"); arguments += [severity.rawValue] }
        if let harm = filter.harmType { conditions.append("i.harm_type = ?"); arguments += [harm.rawValue] }
        if let source = filter.source { conditions.append("i.source = ?"); arguments += [source.rawValue] }
        let common = conditions.joined(separator: " AND "), commonArguments = arguments
        var whereClause = common, filterArguments = commonArguments
        if let status = filter.status { whereClause += " AND i.status = ?"; filterArguments += [status.rawValue] }
        let rowsWhere = whereClause, rowsArguments = filterArguments
        return try await db.writer.read { db in
            var byStatus: [IncidentStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT i.status, count(*) AS n FROM incidents i WHERE \(common) GROUP BY i.status",
                                        arguments: commonArguments) {
                if let status = IncidentStatus(rawValue: row["status"]) { byStatus[status] = row["n"] }
            }
            let total = filter.status.map { byStatus[$0] ?? 0 } ?? byStatus.values.reduce(0, +)
            let (number, offset) = ListPage<IncidentRow>.clamp(requested: page, total: total, size: size)
            var pageArguments = rowsArguments
            pageArguments += [size, offset]
            let rows = try IncidentRow.fetchAll(db, sql: Self.selectRow + " WHERE \(rowsWhere) ORDER BY i.id DESC LIMIT ? OFFSET ?",
                                                arguments: pageArguments)
            return (ListPage(rows: rows, total: total, number: number, size: size), byStatus)
        }
    }

    /// The incidents a person may see under the list's filters, newest first, for the CSV export: in batches read by
    /// id (`KeysetBatches`), so the export is complete and starts at once however many there are.
    func exportBatches(for actor: Requester, filter: IncidentFilter, size: Int = 500) -> KeysetBatches<Incident> {
        let (visible, visibleArguments) = Self.visibility(actor)
        var conditions = [visible]
        var arguments = visibleArguments
        if let status = filter.status { conditions.append("i.status = ?"); arguments += [status.rawValue] }
        if let severity = filter.severity { conditions.append("i.severity = ?"); arguments += [severity.rawValue] }
        if let harm = filter.harmType { conditions.append("i.harm_type = ?"); arguments += [harm.rawValue] }
        if let source = filter.source { conditions.append("i.source = ?"); arguments += [source.rawValue] }
        let sql = Self.select + " WHERE " + conditions.joined(separator: " AND ") + " AND i.id < ? ORDER BY i.id DESC LIMIT ?"
        let filterArguments = arguments
        let db = self.db
        return KeysetBatches(start: Int64.max, read: { below in
            var batchArguments = filterArguments
            batchArguments += [below, size]
            let bound = batchArguments
            return try await db.writer.read { db in try Incident.fetchAll(db.cachedStatement(sql: sql), arguments: bound) }
        }, key: { $0.id })
    }

    /// Every incident with its facts (tests compare the list with the policy).
    public func all() async throws -> [(Incident, IncidentFacts)] {
        try await db.writer.read { db in
            try Incident.fetchAll(db, sql: Self.select + " ORDER BY i.id").map { ($0, try Self.facts(db, $0)) }
        }
    }

    /// Evidence of an incident, oldest first.
    public func attachments(incidentId: Int64) async throws -> [IncidentAttachment] {
        try await db.writer.read { db in
            try IncidentAttachment.fetchAll(db, sql: """
                SELECT a.*, u.name FROM incident_attachments a JOIN users u ON u.id = a.uploaded_by WHERE a.incident_id = ? ORDER BY a.id
                """, arguments: [incidentId])
        }
    }

    /// One evidence file of an incident.
    public func attachment(id: Int64, incidentId: Int64) async throws -> IncidentAttachment? {
        try await db.writer.read { db in
            try IncidentAttachment.fetchOne(db, sql: """
                SELECT a.*, u.name FROM incident_attachments a JOIN users u ON u.id = a.uploaded_by WHERE a.id = ? AND a.incident_id = ?
                """, arguments: [id, incidentId])
        }
    }

    /// The bytes of an evidence file.
    public func bytes(of attachment: IncidentAttachment) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: directory + "/" + attachment.storedName))
    }

    /// The triage owner field's suggestions (issue 19): the first `limit` active accounts by name that may own the
    /// incident (`Action.ownIncident` on its facts; before a system is tied, a public report, the committee's accounts),
    /// read through a cursor so the list costs what it shows however many people there are. Anyone allowed may be typed.
    public func ownerSuggestions(_ facts: IncidentFacts, limit: Int) async throws -> [User] {
        try await db.writer.read { db in
            var found: [User] = []
            let cursor = try User.fetchCursor(db.cachedStatement(sql: """
                SELECT * FROM users WHERE active = 1 AND (role <> 'submitter' OR id = ?) ORDER BY name COLLATE NOCASE, id
                """), arguments: [facts.system?.ownerId])
            while found.count < limit, let user = try cursor.next() {
                if facts.system == nil || Policy.decide(Requester(userId: user.id, role: user.role), .ownIncident(facts)) == .allow {
                    found.append(user)
                }
            }
            return found
        }
    }

    /// The triage system field's suggestions: the first `limit` systems the person may see, by name.
    public func systemSuggestions(for actor: Requester, limit: Int) async throws -> [(id: Int64, name: String)] {
        let (visible, arguments) = SystemStore.visibility(actor)
        var withLimit = arguments
        withLimit += [limit]
        let bound = withLimit
        let sql = "SELECT s.id, s.name FROM systems s WHERE \(visible) ORDER BY s.name COLLATE NOCASE, s.id LIMIT ?"
        return try await db.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map { (id: $0["id"] as Int64, name: $0["name"] as String) }
        }
    }

    /// The system a typed value names among those the person may see (the register's rule in SQL): its number, or its
    /// name (any case) when only one such system bears it, or when one of those bearing it is `current` (the system the
    /// incident is tied to, whose name the form shows: saving it unchanged never asks for a number).
    public func system(typed raw: String, for actor: Requester, current: Int64? = nil) async throws -> TypedMatch<Int64> {
        let typed = raw.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty, typed.count <= SystemLimits.name else { return .none }
        let (visible, arguments) = SystemStore.visibility(actor)
        var bound = arguments
        let sql: String
        if let id = Int64(typed) {
            sql = "SELECT s.id FROM systems s WHERE \(visible) AND s.id = ?"
            bound += [id]
        } else {
            sql = "SELECT s.id FROM systems s WHERE \(visible) AND s.name = ? COLLATE NOCASE ORDER BY s.id IS ? DESC, s.id LIMIT 2"
            bound += [typed, current]
        }
        let finalArguments = bound
        let found = try await db.writer.read { db in try Int64.fetchAll(db, sql: sql, arguments: finalArguments) }
        if let current, found.first == current { return .one(current) }
        return TypedMatch(found)
    }

    /// The first 500 systems a person may see, by name (the demo generator picks the systems of its incidents from it).
    public func systemChoices(for actor: Requester) async throws -> [(id: Int64, name: String)] {
        let (visible, arguments) = SystemStore.visibility(actor)
        return try await db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT s.id, s.name FROM systems s WHERE \(visible) ORDER BY s.name, s.id LIMIT 500",
                             arguments: arguments).map { (id: $0["id"] as Int64, name: $0["name"] as String) }
        }
    }

    // MARK: writing

    /// A signed-in person's report on a system they may see (checked again inside the write), with its evidence.
    /// A critical incident notifies the chair and the secretaries in the same transaction. Returns the id.
    public func report(_ draft: IncidentDraft, systemId: Int64, evidence: [EvidenceFile], awareOn: String, reporter: Requester,
                       by actor: AuditActor) async throws -> Int64 {
        let stored = try evidence.map { try saveFile($0.bytes) }
        do {
            return try await db.writer.write { db in
                let now = clock.now
                let id = try Self.report(db, draft, systemId: systemId, awareOn: awareOn, reporter: reporter, by: actor, now: now)
                for (file, name) in zip(evidence, stored) {
                    try Self.insertAttachment(db, incidentId: id, file: file, storedName: name.stored, digest: name.digest,
                                              by: actor, at: now)
                }
                return id
            }
        } catch {
            for name in stored { try? FileManager.default.removeItem(atPath: directory + "/" + name.stored) }
            throw error
        }
    }

    /// `report` without evidence, inside the caller's transaction (the large demo writes its incidents in batches).
    package static func report(_ db: Database, _ draft: IncidentDraft, systemId: Int64, awareOn: String, reporter: Requester,
                               by actor: AuditActor, now: Date) throws -> Int64 {
        guard let (_, system) = try SystemStore.find(db, id: systemId),
              Policy.decide(reporter, .reportIncident(system)) == .allow else { throw Refusal.notFound }
        let at = Timestamp.string(now)
        try db.execute(sql: """
            INSERT INTO incidents (system_id, source, reporter_id, title, description, occurred_on, harm_type, severity,
                people_affected, fallback_used, actions_taken, aware_on, reported_at, updated_at)
            VALUES (?, 'account', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [systemId, reporter.userId, draft.title, draft.description, draft.occurredOn, draft.harmType.rawValue,
                             draft.severity?.rawValue, draft.peopleAffected, draft.fallbackUsed.rawValue, draft.actionsTaken,
                             awareOn, at, at])
        let id = db.lastInsertedRowID
        try AuditStore.append(db, by: actor, action: "incident.reported", targetType: "incident", targetId: String(id),
                              detail: "system=\(systemId) harm=\(draft.harmType.rawValue) severity=\(draft.severity?.rawValue ?? "")",
                              at: now)
        if draft.severity == .critical {
            try Notifier.incidentCritical(db, incidentId: id, by: actor.id, now: now)
        }
        return id
    }

    /// A report from the public feedback form: no system, no severity, no reporter. Returns its receipt number,
    /// random (never the id), which is all its sender ever sees.
    public func receivePublic(_ draft: IncidentDraft, awareOn: String, by actor: AuditActor) async throws -> String {
        try await db.writer.write { db in try Self.receivePublic(db, draft, awareOn: awareOn, by: actor, now: clock.now).receipt }
    }

    /// `receivePublic` inside the caller's transaction: the new incident's id and its receipt.
    package static func receivePublic(_ db: Database, _ draft: IncidentDraft, awareOn: String, by actor: AuditActor,
                                      now: Date) throws -> (id: Int64, receipt: String) {
        let at = Timestamp.string(now)
        var receipt = Self.receipt()
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM incidents WHERE receipt = ?", arguments: [receipt]) == true {
            receipt = Self.receipt()
        }
        try db.execute(sql: """
            INSERT INTO incidents (source, receipt, service_named, title, description, occurred_on, harm_type, people_affected,
                fallback_used, actions_taken, aware_on, reported_at, updated_at)
            VALUES ('public', ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)
            """, arguments: [receipt, draft.serviceNamed, draft.title, draft.description, draft.occurredOn, draft.harmType.rawValue,
                             draft.peopleAffected, draft.fallbackUsed.rawValue, awareOn, at, at])
        let id = db.lastInsertedRowID
        try AuditStore.append(db, by: actor, action: "incident.public_received", targetType: "incident",
                              targetId: String(id), detail: "harm=\(draft.harmType.rawValue)", at: now)
        return (id, receipt)
    }

    /// Triage, first or again: the system and severity confirmed, an owner, root cause and corrective actions,
    /// the Art. 73 dates. `revision` is the one the form was built from (a change in between is refused). A
    /// changed severity gets its own audit entry (`incident.severity_raised` once the incident was triaged);
    /// becoming critical notifies the chair and the secretaries; a new owner is told.
    public func triage(id: Int64, revision: Int, _ triage: IncidentTriage, triager: Requester, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.triage(db, id: id, revision: revision, triage, triager: triager, by: actor, now: clock.now)
        }
    }

    /// `triage` inside the caller's transaction.
    package static func triage(_ db: Database, id: Int64, revision: Int, _ triage: IncidentTriage, triager: Requester,
                               by actor: AuditActor, now: Date) throws {
        guard let (before, facts) = try Self.find(db, id: id), Policy.decide(triager, .triageIncident(facts)) == .allow else {
            throw IncidentRefusal(key: "incident_error_changed")
        }
        guard before.revision == revision else { throw IncidentRefusal(key: "incident_error_changed") }
        guard let (_, system) = try SystemStore.find(db, id: triage.systemId),
              Policy.decide(triager, .viewSystem(system)) == .allow else { throw IncidentRefusal(key: "incident_error_system_unknown") }
        let newFacts = IncidentFacts(system: system, status: .triaged, critical: triage.severity == .critical,
                                     chairId: try MemberStore.chairId(db))
        if let owner = triage.ownerId {
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM users WHERE id = ? AND active = 1", arguments: [owner])
                .flatMap(Role.init(rawValue:)),
                  Policy.decide(Requester(userId: owner, role: role), .ownIncident(newFacts)) == .allow
            else { throw IncidentRefusal(key: "incident_error_owner") }
        }
        let at = Timestamp.string(now)
        try db.execute(sql: """
            UPDATE incidents SET system_id = ?, severity = ?, owner_id = ?, root_cause = ?, corrective_actions = ?, aware_on = ?,
                art73_case = ?, authority_notified_on = ?, status = 'triaged', triaged_at = COALESCE(triaged_at, ?),
                triaged_by = COALESCE(triaged_by, ?), updated_at = ?, revision = revision + 1
            WHERE id = ? AND revision = ? AND status IN ('reported', 'triaged')
            """, arguments: [triage.systemId, triage.severity.rawValue, triage.ownerId, triage.rootCause, triage.correctiveActions,
                             triage.awareOn, triage.art73Case.rawValue, triage.authorityNotifiedOn, at, actor.id, at, id, revision])
        guard db.changesCount == 1 else { throw IncidentRefusal(key: "incident_error_changed") }
        let first = before.status == .reported
        try AuditStore.append(db, by: actor, action: first ? "incident.triaged" : "incident.triage_updated", targetType: "incident",
                              targetId: String(id),
                              detail: "system=\(triage.systemId) severity=\(triage.severity.rawValue) owner=\(triage.ownerId.map(String.init) ?? "")"
                                  + " aware_on=\(triage.awareOn) art73=\(triage.art73Case.rawValue)"
                                  + " authority_notified_on=\(triage.authorityNotifiedOn ?? "")", at: now)
        if before.severity != triage.severity {
            let raised = before.severity.map { triage.severity > $0 } ?? false
            try AuditStore.append(db, by: actor, action: raised && !first ? "incident.severity_raised" : "incident.severity_changed",
                                  targetType: "incident", targetId: String(id),
                                  detail: "\(before.severity?.rawValue ?? "unassessed")->\(triage.severity.rawValue)", at: now)
        }
        if before.systemId != triage.systemId {
            try AuditStore.append(db, by: actor, action: "incident.system_changed", targetType: "incident", targetId: String(id),
                                  detail: "\(before.systemId.map(String.init) ?? "none")->\(triage.systemId)", at: now)
        }
        if triage.severity == .critical && before.severity != .critical {
            try Notifier.incidentCritical(db, incidentId: id, by: actor.id, now: now)
        }
        if let owner = triage.ownerId, owner != before.ownerId {
            try Notifier.incidentAssigned(db, incidentId: id, ownerId: owner, by: actor.id, now: now)
        }
    }

    /// Closes a triaged incident once its root cause and corrective actions are recorded; the trigger freezes it.
    public func close(id: Int64, closer: Requester, by actor: AuditActor) async throws {
        try await db.writer.write { db in try Self.close(db, id: id, closer: closer, by: actor, now: clock.now) }
    }

    /// `close` inside the caller's transaction.
    package static func close(_ db: Database, id: Int64, closer: Requester, by actor: AuditActor, now: Date) throws {
        guard let (found, facts) = try Self.find(db, id: id), Policy.decide(closer, .closeIncident(facts)) == .allow else {
            throw IncidentRefusal(key: "incident_error_changed")
        }
        guard !found.rootCause.isEmpty, !found.correctiveActions.isEmpty else {
            throw IncidentRefusal(key: "incident_error_close_incomplete")
        }
        let at = Timestamp.string(now)
        try db.execute(sql: """
            UPDATE incidents SET status = 'closed', closed_at = ?, closed_by = ?, updated_at = ?, revision = revision + 1
            WHERE id = ? AND status = 'triaged'
            """, arguments: [at, actor.id, at, id])
        guard db.changesCount == 1 else { throw IncidentRefusal(key: "incident_error_changed") }
        try AuditStore.append(db, by: actor, action: "incident.closed", targetType: "incident", targetId: String(id), at: now)
    }

    /// Records that someone opened an evidence file (the view log).
    public func logDownload(_ attachment: IncidentAttachment, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try AuditStore.append(db, by: actor, action: "incident.attachment_downloaded", targetType: "incident",
                                  targetId: String(attachment.incidentId), detail: "attachment=\(attachment.id)", at: clock.now)
        }
    }

    // MARK: helpers

    /// Writes the bytes under a random name (then renames, so no half file is ever served).
    private func saveFile(_ bytes: [UInt8]) throws -> (stored: String, digest: String) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stored = Tokens.random()
        let path = directory + "/" + stored
        try Data(bytes).write(to: URL(fileURLWithPath: path + ".part"))
        try FileManager.default.moveItem(atPath: path + ".part", toPath: path)
        return (stored, SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    }

    private static func insertAttachment(_ db: Database, incidentId: Int64, file: EvidenceFile, storedName: String, digest: String,
                                         by actor: AuditActor, at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO incident_attachments (incident_id, filename, content_type, size, sha256, stored_name, uploaded_by, uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [incidentId, file.filename, file.type.mime, file.bytes.count, digest, storedName, actor.id, Timestamp.string(now)])
        try AuditStore.append(db, by: actor, action: "incident.attachment_added", targetType: "incident", targetId: String(incidentId),
                              detail: "attachment=\(db.lastInsertedRowID) sha256=\(digest)", at: now)
    }

    /// A receipt number: twelve characters from an alphabet without look-alikes, in three groups.
    static func receipt() -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return [0, 4, 8].map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
