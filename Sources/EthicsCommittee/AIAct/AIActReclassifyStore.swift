import Foundation
import GRDB

/// An open or approved case classified with an earlier questionnaire version, with what it holds now.
public struct AIActOutdatedCase: Sendable, Equatable {
    public let caseId: Int64
    public let title: String
    public let status: CaseStatus
    public let version: Int
    public let riskClass: AIActClass?
    public let labels: [AIActLabel]
    public let answers: [String: String]
}

/// Why a case was not re-classified (409): it is neither open nor approved any more.
public struct AIActReclassifyRefusal: Error, Equatable, Sendable, StateRefusal {
    public let key: String
}

/// SQL for re-classifying cases when the questionnaire's version changes: which open and approved cases an earlier
/// version classified, and classifying one again from its stored answers with the current version.
public struct AIActReclassifyStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// Open and approved: what the case list's "outdated" filter means too.
    static let statuses: [CaseStatus] = [.submitted, .needsInfo, .inReview, .decided]

    /// One page of the open and approved cases classified with a version before `current`, oldest case first, counted and
    /// read in one snapshot, the page clamped to those that exist. Staff see every case, so no visibility rule narrows it.
    public func outdated(current: Int = AIActQuestionnaire.version, page requested: Int, size: Int) async throws -> ListPage<AIActOutdatedCase> {
        let statuses = Self.statuses.map(\.rawValue)
        return try await db.writer.read { db in
            let filter = """
                FROM cases c JOIN case_ai_act a ON a.case_id = c.id
                WHERE a.questionnaire_version < ? AND c.status IN (\(statuses.map { _ in "?" }.joined(separator: ", ")))
                """
            var arguments: StatementArguments = [current]
            arguments += StatementArguments(statuses)
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(filter)", arguments: arguments) ?? 0
            let (number, offset) = ListPage<AIActOutdatedCase>.clamp(requested: requested, total: total, size: size)
            var pageArguments = arguments
            pageArguments += [size, offset]
            let rows = try Row.fetchAll(db, sql: "SELECT c.id, c.title, c.status \(filter) ORDER BY c.id LIMIT ? OFFSET ?",
                                        arguments: pageArguments)
            let cases = try rows.map { row -> AIActOutdatedCase in
                let id: Int64 = row["id"]
                let record = try AIActStore.record(db, caseId: id)
                return AIActOutdatedCase(caseId: id, title: row["title"], status: CaseStatus(rawValue: row["status"]) ?? .submitted,
                                         version: record.version ?? 1, riskClass: record.riskClass, labels: record.labels,
                                         answers: record.answers)
            }
            return ListPage(rows: cases, total: total, number: number, size: size)
        }
    }

    /// Classifies the case again from its stored answers with the current questionnaire, in one transaction with one
    /// audit entry (the class before and after). A class that now demands the high-risk path raises the case's tier.
    public func reclassify(caseId: Int64, by actor: AuditActor) async throws {
        let now = clock.now
        try await db.writer.write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM cases WHERE id = ?", arguments: [caseId]) else {
                throw Refusal.notFound
            }
            guard Self.statuses.map(\.rawValue).contains(status) else { throw AIActReclassifyRefusal(key: "aiact_reclassify_error_status") }
            let before = try AIActStore.record(db, caseId: caseId)
            try AIActStore.save(db, caseId: caseId, answers: before.answers, at: Timestamp.string(now))
            var detail = "from=v\(before.version ?? 0):\(before.riskClass?.rawValue ?? "none")"
            let after = try AIActStore.record(db, caseId: caseId)
            detail += " to=v\(after.version ?? 0):\(after.riskClass?.rawValue ?? "incomplete")"
            if AIActClassifier.demandsHighRiskPath(after.answers) {
                try db.execute(sql: "UPDATE cases SET risk_tier = 'high' WHERE id = ? AND risk_tier <> 'high'", arguments: [caseId])
                if db.changesCount == 1 { detail += " tier=high" }
            }
            try AuditStore.append(db, by: actor, action: "aiact.reclassified", targetType: "case", targetId: String(caseId), detail: detail, at: now)
        }
    }
}
