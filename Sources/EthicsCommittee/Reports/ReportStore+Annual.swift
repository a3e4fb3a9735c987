import Foundation
import GRDB

/// The annual report's figures, one group of queries each, run inside `ReportStore.annual`'s one read.
extension ReportStore {
    /// Cases first submitted and cases decided in the year.
    static func caseCounts(_ db: Database, _ year: ReportQuery, into report: inout AnnualFigures) throws {
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
              AND \(year.visible)
            """), arguments: year.range + year.arguments) ?? 0
        report.casesDecided = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM case_decisions d JOIN cases c ON c.id = d.case_id WHERE \(year.visible) AND d.decided_at >= ? AND d.decided_at < ?
            """), arguments: year.arguments + year.range) ?? 0
    }

    /// Conditions set by the year's decisions: met, open, and open past their date.
    static func conditions(_ db: Database, _ year: ReportQuery, today: String, into report: inout AnnualFigures) throws {
        if let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) AS total, COALESCE(sum(k.status = 'met'), 0) AS met, COALESCE(sum(k.status = 'open'), 0) AS open,
                   COALESCE(sum(k.status = 'open' AND k.due_on < ?), 0) AS overdue
            FROM case_conditions k JOIN case_decisions d ON d.case_id = k.case_id JOIN cases c ON c.id = k.case_id
            WHERE \(year.visible) AND d.decided_at >= ? AND d.decided_at < ?
            """), arguments: [today] + year.arguments + year.range) {
            report.conditionsSet = row["total"]; report.conditionsMet = row["met"]
            report.conditionsOpen = row["open"]; report.conditionsOverdue = row["overdue"]
        }
    }

    /// Meetings held and their attendance; governance versions published.
    static func meetingsAndVersions(_ db: Database, _ year: ReportQuery, into report: inout AnnualFigures) throws {
        report.meetings = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.id, m.title, m.starts_at, count(i.user_id) AS invited,
                   COALESCE(sum(i.attendance = 'present'), 0) AS present, count(i.attendance) AS recorded
            FROM meetings m LEFT JOIN meeting_invitees i ON i.meeting_id = m.id
            WHERE m.status IN ('held', 'closed') AND m.starts_at >= ? AND m.starts_at < ?
            GROUP BY m.id ORDER BY m.starts_at
            """), arguments: year.range).map {
            AnnualFigures.HeldMeeting(id: $0["id"], title: $0["title"], startsAt: $0["starts_at"], invited: $0["invited"],
                                      present: $0["present"], recorded: $0["recorded"])
        }
        report.charterVersions = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT d.kind, v.number, v.change_kind, v.change_note, v.published_at
            FROM governance_versions v JOIN governance_documents d ON d.id = v.document_id
            WHERE v.published_at >= ? AND v.published_at < ? ORDER BY v.published_at, v.id
            """), arguments: year.range).map {
            AnnualFigures.PublishedVersion(kind: $0["kind"], number: $0["number"], changeKind: $0["change_kind"],
                                           changeNote: $0["change_note"], publishedAt: $0["published_at"])
        }
    }

    /// Delivered in the year: counted by kind, and the first `listLimit` other than opinions listed.
    static func deliverables(_ db: Database, _ year: ReportQuery, listLimit: Int, into report: inout AnnualFigures) throws {
        let delivered = """
            FROM deliverables x WHERE x.status = 'delivered' AND x.delivered_at >= ? AND x.delivered_at < ?
              AND (x.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = x.case_id AND \(year.visible)))
            """
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT x.kind, count(*) AS n \(delivered) GROUP BY x.kind"),
                                    arguments: year.range + year.arguments) {
            let kind: String = row["kind"], count: Int = row["n"]
            report.deliverableKinds[DeliverableKind(rawValue: kind) ?? .other, default: 0] += count
        }
        report.deliverables = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT x.title, x.kind, x.delivered_at \(delivered) AND x.kind <> 'opinion' ORDER BY x.delivered_at, x.id LIMIT ?
            """), arguments: year.range + year.arguments + [listLimit]).map {
            AnnualFigures.DeliveredItem(title: $0["title"], kind: DeliverableKind(rawValue: $0["kind"]) ?? .other,
                                        deliveredAt: $0["delivered_at"])
        }
        let listable = report.deliverableKinds.filter { $0.key != .opinion }.values.reduce(0, +)
        report.deliverablesMore = max(0, listable - report.deliverables.count)
    }
}
