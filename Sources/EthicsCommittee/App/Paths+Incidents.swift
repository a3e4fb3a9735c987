/// Incidents and feedback (issue 18).
extension Paths {
    static let incidents = "/incidents"
    static let incidentsExportCSV = "/incidents/export.csv"
    static let incidentPattern = "/incidents/:id"
    static func incident(_ id: Int64) -> String { "/incidents/\(id)" }
    static let incidentTriagePattern = "/incidents/:id/triage"
    static func incidentTriage(_ id: Int64) -> String { "/incidents/\(id)/triage" }
    static let incidentClosePattern = "/incidents/:id/close"
    static func incidentClose(_ id: Int64) -> String { "/incidents/\(id)/close" }
    static let incidentAttachmentPattern = "/incidents/:id/attachments/:attachment"
    static func incidentAttachment(_ id: Int64, _ attachment: Int64) -> String { "/incidents/\(id)/attachments/\(attachment)" }
    /// The report form of a system, and where it posts.
    static let systemIncidentNewPattern = "/systems/:id/incidents/new"
    static func systemIncidentNew(_ id: Int64) -> String { "/systems/\(id)/incidents/new" }
    static let systemIncidentsPattern = "/systems/:id/incidents"
    static func systemIncidents(_ id: Int64) -> String { "/systems/\(id)/incidents" }
    /// The public feedback form (404 unless the setting is on).
    static let feedback = "/feedback"
}
