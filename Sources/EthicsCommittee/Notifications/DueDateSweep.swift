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
        for review in try CaseReviewStore.reviewsDue(db, by: soon) {
            let kind: NotificationKind = review.dueOn < today ? .reviewOverdue : .reviewDueSoon
            created += try Notifier.notify(db, recipients: [review.recipientId], kind: kind, record: .case, recordId: review.caseId,
                                           params: ["title": review.caseTitle, "due_on": review.dueOn], now: now,
                                           dedupe: "\(kind.rawValue):\(review.caseId):\(review.dueOn)")
        }
        for condition in try CaseDecisionStore.conditionsDue(db, by: soon) {
            let kind: NotificationKind = condition.dueOn < today ? .conditionOverdue : .conditionDueSoon
            created += try Notifier.notify(db, recipients: [condition.recipientId], kind: kind, record: .case, recordId: condition.caseId,
                                           params: ["title": condition.caseTitle, "due_on": condition.dueOn], now: now,
                                           dedupe: "\(kind.rawValue):\(condition.id):\(condition.dueOn)")
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

/// A review or condition coming due: whose it is, on which case, by when. `id` names it in the dedupe key
/// (the case for a review, the condition itself for a condition).
struct DueItem: Sendable, FetchableRecord {
    var id: Int64
    var caseId: Int64
    var caseTitle: String
    var recipientId: Int64
    var dueOn: String

    init(row: Row) {
        id = row["id"]; caseId = row["case_id"]; caseTitle = row["title"]; recipientId = row["recipient_id"]; dueOn = row["due_on"]
    }
}
