import Foundation

/// Turns the figures into the charts (and their tables) in the reader's language. The figures page and the
/// annual report draw the same charts from here.
struct FigureCharts {
    let formats: Formats
    let language: Language
    var messages: Messages { Catalog.messages(language) }

    func text(_ key: MessageKey, _ year: Int? = nil) -> String {
        year.map { messages.fill(key, ["year": String($0)]) } ?? messages[key]
    }

    /// A key made from a value (`outcome_\(outcome)`): `RuntimeKeyTests` checks every value has one.
    func text(runtime key: String) -> String { messages[runtime: key] ?? key }

    func quarter(_ index: Int) -> String { text(runtime: "figures_quarter_\(index + 1)") }

    private func item(_ key: String, _ label: String, _ count: Int) -> SVGChart.Item {
        SVGChart.Item(key: key, label: label, value: Double(count), text: formats.number(count, language))
    }

    func casesByStatus(_ figures: ReportFigures, year: Int) -> SVGChart {
        SVGChart.bars(id: "chart-status", title: text(.figures_chart_status, year), categoryHeader: text(.field_status),
                      valueHeader: text(.figures_cases),
                      items: CaseStatus.allCases.map { item($0.rawValue, text(runtime: "case_status_\($0.rawValue)"), figures.casesByStatus[$0] ?? 0) },
                      language: language)
    }

    func decisions(_ figures: ReportFigures, year: Int) -> SVGChart {
        let outcomes = DecisionOutcome.allCases
        return SVGChart.grouped(
            id: "chart-decisions", title: text(.figures_chart_decisions, year), groupHeader: text(.figures_quarter),
            series: outcomes.map { text(runtime: "outcome_\($0.rawValue)") },
            groups: (0..<4).map { q in
                (label: quarter(q), items: outcomes.map { item($0.rawValue, text(runtime: "figures_outcome_\($0.rawValue)"), figures.decisions[q][$0] ?? 0) })
            },
            language: language)
    }

    func medianDays(_ figures: ReportFigures, year: Int) -> SVGChart {
        let medians = figures.medianDays
        let items = (0..<4).map { q in
            SVGChart.Item(key: "median", label: quarter(q), value: medians.quarters[q],
                          text: medians.quarters[q].map { formats.number($0, language) } ?? text(.figures_no_decision),
                          extra: [formats.number(figures.decidedCount[q], language)])
        } + [SVGChart.Item(key: "median-year", label: text(.figures_whole_year), value: medians.year,
                           text: medians.year.map { formats.number($0, language) } ?? text(.figures_no_decision),
                           extra: [formats.number(figures.decidedCount.reduce(0, +), language)])]
        return SVGChart.bars(id: "chart-median", title: text(.figures_chart_median, year), categoryHeader: text(.figures_quarter),
                             extraHeaders: [text(.figures_decisions)], valueHeader: text(.figures_median_days), items: items,
                             language: language)
    }

    func reviews(_ figures: ReportFigures, year: Int) -> SVGChart {
        SVGChart.bars(id: "chart-reviews", title: text(.figures_chart_reviews, year), categoryHeader: text(.figures_review_state),
                      valueHeader: text(.figures_assignments),
                      items: ReviewTimeliness.allCases.map { state in
                          var bar = item(state.rawValue, text(runtime: "figures_review_\(state.rawValue)"), figures.reviews[state] ?? 0)
                          bar.emphasis = (state == .late || state == .overdue) && (figures.reviews[state] ?? 0) > 0
                          return bar
                      },
                      language: language)
    }

    func aiActClasses(_ figures: ReportFigures, year: Int) -> SVGChart {
        SVGChart.bars(id: "chart-aiact-class", title: text(.figures_chart_aiact_class, year), categoryHeader: text(.figures_aiact_class),
                      valueHeader: text(.figures_cases),
                      items: AIActFigures.classes.map { key in
                          var bar = item(key, text(runtime: key == "unclassified" ? "figures_aiact_unclassified" : "aiact_class_\(key)"),
                                         figures.aiActClasses[key] ?? 0)
                          bar.emphasis = key == "prohibited" && (figures.aiActClasses[key] ?? 0) > 0
                          return bar
                      },
                      language: language)
    }

    func aiActRoles(_ figures: ReportFigures, year: Int) -> SVGChart {
        SVGChart.bars(id: "chart-aiact-role", title: text(.figures_chart_aiact_role, year), categoryHeader: text(.figures_aiact_role),
                      valueHeader: text(.figures_cases),
                      items: AIActFigures.roles.map { item($0, text(runtime: "aiact_label_\($0)"), figures.aiActRoles[$0] ?? 0) },
                      language: language)
    }

    func expertise(_ figures: ReportFigures) -> SVGChart {
        SVGChart.bars(id: "chart-expertise", title: text(.figures_chart_expertise), categoryHeader: text(.figures_area),
                      extraHeaders: [text(.figures_internal), text(.figures_external)], valueHeader: text(.figures_total),
                      items: figures.expertise.map { row in
                          let total = row.internal + row.external
                          return SVGChart.Item(key: "expertise", label: text(runtime: "expertise_\(row.area.rawValue)"), value: Double(total),
                                               text: total == 0 ? text(.figures_nobody) : formats.number(total, language),
                                               emphasis: total == 0,
                                               extra: [formats.number(row.internal, language), formats.number(row.external, language)])
                      },
                      language: language)
    }

    /// Every chart of the figures page, in reading order.
    func all(_ figures: ReportFigures, year: Int) -> [SVGChart] {
        [casesByStatus(figures, year: year), decisions(figures, year: year), medianDays(figures, year: year),
         reviews(figures, year: year), aiActClasses(figures, year: year), aiActRoles(figures, year: year), expertise(figures)]
    }
}
