import Foundation
import GRDB

/// SQL for the committee's figures. Every query about cases goes through `CaseStore.visibility`, so a
/// reader counts only the cases they may open (a member never counts a confidential case they do not review).
public struct ReportStore: Sendable {
    let db: AppDatabase
    /// Kept until the audit trail moves (`ReportCache`).
    let cache = ReportCache()
    public init(db: AppDatabase) { self.db = db }

    /// The key of a year's figures for this reader now: the audit trail's head (`max(id)`, one index probe) changes
    /// with every change to the archive.
    private static func cacheKey(_ db: Database, _ kind: String, _ actor: Actor, _ period: ReportPeriod, _ extra: String) throws -> String {
        let head = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM audit_log")) ?? 0
        return [kind, ReportCache.scope(actor), period.start, period.end, extra, String(head)].joined(separator: "|")
    }

    /// SQL giving the quarter (0…3) of a timestamp column, from the period's bounds (4 arguments).
    private static func quarter(_ column: String) -> String {
        "CASE WHEN \(column) < ? THEN 0 WHEN \(column) < ? THEN 1 WHEN \(column) < ? THEN 2 ELSE 3 END"
    }

    /// The first submission of a case: its first "submit" event (a resubmission moves `submitted_at`).
    private static let firstSubmission = """
        COALESCE((SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.event = 'submit'), c.submitted_at)
        """

