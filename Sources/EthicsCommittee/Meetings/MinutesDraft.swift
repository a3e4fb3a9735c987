import Foundation

/// The minutes' Markdown: prefilled from what was recorded, and cut at its numbered headings so each
/// agenda item's part can be withheld from a reader who may not see that item.
package enum MinutesDraft {
    /// A first draft: one heading per agenda item, under which the secretary writes its discussion, and one
    /// for what is said outside the items. Attendance, conflicts, votes and decisions are not copied here: the
    /// printed minutes take them from the record (`MinutesDocument`), so nothing is said twice.
    static func prefill(_ record: MeetingRecord, messages: Messages) -> String {
        func t(_ key: MessageKey) -> String { messages[key] }
        func t(runtime key: String) -> String { messages[runtime: key] ?? key }
        var lines: [String] = []
        for (index, item) in record.items.enumerated() {
            let title = item.kind == .case ? item.caseTitle ?? "" : item.kind == .minutes ? "\(t(.agenda_minutes_of)) \(item.title)" : item.title
            lines += ["## \(index + 1). \(title)", "", ""]
        }
        // Not numbered: shown only to readers who may see every item.
        lines += ["## \(t(.minutes_closing))", "", ""]
        return lines.joined(separator: "\n")
    }

    /// Cuts the Markdown at its top-level headings (as libcmark parses them: ATX or setext, any level) and ties
    /// each part to the agenda item its heading numbers: "N." or "N)" at the start of the heading's text, for
    /// N an item of the agenda. Redaction fails closed, so a part that cannot be tied to an item stays general
    /// (nil), and general parts are shown only to readers who may see every item (`html`):
    /// - text before the first heading, and under a heading without a number or with another number;
    /// - under a numbered sub-heading (deeper than its item's heading) that names another item, and what
    ///   follows it until the next heading at the item's level.
    /// A sub-heading without a number ("### Discussion") stays with its item. Each part is rendered on its own.
    package static func parts(_ markdown: String, items: [AgendaItem]) throws -> [(itemId: Int64?, html: String)] {
        // Browsers send a textarea's line breaks as CRLF: one line ending, so that line numbers agree with cmark's.
        let text = markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var cuts: [(line: Int, itemId: Int64?)] = [(0, nil)]
        /// The item whose heading opened the current section: its level and number.
        var enclosing: (level: Int, number: Int, itemId: Int64)?
        /// A sub-heading named another item: the rest of this section is general.
        var broken = false
        for heading in Markdown.topLevelHeadings(text) {
            let number = itemNumber(heading.text)
            let tied = number.flatMap { $0 >= 1 && $0 <= items.count ? items[$0 - 1].id : nil }
            if let current = enclosing, heading.level > current.level {
                if broken { continue }
                if number == nil || number == current.number { continue }
                broken = true
                cuts.append((heading.line - 1, nil))
                continue
            }
            broken = false
            enclosing = tied.map { (heading.level, number!, $0) }
            cuts.append((heading.line - 1, tied))
        }
        var chunks: [(Int64?, ArraySlice<Substring>)] = []
        for (index, cut) in cuts.enumerated() {
            let end = index + 1 < cuts.count ? cuts[index + 1].line : lines.count
            let start = min(max(cut.line, 0), lines.count)
            chunks.append((cut.itemId, lines[start..<max(start, min(end, lines.count))]))
        }
        return try chunks.filter { !$0.1.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }.map { chunk in
            (itemId: chunk.0, html: try Markdown.html(chunk.1.joined(separator: "\n")))
        }
    }

    /// The number a heading gives its item: digits at the start of its text followed by "." or ")".
    static func itemNumber(_ heading: String) -> Int? {
        let text = heading.drop { $0 == " " }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let next = text.dropFirst(digits.count).first, next == "." || next == ")" else {
            return nil
        }
        return Int(digits)
    }

    /// The minutes as this reader may see them: a part about an item they may not see becomes a notice, and a
    /// part tied to no item (general text, or a heading the parser could not tie) is shown only to a reader who
    /// may see every item, since it may speak of any of them. `SearchStore.access` applies the same rule.
    static func html(_ parts: [(itemId: Int64?, html: String)], _ record: MeetingRecord, _ actor: Requester?, messages: Messages) -> String {
        let seesEveryItem = record.items.allSatisfy { MeetingViews.canSee($0, record, actor) }
        var shown: [String] = []
        var withheldLast = false
        for part in parts {
            if let itemId = part.itemId, let item = record.items.first(where: { $0.id == itemId }) {
                withheldLast = false
                if MeetingViews.canSee(item, record, actor) { shown.append(part.html); continue }
                let number = (record.items.firstIndex(of: item) ?? 0) + 1
                // Through the Markdown module like every raw insertion (no HTML built by hand).
                shown.append((try? Markdown.html("## \(number). \(messages[.agenda_confidential])")) ?? "")
            } else if seesEveryItem {
                withheldLast = false
                shown.append(part.html)
            } else if !withheldLast {
                withheldLast = true
                shown.append((try? Markdown.html("*\(messages[.minutes_part_withheld])*")) ?? "")
            }
        }
        return shown.joined()
    }
}
