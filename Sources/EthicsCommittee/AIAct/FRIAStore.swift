import Foundation
import GRDB

/// Why an assessment was not saved: the case moved on, or someone saved a version meanwhile (409, values kept).
public struct FRIARefusal: Error, Equatable, Sendable, StateRefusal {
    public let key: String
}

/// SQL for the fundamental-rights impact assessments (Art. 27): versions that never change once written.
public struct FRIAStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    static let writable: [CaseStatus] = [.draft, .submitted, .needsInfo, .inReview]

    /// One version of a case's assessment; the latest when `version` is nil.
    public func version(caseId: Int64, _ version: Int? = nil) async throws -> FRIAVersion? {
        try await db.writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT f.*, u.name FROM case_fria_versions f JOIN users u ON u.id = f.written_by
                WHERE f.case_id = ?1 AND (f.version = ?2 OR (?2 IS NULL AND f.version = (SELECT max(version) FROM case_fria_versions WHERE case_id = ?1)))
                """, arguments: [caseId, version]).map(Self.read)
        }
    }

    /// The versions of a case's assessment, newest first, at most `limit` (the page says when there are more).
    public func versions(caseId: Int64, limit: Int = 20) async throws -> (versions: [FRIAVersion], total: Int) {
        try await db.writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM case_fria_versions WHERE case_id = ?", arguments: [caseId]) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.*, u.name FROM case_fria_versions f JOIN users u ON u.id = f.written_by
                WHERE f.case_id = ? ORDER BY f.version DESC LIMIT ?
                """, arguments: [caseId, limit])
            return (rows.map(Self.read), total)
        }
    }

    /// Writes the next version, if the case is still open to it and nobody saved one since `base` (the version the
    /// writer started from, 0 for none). One audit entry and a line on the case's timeline. Returns the version.
    public func save(caseId: Int64, _ fria: FRIA, base: Int, by actor: AuditActor) async throws -> Int {
        let now = clock.now
        return try await db.writer.write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM cases WHERE id = ?", arguments: [caseId]) else {
                throw Refusal.notFound
            }
            guard Self.writable.map(\.rawValue).contains(status) else { throw FRIARefusal(key: "fria_error_case_decided") }
            let latest = try Self.latestVersion(db, caseId: caseId) ?? 0
            guard latest == base else { throw FRIARefusal(key: "fria_error_changed") }
            let at = Timestamp.string(now)
            do {
                try db.execute(sql: """
                    INSERT INTO case_fria_versions (case_id, version, processes, period, persons, risks, oversight, measures, written_by, written_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [caseId, latest + 1, fria.processes, fria.period, fria.persons, fria.risks, fria.oversight,
                                     fria.measures, actor.id, at])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw FRIARefusal(key: "fria_error_changed")
            }
            try CaseStore.event(db, caseId: caseId, actor: actor, event: "fria_written", detail: "version=\(latest + 1)", at: at)
            try AuditStore.append(db, by: actor, action: "aiact.fria_written", targetType: "case", targetId: String(caseId),
                                  detail: "version=\(latest + 1)", at: now)
            return latest + 1
        }
    }

    /// The latest version of a case's assessment, inside the caller's transaction.
    static func latestVersion(_ db: Database, caseId: Int64) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT max(version) FROM case_fria_versions WHERE case_id = ?", arguments: [caseId])
    }

    /// Whether the case's classification requires an assessment (Art. 27(1)), inside the caller's transaction.
    static func required(_ db: Database, caseId: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM case_ai_act_labels WHERE case_id = ? AND code = 'fria')",
                          arguments: [caseId]) ?? false
    }

    private static func read(_ row: Row) -> FRIAVersion {
        FRIAVersion(caseId: row["case_id"], version: row["version"],
                    fria: FRIA(processes: row["processes"], period: row["period"], persons: row["persons"], risks: row["risks"],
                               oversight: row["oversight"], measures: row["measures"]),
                    writtenBy: row["name"], writtenAt: row["written_at"])
    }
}
