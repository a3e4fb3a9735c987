import Foundation
import GRDB

/// One case of an export, with its decision and its conditions.
public struct ExportedCase: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var team: String
    public var status: CaseStatus
    public var riskTier: RiskTier
    public var confidential: Bool
    public var createdAt: String
    public var submittedAt: String?
    public var outcome: DecisionOutcome?
    public var decidedAt: String?
    public var procedure: String?
    public var conditions: [ExportedCondition]
    /// The AI Act class (nil while the questionnaire is incomplete) and labels ("code point", in order).
    public var aiActClass: AIActClass? = nil
    public var aiActLabels: [String] = []
}

public struct ExportedCondition: Sendable, Equatable {
    public var id: Int64
    public var text: String
    public var dueOn: String
    public var status: String
    public var metAt: String?
}

extension ReportStore {
    /// Cases per batch of an export: one short read each (a few ms on the large demo).
    static let exportBatchSize = 500

    /// Every case the reader may open (`CaseStore.visibility`, as the case list), filtered by status and tier when
    /// given, oldest first, with its decision and conditions: in batches read by id (`KeysetBatches`), so the
    /// download starts at once and memory holds one batch whatever the archive's size.
    func exportBatches(for actor: Requester, status: CaseStatus?, tier: RiskTier?, size: Int = exportBatchSize)
        -> KeysetBatches<ExportedCase> {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        var conditions = [visible]
        var arguments = visibleArguments
        if let status { conditions.append("c.status = ?"); arguments += [status.rawValue] }
        if let tier { conditions.append("c.risk_tier = ?"); arguments += [tier.rawValue] }
        let whereClause = conditions.joined(separator: " AND ")
        let filterArguments = arguments
        let db = self.db
        return KeysetBatches(start: 0, read: { after in
            try await db.writer.read { db in try Self.exportBatch(db, whereClause, filterArguments, after: after, size: size) }
        }, key: { $0.id })
    }

    /// The `size` cases after `after` that the filter selects, then their conditions (one query for the batch's range).
    private static func exportBatch(_ db: Database, _ whereClause: String, _ filterArguments: StatementArguments,
                                    after: Int64, size: Int) throws -> [ExportedCase] {
        var caseArguments = filterArguments
        caseArguments += [after, size]
        var rows = try Row.fetchAll(db.cachedStatement(sql: exportCasesSQL(whereClause)), arguments: caseArguments).map { row in
            ExportedCase(id: row["id"], title: row["title"], team: row["team"],
                         status: CaseStatus(rawValue: row["status"]) ?? .draft, riskTier: RiskTier(rawValue: row["risk_tier"]) ?? .medium,
                         confidential: row["confidential"], createdAt: row["created_at"], submittedAt: row["submitted"],
                         outcome: (row["outcome"] as String?).flatMap(DecisionOutcome.init), decidedAt: row["decided_at"],
                         procedure: row["procedure"], conditions: [],
                         aiActClass: (row["ai_act_class"] as String?).flatMap(AIActClass.init(rawValue:)),
                         aiActLabels: ((row["ai_act_labels"] as String?) ?? "").components(separatedBy: "; ").filter { !$0.isEmpty })
        }
        guard let first = rows.first, let last = rows.last else { return [] }
        // The conditions of the batch's cases: its id range under the same filter, so a case the reader may not
        // open is never read.
        var conditionArguments = filterArguments
        conditionArguments += [first.id, last.id]
        var byCase: [Int64: [ExportedCondition]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: exportConditionsSQL(whereClause)), arguments: conditionArguments) {
            byCase[row["case_id"], default: []].append(
                ExportedCondition(id: row["id"], text: row["text"], dueOn: row["due_on"], status: row["status"], metAt: row["met_at"]))
        }
        for index in rows.indices { rows[index].conditions = byCase[rows[index].id] ?? [] }
        return rows
    }

    /// A batch of cases after an id (arguments: the filter's, the id, the batch size), by primary key from that id.
    static func exportCasesSQL(_ whereClause: String) -> String {
        """
        SELECT c.id, c.title, c.team, c.status, c.risk_tier, c.confidential, c.created_at,
               COALESCE((SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.event = 'submit'), c.submitted_at) AS submitted,
               d.outcome, d.decided_at, d.procedure,
               (SELECT a.risk_class FROM case_ai_act a WHERE a.case_id = c.id) AS ai_act_class,
               (SELECT group_concat(label, '; ') FROM (
                   SELECT l.code || CASE WHEN l.point <> '' THEN ' ' || l.point ELSE '' END AS label
                   FROM case_ai_act_labels l WHERE l.case_id = c.id ORDER BY l.position)) AS ai_act_labels
        FROM cases c LEFT JOIN case_decisions d ON d.case_id = c.id
        WHERE \(whereClause) AND c.id > ? ORDER BY c.id LIMIT ?
        """
    }

    /// The conditions of a batch's id range under the filter (arguments: the filter's, the first and last id).
    static func exportConditionsSQL(_ whereClause: String) -> String {
        """
        SELECT k.id, k.case_id, k.text, k.due_on, k.status, k.met_at FROM case_conditions k JOIN cases c ON c.id = k.case_id
        WHERE \(whereClause) AND k.case_id BETWEEN ? AND ? ORDER BY k.case_id, k.id
        """
    }
}
