import Foundation
import GRDB

/// The short taxonomy of what went wrong (issue 18).
public enum HarmType: String, Sendable, CaseIterable {
    case wrongAnswer = "wrong_answer", privacy, discrimination, security, outage, other
}

/// How bad it was. A public report has none until the secretary assesses it.
public enum IncidentSeverity: String, Sendable, CaseIterable, Comparable {
    case nearMiss = "near_miss", minor, serious, critical

    /// Serious and critical incidents are "serious incidents" in the sense of AI Act Art. 3(49): Art. 73 applies.
    public var isSerious: Bool { self == .serious || self == .critical }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: IncidentSeverity, b: IncidentSeverity) -> Bool { a.rank < b.rank }
}

/// reported → triaged → closed (frozen by a trigger).
public enum IncidentStatus: String, Sendable, CaseIterable {
    case reported, triaged, closed
}

/// Where a report came from: a signed-in person, or the public feedback form.
public enum IncidentSource: String, Sendable, CaseIterable {
    case account, `public`
}

/// Whether the fallback (a human, the previous process) took over.
public enum FallbackUse: String, Sendable, CaseIterable {
    case yes, no, unknown
}

/// One incident as stored, with the names the pages show.
public struct Incident: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var systemId: Int64?
    public var systemName: String?
    public var source: IncidentSource
    public var reporterId: Int64?
    public var reporterName: String?
    public var receipt: String?
    public var serviceNamed: String
    public var title: String
    public var description: String
    public var occurredOn: String?
    public var harmType: HarmType
    public var severity: IncidentSeverity?
    public var peopleAffected: Int?
    public var fallbackUsed: FallbackUse
    public var actionsTaken: String
    public var awareOn: String
    public var art73Case: Art73Case
    public var authorityNotifiedOn: String?
    public var status: IncidentStatus
    public var ownerId: Int64?
    public var ownerName: String?
    /// The owner's e-mail, as the triage form's owner field shows them.
    public var ownerEmail: String?
    public var rootCause: String
    public var correctiveActions: String
    public var reportedAt: String
    public var triagedAt: String?
    public var closedAt: String?
    public var revision: Int

    public init(row: Row) {
        id = row["id"]; systemId = row["system_id"]; systemName = row["system_name"]
        source = IncidentSource(rawValue: row["source"]) ?? .account
        reporterId = row["reporter_id"]; reporterName = row["reporter_name"]; receipt = row["receipt"]
        serviceNamed = row["service_named"]; title = row["title"]; description = row["description"]
        occurredOn = row["occurred_on"]
        harmType = HarmType(rawValue: row["harm_type"]) ?? .other
        severity = (row["severity"] as String?).flatMap(IncidentSeverity.init(rawValue:))
        peopleAffected = row["people_affected"]
        fallbackUsed = FallbackUse(rawValue: row["fallback_used"]) ?? .unknown
        actionsTaken = row["actions_taken"]; awareOn = row["aware_on"]
        art73Case = Art73Case(rawValue: row["art73_case"]) ?? .standard
        authorityNotifiedOn = row["authority_notified_on"]
        status = IncidentStatus(rawValue: row["status"]) ?? .reported
        ownerId = row["owner_id"]; ownerName = row["owner_name"]; ownerEmail = row["owner_email"]
        rootCause = row["root_cause"]; correctiveActions = row["corrective_actions"]
        reportedAt = row["reported_at"]; triagedAt = row["triaged_at"]; closedAt = row["closed_at"]
        revision = row["revision"]
    }
}

/// An evidence file of an incident.
public struct IncidentAttachment: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var incidentId: Int64
    public var filename: String
    public var contentType: String
    public var size: Int
    public var storedName: String
    public var uploaderName: String
    public var uploadedAt: String

    public init(row: Row) {
        id = row["id"]; incidentId = row["incident_id"]; filename = row["filename"]; contentType = row["content_type"]
        size = row["size"]; storedName = row["stored_name"]; uploaderName = row["name"] ?? ""; uploadedAt = row["uploaded_at"]
    }
}

/// A write refused because the incident changed meanwhile (closed, triaged by someone else): 409 or the form again.
public struct IncidentRefusal: Error, Equatable, StateRefusal {
    public let key: String
}
