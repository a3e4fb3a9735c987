import EthicsCommittee
import GRDB

/// The few reads the demo generator needs for its report.
struct DemoStore: Sendable {
    let db: AppDatabase

    struct Counts: Sendable {
        var accounts = 0, members = 0, externalMembers = 0, charterVersions = 0, auditEntries = 0
        var meetings = 0, approvedMinutes = 0, deliverables = 0, attachments = 0
        var casesByStatus: [CaseStatus: Int] = [:]
    }

    /// Accounts, seats, charter versions, audit entries and cases per status.
    func counts() async throws -> Counts {
        try await db.writer.read { db in
            var counts = Counts()
            counts.accounts = try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0
            counts.members = try Int.fetchOne(db, sql: "SELECT count(*) FROM users WHERE role IN ('member', 'expert')") ?? 0
            counts.externalMembers = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM member_profiles p JOIN users u ON u.id = p.user_id
                WHERE p.external = 1 AND u.role IN ('member', 'expert')
                """) ?? 0
            counts.charterVersions = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM governance_versions v JOIN governance_documents d ON d.id = v.document_id WHERE d.kind = 'charter'
                """) ?? 0
            counts.auditEntries = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0
            counts.meetings = try Int.fetchOne(db, sql: "SELECT count(*) FROM meetings") ?? 0
            counts.approvedMinutes = try Int.fetchOne(db, sql: "SELECT count(*) FROM meeting_minutes WHERE status = 'approved'") ?? 0
            counts.deliverables = try Int.fetchOne(db, sql: "SELECT count(*) FROM deliverables") ?? 0
            counts.attachments = try Int.fetchOne(db, sql: "SELECT count(*) FROM case_attachments") ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM cases GROUP BY status") {
                if let status = CaseStatus(rawValue: row["status"]) { counts.casesByStatus[status] = row["n"] }
            }
            return counts
        }
    }
}
