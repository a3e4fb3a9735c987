import Foundation
import Hummingbird

/// `/cases/export.csv` and `/cases/export.json`: the cases the reader may open, with the case list's
/// status and tier filters, as a download named with the committee's date. Both stream: the header leaves at
/// once and the cases follow batch by batch (`ReportStore.exportBatches`), whatever the size of the archive.
struct CaseExportController {
    let reports: ReportStore
    let formats: Formats
    let clock: AppClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.casesExportCSV), use: csv)
        router.get(RouterPath(Paths.casesExportJSON), use: json)
    }

    /// Asked before the first byte, so a refusal is still a plain 404 or sign-in redirect.
    private func batches(_ request: Request, _ context: AppRequestContext) throws -> KeysetBatches<ExportedCase> {
        try context.require(.exportCases)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let query = request.uri.queryParameters
        return reports.exportBatches(for: actor, status: query["status"].flatMap { CaseStatus(rawValue: String($0)) },
                                     tier: query["tier"].flatMap { RiskTier(rawValue: String($0)) })
    }

    func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let batches = try batches(request, context)
        let (today, dates, language) = (formats.localISODate(), formats, context.language)
        return StreamedDownload.response(type: "text/csv; charset=utf-8", name: "cases-\(today).csv") { writer in
            try await writer.write(ByteBuffer(string: CaseExport.csvHeader(language: language)))
            for try await batch in batches {
                try await writer.write(ByteBuffer(string: CaseExport.csvLines(batch, today: today, formats: dates, language: language)))
            }
        }
    }

    func json(_ request: Request, context: AppRequestContext) async throws -> Response {
        let batches = try batches(request, context)
        let (today, generatedAt) = (formats.localISODate(), Timestamp.string(clock.now))
        return StreamedDownload.response(type: "application/json; charset=utf-8", name: "cases-\(today).json") { writer in
            try await writer.write(ByteBuffer(string: CaseExport.jsonStart))
            var first = true
            for try await batch in batches {
                try await writer.write(ByteBuffer(string: try CaseExport.jsonCases(batch, today: today, first: first)))
                first = false
            }
            try await writer.write(ByteBuffer(string: try CaseExport.jsonEnd(generatedAt: generatedAt)))
        }
    }
}
