import Foundation
import Hummingbird

/// `/cases/export.csv` and `/cases/export.json`: the cases the reader may open, with the case list's
/// status and tier filters, as a download named with the committee's date.
struct CaseExportController {
    let reports: ReportStore
    let formats: Formats
    let clock: AppClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.casesExportCSV), use: csv)
        router.get(RouterPath(Paths.casesExportJSON), use: json)
    }

    private func rows(_ request: Request, _ context: AppRequestContext) async throws -> [ExportedCase] {
        try context.require(.exportCases)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let query = request.uri.queryParameters
        return try await reports.exportCases(for: actor, status: query["status"].flatMap { CaseStatus(rawValue: String($0)) },
                                             tier: query["tier"].flatMap { RiskTier(rawValue: String($0)) })
    }

    func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let text = CaseExport.csv(try await rows(request, context), today: formats.localISODate(), formats: formats, language: context.language)
        return download(ByteBuffer(string: text), type: "text/csv; charset=utf-8", name: "cases-\(formats.localISODate()).csv")
    }

    func json(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try CaseExport.json(try await rows(request, context), today: formats.localISODate(),
                                       generatedAt: Timestamp.string(clock.now))
        return download(ByteBuffer(bytes: data), type: "application/json; charset=utf-8", name: "cases-\(formats.localISODate()).json")
    }

    private func download(_ body: ByteBuffer, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: body))
    }
}
