import Foundation
import GRDB

/// The charts' figures, one query each, run inside `ReportStore.figures`'s one read.
extension ReportStore {
    /// Cases opened in the year, by status today.
    static func casesByStatus(_ db: Database, _ year: ReportQuery, into figures: inout ReportFigures) throws {
        for status in CaseStatus.allCases { figures.casesByStatus[status] = 0 }
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.status, count(*) AS n FROM cases c WHERE \(year.visible) AND c.created_at >= ? AND c.created_at < ? GROUP BY c.status
            """), arguments: year.arguments + year.range) {
            if let status = CaseStatus(rawValue: row["status"]) { figures.casesByStatus[status] = row["n"] }
        }
    }

    /// Decisions by quarter and outcome, deferrals from the timeline.
    static func decisions(_ db: Database, _ year: ReportQuery, into figures: inout ReportFigures) throws {
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(Self.quarter("d.decided_at")) AS q, d.outcome, count(*) AS n
            FROM case_decisions d JOIN cases c ON c.id = d.case_id
            WHERE \(year.visible) AND d.decided_at >= ? AND d.decided_at < ? GROUP BY q, d.outcome
            UNION ALL
            SELECT \(Self.quarter("e.at")) AS q, 'deferred', count(*) AS n
            FROM case_events e JOIN cases c ON c.id = e.case_id
            WHERE \(year.visible) AND e.event = 'defer_' AND e.at >= ? AND e.at < ? GROUP BY q
            """), arguments: year.quarterBounds + year.arguments + year.range + year.quarterBounds + year.arguments + year.range) {
            let q: Int = row["q"]
            if let outcome = DecisionOutcome(rawValue: row["outcome"]) { figures.decisions[q][outcome, default: 0] += row["n"] }
        }
    }

    /// Days from first submission to decision: the count and median per quarter (q 0…3) and for the year
    /// (q 4), in SQL: only the one or two middle values of each group reach Swift.
    static func medianDays(_ db: Database, _ year: ReportQuery, into figures: inout ReportFigures) throws {
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            WITH d AS (
                SELECT \(Self.quarter("d.decided_at")) AS q, round(julianday(d.decided_at) - julianday(\(Self.firstSubmission)), 1) AS days
                FROM case_decisions d JOIN cases c ON c.id = d.case_id
                WHERE \(year.visible) AND d.decided_at >= ? AND d.decided_at < ? AND \(Self.firstSubmission) IS NOT NULL),
            g AS (SELECT q, days FROM d UNION ALL SELECT 4, days FROM d),
            r AS (SELECT q, days, row_number() OVER (PARTITION BY q ORDER BY days) AS k, count(*) OVER (PARTITION BY q) AS n FROM g)
            SELECT q, n, avg(days) AS median FROM r WHERE k IN ((n + 1) / 2, (n + 2) / 2) GROUP BY q
            """), arguments: year.quarterBounds + year.arguments + year.range) {
            let q: Int = row["q"], count: Int = row["n"], median: Double = row["median"]
            if q == 4 { figures.medianYear = median } else { figures.medianQuarters[q] = median; figures.decidedCount[q] = count }
        }
    }

    /// Reviewer assignments due in the year, by what became of them.
    static func reviewTimeliness(_ db: Database, _ year: ReportQuery, today: String, localOffset: String,
                                 into figures: inout ReportFigures) throws {
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
            WHERE \(year.visible) AND r.recused_at IS NULL AND r.due_on BETWEEN ? AND ?
            GROUP BY timeliness
            """), arguments: [localOffset, today] + year.arguments + [year.period.firstDay, year.period.lastDay]) {
            if let status = ReviewTimeliness(rawValue: row["timeliness"]) { figures.reviews[status] = row["n"] }
        }
    }

    /// Cases opened in the year by AI Act class and by role (the labels stored at classification).
    static func aiActFigures(_ db: Database, _ year: ReportQuery, into figures: inout ReportFigures) throws {
        for key in AIActFigures.classes { figures.aiActClasses[key] = 0 }
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT COALESCE(a.risk_class, 'unclassified') AS k, count(*) AS n
            FROM cases c LEFT JOIN case_ai_act a ON a.case_id = c.id
            WHERE \(year.visible) AND c.created_at >= ? AND c.created_at < ? GROUP BY k
            """), arguments: year.arguments + year.range) {
            figures.aiActClasses[row["k"] as String] = row["n"]
        }
        for key in AIActFigures.roles { figures.aiActRoles[key] = 0 }
        for row in try Row.fetchAll(db.cachedStatement(sql: aiActRolesSQL(year.visible)), arguments: year.arguments + year.range) {
            figures.aiActRoles[row["code"] as String] = row["n"]
        }
    }

    /// The year's cases first (`CROSS JOIN` keeps them the outer loop, from `cases_by_created`), then their labels by
    /// case: left to itself SQLite walked every role label of every year through the code index and read each one's case
    /// (24 ms on the large demo, a third of the figures' first view; 2.5 ms this way).
    static func aiActRolesSQL(_ visible: String) -> String {
        """
        SELECT l.code, count(DISTINCT c.id) AS n
        FROM cases c CROSS JOIN case_ai_act_labels l ON l.case_id = c.id AND l.kind = 'role'
        WHERE \(visible) AND c.created_at >= ? AND c.created_at < ? GROUP BY l.code
        """
    }
}
