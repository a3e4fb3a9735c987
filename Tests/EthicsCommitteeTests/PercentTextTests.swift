import Foundation
import Testing
@testable import EthicsCommittee

/// A percentage is written by the one number formatter (`NumberText.percent`): "75%" in English, "75 %" (narrow
/// no-break space) in French, wherever it appears. The readiness table once printed "75 %" in English beside a chart
/// summary saying "75%".
@Suite struct PercentTextTests {
    @Test func theFormatterWritesEachLanguagesPercent() {
        #expect(NumberText.percent(75, .en) == "75%")
        #expect(NumberText.percent(75, .fr) == "75\u{202F}%")
        #expect(NumberText.percent(66.6, .en) == "67%")
    }

    @Test func theReadinessTableTheTierReasonsAndTheCompositionWriteThePercentOfTheReadersLanguage() async throws {
        let c = try await CaseFlowTests.committee()
        // Every answer "no": every area scores 0, so a tier reason names the 34% threshold
        let noes = Dictionary(uniqueKeysWithValues: Readiness.questionIds.map { ($0, "no") })
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(overrides: noes))
            let english = try await owner.get("/cases/\(id)")
            #expect(english.body.contains("<td>0%</td>"))
            #expect(!english.body.contains(" %</td>"))
            #expect(english.body.contains("At least one area scores below 34%."))
            try await owner.post("/language", ["language": "fr", "next": "/cases/\(id)"])
            let french = try await owner.get("/cases/\(id)")
            #expect(french.body.contains("<td>0\u{202F}%</td>"))
            #expect(french.body.contains("sous 34\u{202F}%"))
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let members = try await secretary.get("/members")
            #expect(members.status == .ok)
            #expect(members.body.contains("%</span>") && !members.body.contains(" %</span>"))
        }
    }

    /// The class of bug, at its root: no template writes a number then a '%' by hand, and no catalogue text spells a
    /// percentage out (it takes a `{percent}` filled by the formatter).
    @Test func noTemplateOrCatalogueTextComposesAPercentByHand() throws {
        let templates = packageRoot.appendingPathComponent("Templates")
        let files = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "mustache" } ?? []
        #expect(!files.isEmpty)
        let handMade = try NSRegularExpression(pattern: "\\}\\}(\\s|&nbsp;|&#8239;)*%")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(handMade.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(file.lastPathComponent)")
        }
        let spelled = try NSRegularExpression(pattern: "[0-9][\\s\u{202F}\u{00A0}]*%")
        for language in Language.allCases {
            for (key, text) in Catalog.messages(language).table {
                #expect(spelled.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(language) \(key)")
            }
        }
    }
}
