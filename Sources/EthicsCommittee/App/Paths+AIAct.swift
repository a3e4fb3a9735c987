/// The AI Act's pages (`AIAct/`): the obligation dates, re-classification, a case's fundamental-rights impact assessment.
extension Paths {
    static let aiActDates = "/admin/ai-act-dates"
    static let aiActDatePattern = "/admin/ai-act-dates/:code"
    static func aiActDate(_ code: String) -> String { "/admin/ai-act-dates/\(code)" }
    static let aiActReclassify = "/cases/ai-act-reclassify"
    static let caseReclassifyPattern = "/cases/:id/ai-act-reclassify"
    static func caseReclassify(_ id: Int64) -> String { "/cases/\(id)/ai-act-reclassify" }
    static let caseFRIAPattern = "/cases/:id/fria"
    static func caseFRIA(_ id: Int64) -> String { "/cases/\(id)/fria" }
    static let friaPrintStylesheet = "/css/fria-print.css"
    static let caseFRIAPrintPattern = "/cases/:id/fria/print"
    static func caseFRIAPrint(_ id: Int64, version: Int) -> String { "/cases/\(id)/fria/print?version=\(version)" }
}
