import Foundation
import Hummingbird

/// `/systems/export.csv`: the register as the person may see it, one row per system, with the register's status filter
/// and `overdue=1` for the systems overdue for review (the figures page and the annual report link it). For those who
/// may export (`Action.exportCases`: the staff and internal members, as the case and incident exports).
struct SystemExportController {
    let systems: SystemStore
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.systemsExportCSV), use: csv)
    }

    func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.exportCases)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let query = request.uri.queryParameters
        let status = query["status"].flatMap { SystemStatus(rawValue: String($0)) }
        let overdue = query["overdue"] == "1"
        let today = formats.localISODate(), t = Catalog.messages(context.language)
        let rows = try await systems.export(for: actor, status: status, overdueOnly: overdue, today: today)
        func yes(_ value: Bool) -> String { value ? t[.export_yes] : t[.export_no] }
        let header = ["export_id", "system_field_name", "system_field_owner", "system_field_vendor", "system_field_model", "field_status",
                      "field_tier", "system_field_deployed", "system_field_next_review", "system_review_overdue",
                      "system_field_attestation_due", "system_attestation_missed", "system_never_reviewed"].map { t[runtime: $0] ?? $0 }
        let lines = rows.map { row -> [String] in
            [String(row.id), row.name, row.ownerName, row.vendor, row.model, t[runtime: "system_status_\(row.status.rawValue)"] ?? row.status.rawValue,
             t[runtime: "tier_\(row.riskTier.rawValue)"] ?? row.riskTier.rawValue, row.deployedOn ?? "", row.nextReviewOn,
             yes(row.reviewOverdue(today: today)), row.attestationDueOn ?? "", yes(row.attestationMissed(today: today)), yes(row.neverReviewed)]
        }
        let name = (overdue ? "systems-overdue-" : "systems-") + today + ".csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(string: CSV.document(header: header, rows: lines))))
    }
}
