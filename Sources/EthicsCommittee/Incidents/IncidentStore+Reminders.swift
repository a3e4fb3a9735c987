import Foundation
import GRDB

extension IncidentStore {
    /// Serious incidents still open whose authority has not been told, aware since the date bound: read through the
    /// partial index `incidents_report_pending` (migration 0034), so the sweep never scans the closed and minor ones (in the
    /// index's order: ordered by id, SQLite would rather scan the table).
    static let pendingReports = """
        SELECT i.id, i.title, i.severity, i.aware_on, i.art73_case, i.owner_id, s.name AS system_name
        FROM incidents i JOIN systems s ON s.id = i.system_id
        WHERE i.severity IN ('serious', 'critical') AND i.status <> 'closed' AND i.authority_notified_on IS NULL AND i.aware_on >= ?
        ORDER BY i.aware_on, i.id
        """

    /// The due-date sweep's reminders of the Art. 73 report: for each serious or critical incident still open whose
    /// authority has not been told, the secretaries and the incident's owner are reminded `Art73Deadline.reminderDays`
    /// before the deadline and on its last day, once each (the dedupe key names the incident, the reminder and the
    /// deadline: a corrected date of awareness or period reminds again). Each recipient is checked by `Notifier.mayOpen`.
    /// Returns how many notifications were created.
    static func reportReminders(_ db: Database, today: String, now: Date) throws -> Int {
        guard let earliest = Art73Deadline.shifted(today, days: -Art73Deadline.longestPeriod) else { return 0 }
        let pending = try Row.fetchAll(db, sql: pendingReports, arguments: [earliest])
        guard !pending.isEmpty else { return 0 }
        let secretaries = try UserStore.activeSecretaries(db)
        var created = 0
        for row in pending {
            let id: Int64 = row["id"]
            guard let due = Art73Deadline.due(severity: IncidentSeverity(rawValue: row["severity"]), awareOn: row["aware_on"],
                                              case: Art73Case(rawValue: row["art73_case"]) ?? .standard),
                  let reminder = Art73Deadline.reminder(due: due, today: today) else { continue }
            let kind: NotificationKind = reminder == .today ? .incidentReportDueToday : .incidentReportDueSoon
            let owner: Int64? = row["owner_id"]
            created += try Notifier.notify(db, recipients: secretaries + [owner].compactMap { $0 }, kind: kind, record: .incident,
                                           recordId: id, params: ["title": row["title"], "system": row["system_name"], "due_on": due],
                                           now: now, dedupe: "\(kind.rawValue):\(id):\(due)")
        }
        return created
    }
}
