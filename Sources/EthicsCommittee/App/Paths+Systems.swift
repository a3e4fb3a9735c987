/// The register of AI systems (issue 18).
extension Paths {
    static let systems = "/systems"
    static let newSystem = "/systems/new"
    /// The register as CSV; `systemsOverdueCSV` keeps only the systems overdue for review.
    static let systemsExportCSV = "/systems/export.csv"
    static let systemsOverdueCSV = "/systems/export.csv?overdue=1"
    static let systemPattern = "/systems/:id"
    static func system(_ id: Int64) -> String { "/systems/\(id)" }
    static let systemEditPattern = "/systems/:id/edit"
    static func systemEdit(_ id: Int64) -> String { "/systems/\(id)/edit" }
    static let systemStatusPattern = "/systems/:id/status/:move"
    static func systemStatus(_ id: Int64, _ move: String) -> String { "/systems/\(id)/status/\(move)" }
    static let systemChangePattern = "/systems/:id/change"
    static func systemChange(_ id: Int64) -> String { "/systems/\(id)/change" }
    static let systemAttestPattern = "/systems/:id/attest"
    static func systemAttest(_ id: Int64) -> String { "/systems/\(id)/attest" }
    /// "Register its system" from a decided favourable case: the new-system form prefilled from that case.
    static func newSystem(fromCase caseId: Int64) -> String { "/systems/new?case=\(caseId)" }
}
