import Foundation

/// A horizontal bar chart laid out in Swift and drawn by `Templates/reports/chart.mustache` (so every label
/// goes through the template's escaping). Each bar carries its number as text, its category as text at its
/// left: nothing is told by colour alone. The same values make the chart's text equivalent and its table.
public struct SVGChart: Sendable {
    public struct Bar: Sendable {
        /// The group's label (a quarter), on the first bar of its group only.
        let group: String?
        let label: String
        /// The number as people read it ("12,5"), or "—" for no value.
        let text: String
        /// The number as data (`data-value`), for tests and tools; nil for no value.
        let value: String?
        let seriesKey: String
        let y: Int, textY: Int, width: Int
        let valueX: Int
        /// Where the labels and bars start (the same for every bar of a chart).
        let labelX: Int, barX: Int
        /// The number is written inside a long bar (white on the bar), after a short one.
        let inside: Bool
        let emphasis: Bool
    }
    public struct TableRow: Sendable {
        let header: String
        let cells: [Cell]
    }
    public struct Cell: Sendable {
        let text: String
        /// Set on the cell that holds the bar's number.
        let value: String?
    }

    let id: String
    let title: String
    /// The text equivalent: every category and its number.
    let summary: String
    let width: Int
    let height: Int
    let labelX: Int
    let barX: Int
    let bars: [Bar]
    let columns: [String]
    let rows: [TableRow]
    let tableLabel: String

    /// One value per category; `emphasis` marks a bar to notice (an area nobody covers).
    public struct Item: Sendable {
        let key: String
        let label: String
        let value: Double?
        let text: String
        var emphasis = false
        /// More table cells, before the value (the table may say more than the bar).
        var extra: [String] = []
    }

    /// Narrow enough to stay readable on a phone without scrolling: the numbers sit inside long bars.
    static let width = 400, labelWidth = 176, rowHeight = 24, barHeight = 16, groupGap = 10, insideFrom = 36

    /// A chart of single bars, one per item; the table has the category and the value.
    static func bars(id: String, title: String, categoryHeader: String, extraHeaders: [String] = [], valueHeader: String,
                     items: [Item], language: Language) -> SVGChart {
        layout(id: id, title: title, groups: [(nil, items)], columns: [categoryHeader] + extraHeaders + [valueHeader],
               rows: items.map { item in
                   TableRow(header: item.label, cells: item.extra.map { Cell(text: $0, value: nil) } + [Cell(text: item.text, value: Self.data(item.value))])
               },
               summary: Self.summary(items.map { (label: $0.label, text: $0.text) }, language), language: language)
    }

    /// Bars grouped (one group per quarter, one bar per series); the table has a row per group, a column per series.
    static func grouped(id: String, title: String, groupHeader: String, series: [String], groups: [(label: String, items: [Item])],
                        language: Language) -> SVGChart {
        layout(id: id, title: title, groups: groups.map { ($0.label, $0.items) }, columns: [groupHeader] + series,
               rows: groups.map { group in TableRow(header: group.label, cells: group.items.map { Cell(text: $0.text, value: Self.data($0.value)) }) },
               summary: Self.summary(groups.map { group in (label: group.label, text: group.items.map { "\($0.label) \($0.text)" }.joined(separator: ", ")) },
                                     language), language: language)
    }

    /// What a screen reader says for the chart: "Draft: 2; Submitted: 3." in the reader's punctuation.
    private static func summary(_ parts: [(label: String, text: String)], _ language: Language) -> String {
        let punctuation = Punctuation.of(language)
        return punctuation.list(parts.map { punctuation.labelled($0.label, $0.text) }) + "."
    }

    private static func layout(id: String, title: String, groups: [(String?, [Item])], columns: [String], rows: [TableRow],
                               summary: String, language: Language) -> SVGChart {
        let grouped = groups.contains { $0.0 != nil }
        let labelX = grouped ? 30 : 0
        let barX = labelX + labelWidth
        let maximum = groups.flatMap { $0.1 }.compactMap(\.value).max() ?? 0
        let room = Double(width - barX - 4)
        var bars: [Bar] = [], y = 4
        for (index, group) in groups.enumerated() {
            if index > 0 && grouped { y += groupGap }
            for (position, item) in group.1.enumerated() {
                let length = maximum > 0 ? Int(((item.value ?? 0) / maximum * room).rounded()) : 0
                let inside = length >= insideFrom
                bars.append(Bar(group: position == 0 ? group.0 : nil, label: item.label, text: item.text, value: data(item.value),
                                seriesKey: item.key, y: y, textY: y + 13, width: length,
                                valueX: inside ? barX + length - 5 : barX + length + 5, labelX: labelX, barX: barX,
                                inside: inside, emphasis: item.emphasis))
                y += rowHeight
            }
        }
        return SVGChart(id: id, title: title, summary: summary, width: width, height: y + 4, labelX: labelX, barX: barX,
                        bars: bars, columns: columns, rows: rows,
                        tableLabel: Catalog.messages(language)[.figures_table_view])
    }

    /// "3", "12.5", or nil for no value.
    static func data(_ value: Double?) -> String? {
        guard let value else { return nil }
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
