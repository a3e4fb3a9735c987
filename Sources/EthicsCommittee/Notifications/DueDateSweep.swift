import Foundation
import GRDB

/// Due dates have no event of their own: a periodic sweep notices reviews and conditions coming due
/// (within `soonDays`) or overdue. Each (recipient, kind, record, due date) is notified once, whatever
/// the number of sweeps; a new due date is notified again. Written procedures are closed here at their deadline,
/// and their voters reminded the day before. Serious incidents not yet reported to the authority remind the secretaries
/// and their owner three days before the Art. 73 deadline and on its last day (issue 18).
struct DueDateSweep: Sendable {
    let db: AppDatabase
    let formats: Formats
    static let soonDays = 2

    /// Creates what is due; returns how many notifications were created.
    @discardableResult
    func run() async throws -> Int {
        let today = formats.localISODate(), soon = formats.localISODate(daysFromNow: Self.soonDays)
        let now = formats.clock.now
        let texts = Catalog.messages(formats.settings.current.defaultLanguage)
        return try await db.writer.write { db in try Self.run(db, today: today, soon: soon, now: now, texts: texts) }
    }

    static func run(_ db: Database, today: String, soon: String, now: Date, texts: Messages = Catalog.messages(.en)) throws -> Int {
        var created = 0
        // Reviews owed (not recused, not written, case in review: migration 0037), from their partial index.
        let reviews = try Row.fetchAll(db, sql: """
            SELECT r.case_id, r.user_id, r.due_on, c.title FROM case_reviewers r JOIN cases c ON c.id = r.case_id
            WHERE r.owed = 1 AND r.due_on <= ?
            """, arguments: [soon])
        for row in reviews {
            let due: String = row["due_on"], caseId: Int64 = row["case_id"]
            let kind: NotificationKind = due < today ? .reviewOverdue : .reviewDueSoon
            created += try Notifier.notify(db, recipients: [row["user_id"]], kind: kind, record: .case, recordId: caseId,
                                           params: ["title": row["title"], "due_on": due], now: now,
                                           dedupe: "\(kind.rawValue):\(caseId):\(due)")
        }
        let conditions = try Row.fetchAll(db, sql: """
            SELECT k.id, k.case_id, k.owner_id, k.due_on, c.title FROM case_conditions k JOIN cases c ON c.id = k.case_id
            WHERE k.status = 'open' AND k.due_on <= ?
            """, arguments: [soon])
        for row in conditions {
            let due: String = row["due_on"], id: Int64 = row["id"]
            let kind: NotificationKind = due < today ? .conditionOverdue : .conditionDueSoon
            created += try Notifier.notify(db, recipients: [row["owner_id"]], kind: kind, record: .case, recordId: row["case_id"],
                                           params: ["title": row["title"], "due_on": due], now: now,
                                           dedupe: "\(kind.rawValue):\(id):\(due)")
        }
        // Written procedures: close those past their deadline, remind voters before it.
        created += try WrittenProcedureStore.sweep(db, now: now).reminded
        // Serious incidents whose Art. 73 report is due soon or today (issue 18).
        created += try IncidentStore.reportReminders(db, today: today, now: now)
        // Systems whose review came due get their re-review case (issue 18).
        created += try SystemStore.sweep(db, today: today, title: { texts.fill(.system_re_review_title, ["name": $0]) },
                                         note: texts[.system_re_review_note_due], now: now)
        return created
    }
}
