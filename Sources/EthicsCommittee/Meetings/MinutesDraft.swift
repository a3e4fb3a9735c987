import Foundation

/// The minutes' Markdown: prefilled from what was recorded, and cut at its numbered headings so each
/// agenda item's part can be withheld from a reader who may not see that item.
enum MinutesDraft {
    /// A first draft: one heading per agenda item, under which the secretary writes its discussion, and one
    /// for what is said outside the items. Attendance, conflicts, votes and decisions are not copied here: the
    /// printed minutes take them from the record (`MinutesDocument`), so nothing is said twice.
    static func prefill(_ record: MeetingRecord, messages: [String: String]) -> String {
        func t(_ key: String) -> String { messages[key] ?? key }
        var lines: [String] = []
        for (index, item) in record.items.enumerated() {
            let title = item.kind == .case ? item.caseTitle ?? "" : item.kind == .minutes ? "\(t("agenda_minutes_of")) \(item.title)" : item.title
            lines += ["## \(index + 1). \(title)", "", ""]
        }
        // Not numbered: shown only to readers who may see every item.
        lines += ["## \(t("minutes_closing"))", "", ""]
        return lines.joined(separator: "\n")
    }

    /// Cuts the Markdown before each second-level heading; a heading "## N. …" ties its part to the
    /// agenda's Nth item. Each part is rendered on its own.
    static func parts(_ markdown: String, items: [AgendaItem]) throws -> [(itemId: Int64?, html: String)] {
        var chunks: [(Int64?, [Substring])] = [(nil, [])]
        // Browsers send a textarea's line breaks as CRLF, and "\r\n" is one Character in Swift: without
        // this, the text would never split and no section would be tied to (and redacted with) its item.
        let text = markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                let number = Int(line.dropFirst(3).prefix { $0.isNumber })
                let tied = number.flatMap { $0 >= 1 && $0 <= items.count && line.dropFirst(3).drop(while: \.isNumber).hasPrefix(".") ? items[$0 - 1].id : nil }
                chunks.append((tied, [line]))
            } else {
                chunks[chunks.count - 1].1.append(line)
            }
        }
        return try chunks.filter { !$0.1.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }.map { chunk in
            (itemId: chunk.0, html: try Markdown.html(chunk.1.joined(separator: "\n")))
        }
    }

    /// The minutes as this reader may see them: a part about an item they may not see becomes a notice.
    static func html(_ parts: [(itemId: Int64?, html: String)], _ record: MeetingRecord, _ actor: Actor?, messages: [String: String]) -> String {
        parts.map { part in
            guard let itemId = part.itemId, let item = record.items.first(where: { $0.id == itemId }),
                  !MeetingViews.canSee(item, record, actor) else { return part.html }
            let number = (record.items.firstIndex(of: item) ?? 0) + 1
            // Through the Markdown module like every raw insertion (no HTML built by hand).
            return (try? Markdown.html("## \(number). \(messages["agenda_confidential"] ?? "")")) ?? ""
        }.joined()
    }
}