    /// The charts' figures for a year. `today` is the committee's local date; `localOffset` the `date()`
    /// modifier from UTC to it (`ReportPeriod.offsetModifier`).
    public func figures(for actor: Actor, period: ReportPeriod, today: String, localOffset: String) async throws -> ReportFigures {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        let quarterBounds: StatementArguments = [period.bounds[1], period.bounds[2], period.bounds[3]]
        let range: StatementArguments = [period.start, period.end]
        return try await db.writer.read { db in
            let key = try Self.cacheKey(db, "figures", actor, period, today + localOffset)
            if let kept = cache.value(key, as: ReportFigures.self) { return kept }
            var figures = ReportFigures()
            // Cases opened in the year, by status today.
            for status in CaseStatus.allCases { figures.casesByStatus[status] = 0 }
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT c.status, count(*) AS n FROM cases c WHERE \(visible) AND c.created_at >= ? AND c.created_at < ? GROUP BY c.status
                """), arguments: visibleArguments + range) {
                if let status = CaseStatus(rawValue: row["status"]) { figures.casesByStatus[status] = row["n"] }
            }
            // Decisions by quarter and outcome, deferrals from the timeline.
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Self.quarter("d.decided_at")) AS q, d.outcome, count(*) AS n
                FROM case_decisions d JOIN cases c ON c.id = d.case_id
                WHERE \(visible) AND d.decided_at >= ? AND d.decided_at < ? GROUP BY q, d.outcome
                UNION ALL
                SELECT \(Self.quarter("e.at")) AS q, 'deferred', count(*) AS n
                FROM case_events e JOIN cases c ON c.id = e.case_id
                WHERE \(visible) AND e.event = 'defer_' AND e.at >= ? AND e.at < ? GROUP BY q
                """), arguments: quarterBounds + visibleArguments + range + quarterBounds + visibleArguments + range) {
                let q: Int = row["q"]
                if let outcome = DecisionOutcome(rawValue: row["outcome"]) { figures.decisions[q][outcome, default: 0] += row["n"] }
            }
            // Days from first submission to decision: the count and median per quarter (q 0…3) and for the year
            // (q 4), in SQL: only the one or two middle values of each group reach Swift.
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                WITH d AS (
                    SELECT \(Self.quarter("d.decided_at")) AS q, round(julianday(d.decided_at) - julianday(\(Self.firstSubmission)), 1) AS days
                    FROM case_decisions d JOIN cases c ON c.id = d.case_id
                    WHERE \(visible) AND d.decided_at >= ? AND d.decided_at < ? AND \(Self.firstSubmission) IS NOT NULL),
                g AS (SELECT q, days FROM d UNION ALL SELECT 4, days FROM d),
                r AS (SELECT q, days, row_number() OVER (PARTITION BY q ORDER BY days) AS k, count(*) OVER (PARTITION BY q) AS n FROM g)
                SELECT q, n, avg(days) AS median FROM r WHERE k IN ((n + 1) / 2, (n + 2) / 2) GROUP BY q
                """), arguments: quarterBounds + visibleArguments + range) {
                let q: Int = row["q"], count: Int = row["n"], median: Double = row["median"]
                if q == 4 { figures.medianYear = median } else { figures.medianQuarters[q] = median; figures.decidedCount[q] = count }
            }
            // Reviewer assignments due in the year, by what became of them.
            for status in ReviewTimeliness.allCases { figures.reviews[status] = 0 }
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT CASE
                    WHEN v.submitted_at IS NOT NULL AND date(v.submitted_at, ?) <= r.due_on THEN 'on_time'
                    WHEN v.submitted_at IS NOT NULL THEN 'late'
                    WHEN c.status = 'in_review' AND r.due_on < ? THEN 'overdue'
                    WHEN c.status = 'in_review' THEN 'pending'
                    ELSE 'not_written' END AS timeliness, count(*) AS n
                FROM case_reviewers r JOIN cases c ON c.id = r.case_id
                LEFT JOIN reviews v ON v.case_id = r.case_id AND v.reviewer_id = r.user_id
                WHERE \(visible) AND r.recused_at IS NULL AND r.due_on BETWEEN ? AND ?
                GROUP BY timeliness
                """), arguments: [localOffset, today] + visibleArguments + [period.firstDay, period.lastDay]) {
                if let status = ReviewTimeliness(rawValue: row["timeliness"]) { figures.reviews[status] = row["n"] }
            }
            // Cases opened in the year by AI Act class and by role (the labels stored at classification).
            for key in AIActFigures.classes { figures.aiActClasses[key] = 0 }
            for row in try Row.fetchAll(db, sql: """
                SELECT COALESCE(a.risk_class, 'unclassified') AS k, count(*) AS n
                FROM cases c LEFT JOIN case_ai_act a ON a.case_id = c.id
                WHERE \(visible) AND c.created_at >= ? AND c.created_at < ? GROUP BY k
                """, arguments: visibleArguments + range) {
                figures.aiActClasses[row["k"] as String] = row["n"]
            }
            for key in AIActFigures.roles { figures.aiActRoles[key] = 0 }
            for row in try Row.fetchAll(db, sql: """
                SELECT l.code, count(DISTINCT c.id) AS n
                FROM cases c JOIN case_ai_act_labels l ON l.case_id = c.id AND l.kind = 'role'
                WHERE \(visible) AND c.created_at >= ? AND c.created_at < ? GROUP BY l.code
                """, arguments: visibleArguments + range) {
                figures.aiActRoles[row["code"] as String] = row["n"]
            }
            figures.expertise = try Self.expertise(db)
            cache.store(figures, key)
            return figures
        }
    }

    /// Active members and experts per expertise area, internal and external (today, not per year).
    static func expertise(_ db: Database) throws -> [(area: ExpertiseArea, internal: Int, external: Int)] {
        var counts: [String: (Int, Int)] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.area, COALESCE(p.external, u.role = 'expert') AS external, count(*) AS n
            FROM member_expertise e JOIN users u ON u.id = e.user_id LEFT JOIN member_profiles p ON p.user_id = u.id
            WHERE u.active = 1 AND u.role IN ('member', 'expert') GROUP BY e.area, external
            """)) {
            let area: String = row["area"], external: Bool = row["external"], n: Int = row["n"]
            var pair = counts[area] ?? (0, 0)
            if external { pair.1 += n } else { pair.0 += n }
            counts[area] = pair
        }
        return ExpertiseArea.allCases.filter { $0 != .other }.map { area in
            let pair = counts[area.rawValue] ?? (0, 0)
            return (area: area, internal: pair.0, external: pair.1)
        }
    }

    /// The annual report's other figures: cases received and decided, conditions, meetings and attendance,
    /// governance versions published, deliverables delivered (those linked to a case the reader may not open left out).
    public func annual(for actor: Actor, period: ReportPeriod, today: String, listLimit: Int = 100) async throws -> AnnualFigures {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        let range: StatementArguments = [period.start, period.end]
        return try await db.writer.read { db in
            let key = try Self.cacheKey(db, "annual", actor, period, today + "|\(listLimit)")
            if let kept = cache.value(key, as: AnnualFigures.self) { return kept }
            var report = AnnualFigures()
            // First submitted in the year (`firstSubmission`), found from the year's rows rather than every case's:
            // a "submit" event in the year with none before it, or no such event and `submitted_at` in the year.
            // (?1 and ?2, the year, come before the access rule's anonymous parameters, which SQLite numbers after them.)
            report.casesReceived = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM cases c WHERE c.id IN (
                    SELECT e.case_id FROM case_events e WHERE e.event = 'submit' AND e.at >= ?1 AND e.at < ?2
                        AND NOT EXISTS (SELECT 1 FROM case_events f WHERE f.case_id = e.case_id AND f.event = 'submit' AND f.at < ?1)
                    UNION
                    SELECT k.id FROM cases k WHERE k.submitted_at >= ?1 AND k.submitted_at < ?2
                        AND NOT EXISTS (SELECT 1 FROM case_events f WHERE f.case_id = k.id AND f.event = 'submit'))
                  AND \(visible)
                """), arguments: range + visibleArguments) ?? 0
            report.casesDecided = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM case_decisions d JOIN cases c ON c.id = d.case_id WHERE \(visible) AND d.decided_at >= ? AND d.decided_at < ?
                """), arguments: visibleArguments + range) ?? 0
            if let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) AS total, COALESCE(sum(k.status = 'met'), 0) AS met, COALESCE(sum(k.status = 'open'), 0) AS open,
                       COALESCE(sum(k.status = 'open' AND k.due_on < ?), 0) AS overdue
                FROM case_conditions k JOIN case_decisions d ON d.case_id = k.case_id JOIN cases c ON c.id = k.case_id
                WHERE \(visible) AND d.decided_at >= ? AND d.decided_at < ?
                """), arguments: [today] + visibleArguments + range) {
                report.conditionsSet = row["total"]; report.conditionsMet = row["met"]
                report.conditionsOpen = row["open"]; report.conditionsOverdue = row["overdue"]
            }
            report.meetings = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT m.id, m.title, m.starts_at, count(i.user_id) AS invited,
                       COALESCE(sum(i.attendance = 'present'), 0) AS present, count(i.attendance) AS recorded
                FROM meetings m LEFT JOIN meeting_invitees i ON i.meeting_id = m.id
                WHERE m.status IN ('held', 'closed') AND m.starts_at >= ? AND m.starts_at < ?
                GROUP BY m.id ORDER BY m.starts_at
                """), arguments: range).map {
                AnnualFigures.HeldMeeting(id: $0["id"], title: $0["title"], startsAt: $0["starts_at"], invited: $0["invited"],
                                          present: $0["present"], recorded: $0["recorded"])
            }
            report.charterVersions = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT d.kind, v.number, v.change_kind, v.change_note, v.published_at
                FROM governance_versions v JOIN governance_documents d ON d.id = v.document_id
                WHERE v.published_at >= ? AND v.published_at < ? ORDER BY v.published_at, v.id
                """), arguments: range).map {
                AnnualFigures.PublishedVersion(kind: $0["kind"], number: $0["number"], changeKind: $0["change_kind"],
                                               changeNote: $0["change_note"], publishedAt: $0["published_at"])
            }
            // Delivered in the year: counted by kind, and the first `listLimit` other than opinions listed.
            let delivered = """
                FROM deliverables x WHERE x.status = 'delivered' AND x.delivered_at >= ? AND x.delivered_at < ?
                  AND (x.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = x.case_id AND \(visible)))
                """
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT x.kind, count(*) AS n \(delivered) GROUP BY x.kind"),
                                        arguments: range + visibleArguments) {
                let kind: String = row["kind"], count: Int = row["n"]
                report.deliverableKinds[DeliverableKind(rawValue: kind) ?? .other, default: 0] += count
            }
            report.deliverables = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT x.title, x.kind, x.delivered_at \(delivered) AND x.kind <> 'opinion' ORDER BY x.delivered_at, x.id LIMIT ?
                """), arguments: range + visibleArguments + [listLimit]).map {
                AnnualFigures.DeliveredItem(title: $0["title"], kind: DeliverableKind(rawValue: $0["kind"]) ?? .other,
                                            deliveredAt: $0["delivered_at"])
            }
            let listable = report.deliverableKinds.filter { $0.key != .opinion }.values.reduce(0, +)
            report.deliverablesMore = max(0, listable - report.deliverables.count)
            cache.store(report, key)
            return report
        }
    }

    /// The first year with a case, for the year pickers (nil on an empty database).
    public func firstCaseTimestamp() async throws -> String? {
        try await db.writer.read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT min(created_at) FROM cases")) }
    }
}
