import Foundation

/// The incident charts of the figures page and the annual report, in the reader's language.
struct IncidentCharts {
    let formats: Formats
    let language: Language
    var base: FigureCharts { FigureCharts(formats: formats, language: language) }

    private func item(_ key: String, _ label: String, _ count: Int, emphasis: Bool = false) -> SVGChart.Item {
        SVGChart.Item(key: key, label: label, value: Double(count), text: formats.number(count, language), emphasis: emphasis)
    }

    func bySystem(_ figures: IncidentFigures, year: Int) -> SVGChart {
        var items = figures.bySystem.map { item("system", $0.name, $0.count) }
        if figures.otherSystems > 0 || items.isEmpty {
            items.append(item("others", base.text(.figures_incident_others), figures.otherSystems))
        }
        if figures.noSystem > 0 { items.append(item("none", base.text(.incident_no_system), figures.noSystem)) }
        return SVGChart.bars(id: "chart-incident-systems", title: base.text(.figures_chart_incident_systems, year),
                             categoryHeader: base.text(.incident_system), valueHeader: base.text(.figures_incidents), items: items,
                             language: language)
    }

    func bySeverity(_ figures: IncidentFigures, year: Int) -> SVGChart {
        let severities: [IncidentSeverity?] = IncidentSeverity.allCases.map { $0 } + [nil]
        return SVGChart.bars(id: "chart-incident-severity", title: base.text(.figures_chart_incident_severity, year),
                             categoryHeader: base.text(.incident_severity), valueHeader: base.text(.figures_incidents),
                             items: severities.map { severity in
                                 let count = figures.bySeverity[severity] ?? 0
                                 return item(severity?.rawValue ?? "unassessed", base.text(runtime: "incident_severity_\(severity?.rawValue ?? "unassessed")"),
                                             count, emphasis: severity == .critical && count > 0)
                             },
                             language: language)
    }

    func byMonth(_ figures: IncidentFigures, year: Int) -> SVGChart {
        let names = Self.monthNames(language)
        return SVGChart.bars(id: "chart-incident-months", title: base.text(.figures_chart_incident_months, year),
                             categoryHeader: base.text(.figures_month), valueHeader: base.text(.figures_incidents),
                             items: (0..<12).map { item("month", names[$0], figures.byMonth[$0]) },
                             language: language)
    }

    func triage(_ figures: IncidentFigures, year: Int) -> SVGChart {
        SVGChart.bars(id: "chart-incident-triage", title: base.text(.figures_chart_incident_triage, year),
                      categoryHeader: base.text(.figures_triage_state), valueHeader: base.text(.figures_incidents),
                      items: TriageDelay.allCases.map { delay in
                          let count = figures.triage[delay] ?? 0
                          return item(delay.rawValue, base.text(runtime: "figures_triage_\(delay.rawValue)"), count,
                                      emphasis: (delay == .longer || delay == .pending) && count > 0)
                      },
                      language: language)
    }

    /// January…December in the reader's language, capitalised as a table header.
    static func monthNames(_ language: Language) -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
        let names: [String] = formatter.standaloneMonthSymbols
        return names.map { $0.prefix(1).uppercased() + $0.dropFirst() } + Array(repeating: "", count: max(0, 12 - names.count))
    }

    func all(_ figures: IncidentFigures, year: Int) -> [SVGChart] {
        [bySystem(figures, year: year), bySeverity(figures, year: year), byMonth(figures, year: year), triage(figures, year: year)]
    }

    /// The two headline numbers: incidents reported, mean days to triage.
    func headlines(_ figures: IncidentFigures) -> [ReportPages.Headline] {
        [.init(label: base.text(.figures_headline_incidents), value: formats.number(figures.total, language)),
         .init(label: base.text(.figures_headline_triage_days),
               value: figures.meanDaysToTriage.map { formats.number($0, language) } ?? "—")]
    }
}
