import Foundation
import GRDB

/// What happened. Stored as the raw value; the text is the catalogue's `notification_{kind}` in the reader's language.
public enum NotificationKind: String, Sendable, CaseIterable {
    case reviewerAssigned = "reviewer_assigned"
    case questionAsked = "question_asked"
    case caseDecided = "case_decided"
    case documentPublished = "document_published"
    case minutesToApprove = "minutes_to_approve"
    case reviewDueSoon = "review_due_soon"
    case reviewOverdue = "review_overdue"
    case conditionDueSoon = "condition_due_soon"
    case conditionOverdue = "condition_overdue"
    case meetingPlanned = "meeting_planned"
    case meetingChanged = "meeting_changed"
    case meetingCancelled = "meeting_cancelled"
    case writtenOpened = "written_opened"
    case writtenReminder = "written_reminder"
    case writtenClosed = "written_closed"
    case incidentCritical = "incident_critical"
    case incidentAssigned = "incident_assigned"
    /// A serious incident's Art. 73 report to the authority is due within `Art73Deadline.reminderDays`, or today
    /// (the secretaries and the incident's owner; codes are lower-case letters only, as the table checks).
    case incidentReportDueSoon = "incident_report_due_soon"
    case incidentReportDueToday = "incident_report_due_today"
    /// A re-review of a system opened (issue 18): its owner and the staff; the record is the re-review case.
    case systemReReview = "system_re_review"
}

/// The record a notification is about, which its link opens.
public enum NotificationRecord: String, Sendable {
    case `case`
    case meeting
    case documentVersion = "document_version"
    case writtenProcedure = "written_procedure"
    case incident
}

/// One notification as stored: data, not text.
public struct AppNotification: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var recipientId: Int64
    public var kind: NotificationKind
    public var recordType: NotificationRecord
    public var recordId: Int64
    public var params: [String: String]
    public var createdAt: String
    public var readAt: String?

    public init(row: Row) {
        id = row["id"]; recipientId = row["recipient_id"]
        kind = NotificationKind(rawValue: row["kind"]) ?? .caseDecided
        recordType = NotificationRecord(rawValue: row["record_type"]) ?? .case
        recordId = row["record_id"]
        params = NotificationParams.decode(row["params"])
        createdAt = row["created_at"]; readAt = row["read_at"]
    }

    /// An invitation (planned or changed meeting) also links the reader's meeting pack (issue 15).
    var packPath: String? {
        guard recordType == .meeting, kind == .meetingPlanned || kind == .meetingChanged else { return nil }
        return Paths.meetingPack(recordId)
    }

    /// Where its link goes.
    var path: String {
        switch recordType {
        case .case: return Paths.case(recordId)
        case .meeting: return Paths.meeting(recordId)
        case .writtenProcedure: return Paths.writtenProcedure(recordId)
        case .incident: return Paths.incident(recordId)
        case .documentVersion:
            let kind = params["document"] ?? GovernanceDocument.charter
            return Int(params["number"] ?? "").map { Paths.documentVersion(kind, $0) } ?? Paths.document(kind)
        }
    }
}

/// The parameters column: a flat JSON object of strings.
enum NotificationParams {
    static func encode(_ params: [String: String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: params, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] ?? [:]
    }
}

/// Notification text in one language, from the catalogue. In-app text names the record (case title,
/// document, meeting); the e-mail text never does, since mail leaves the app (`detailed: false`).
enum NotificationText {
    static func render(_ notification: AppNotification, messages: Messages, formats: Formats?,
                       language: Language, detailed: Bool = true) -> String {
        let text = messages[runtime: "notification_\(notification.kind.rawValue)\(detailed ? "" : "_mail")"] ?? notification.kind.rawValue
        let params = notification.params
        let document = messages[runtime: "document_\(params["document"] ?? "")"] ?? params["document"] ?? ""
        let due = params["due_on"].map { formats?.calendarDate($0, language) ?? $0 } ?? ""
        let when = params["starts_at"].map { formats?.dateTime($0, language) ?? $0 } ?? ""
        let values = ["title": params["title"] ?? "", "document": document, "number": params["number"] ?? "", "due": due,
                      "meeting": params["meeting"] ?? "", "when": when,
                      "system": params["system"] ?? ""]
        return Catalog.fill(text, values)
    }
}
