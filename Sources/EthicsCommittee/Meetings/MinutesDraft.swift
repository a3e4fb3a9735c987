import Foundation

/// The minutes' Markdown: prefilled from what was recorded, and cut at its numbered headings so each
/// agenda item's part can be withheld from a reader who may not see that item.
enum MinutesDraft {
    /// A first draft from the recorded attendance, items, recusals, votes, decisions and dissents.
    static func prefill(_ record: MeetingRecord, when: String, messages: [String: String]) -> String {
        func t(_ key: String) -> String { messages[key] ?? key }
        var lines = ["# \(t("minutes_title")) — \(record.meeting.title)", "", when + (record.meeting.place.isEmpty ? "" : " — " + record.meeting.place), ""]
        lines += ["## \(t("meeting_attendance"))", ""]
        for kind in Attendance.allCases {
            let names = record.invitees.filter { $0.attendance == kind }.map(\.name)
            if !names.isEmpty { lines.append("- **\(t("attendance_\(kind.rawValue)"))**: " + names.joined(separator: ", ")) }
        }
        lines.append("")
        for (index, item) in record.items.enumerated() {
            let title = item.kind == .case ? item.caseTitle ?? "" : item.kind == .minutes ? "\(t("agenda_minutes_of")) \(item.title)" : item.title
            lines += ["## \(index + 1). \(title)", ""]
            let recused = record.recused(item).compactMap { id in record.invitees.first { $0.userId == id }?.name ?? record.voters.first { $0.userId == id }?.name }
            if !recused.isEmpty { lines += ["\(t("agenda_recused")): \(recused.sorted().joined(separator: ", ")).", ""] }
            let votes = record.votes[item.id] ?? []
            if item.decidedAt != nil {
                let tally = VoteChoice.allCases.map { choice in "\(votes.filter { $0.choice == choice }.count) \(t("vote_\(choice.rawValue)"))" }
                lines += ["\(t("agenda_votes")): \(tally.joined(separator: ", ")).", ""]
                if let outcome = item.outcome { lines += ["**\(t("agenda_decision")): \(t("outcome_\(outcome.rawValue)"))**", ""] }
                lines += item.decision.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 } + [""]
                for vote in votes where !vote.dissent.isEmpty {
                    lines += ["\(t("agenda_dissent")) — \(vote.name) (\(t("vote_\(vote.choice.rawValue)"))): \(vote.dissent)", ""]
                }
            } else {
                lines += ["\(t("minutes_not_decided"))", ""]
            }
        }
        // Not numbered: every reader sees this part.
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
