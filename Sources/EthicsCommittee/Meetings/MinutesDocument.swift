import Foundation

/// The minutes as one document, for one reader: built from the meeting's record (attendance, conflicts,
/// resolutions with their votes, conditions and quorum) and the secretary's text (the discussion of each item,
/// and what is said outside the items), each said once. The print view shows it; the prefilled draft holds only
/// the headings the text is written under, so the two cannot repeat each other.
struct MinutesDocument: Sendable {
    struct Group: Sendable {
        let label: String
        let names: String
    }

    struct Condition: Sendable {
        let text: String
        let owner: String
        let due: String
    }

    struct Dissent: Sendable {
        let name: String
        let choice: String
        let note: String
    }

    struct Item: Sendable {
        let number: Int
        let title: String
        let kind: String
        let confidential: Bool
        /// "Resolution N": the items decided, numbered in order.
        let resolution: String?
        let outcome: String?
        let decisionHTML: String?
        let conditions: [Condition]
        let hasConditions: Bool
        let tally: String?
        let dissents: [Dissent]
        let hasDissents: Bool
        let quorum: String?
        let recused: String?
        let notDecided: Bool
        /// The secretary's text under this item's heading (Markdown-module HTML).
        let discussionHTML: String?
    }

    /// A decision taken by written procedure since the previous meeting, listed for ratification.
    struct Written: Sendable {
        let title: String
        let result: String
        let date: String
    }

    let attendance: [Group]
    let conflicts: [String]
    let hasConflicts: Bool
    let items: [Item]
    /// Text not tied to an item (opening, other business, closing): shown only to a reader who may see every
    /// item, since nothing says which item it speaks of.
    let generalHTML: String?
    let chairName: String
    let secretaryName: String
    let written: [Written]
    let hasWritten: Bool

    /// The document of `record` as `actor` may read it.
    static func build(_ record: MeetingRecord, parts: [(itemId: Int64?, html: String)], conditions: [Int64: [CaseCondition]],
                      actor: Requester?, settings: Settings, messages: Messages,
                      formats: Formats, language: Language, secretaryName: String?,
                      written: [(WrittenRatification, CaseFacts?)] = []) -> MinutesDocument {
        func t(_ key: MessageKey) -> String { messages[key] }
        func t(runtime key: String) -> String { messages[runtime: key] ?? "" }
        let names = Dictionary((record.invitees + record.voters).map { ($0.userId, $0.name) }, uniquingKeysWith: { first, _ in first })
        let attendance = attendanceGroups(record, messages: messages, language: language)
        let visible = record.items.map { MeetingViews.canSee($0, record, actor) }
        var conflicts: [String] = []
        var resolution = 0
        var items: [Item] = []
        for (index, item) in record.items.enumerated() {
            let number = index + 1
            guard visible[index] else {
                items.append(confidentialItem(number, messages))
                continue
            }
            let recused = record.recused(item).compactMap { names[$0] }.sorted()
            for name in recused { conflicts.append(Catalog.fill(t(.minutes_conflict_line), ["name": name, "number": String(number)])) }
            let votes = record.votes[item.id] ?? []
            let decided = item.decidedAt != nil
            if decided { resolution += 1 }
            let voting = Set(record.voters.map(\.userId)), excluded = record.recused(item)
            let eligible = record.voters.filter { !excluded.contains($0.userId) }.count
            let present = record.invitees.filter { $0.attendance == .present && voting.contains($0.userId) && !excluded.contains($0.userId) }.count
            let itemConditions = decided && item.outcome == .conditions ? (item.caseId.flatMap { conditions[$0] } ?? []) : []
            items.append(Item(
                number: number, title: title(item, messages), kind: t(runtime: "agenda_kind_\(item.kind.rawValue)"), confidential: false,
                resolution: decided ? Catalog.fill(t(.minutes_resolution), ["number": String(resolution)]) : nil,
                outcome: decided ? item.outcome.map { t(runtime: "outcome_\($0.rawValue)") } : nil,
                decisionHTML: decided && !item.decisionHTML.isEmpty ? item.decisionHTML : nil,
                conditions: itemConditions.map { Condition(text: $0.text, owner: $0.ownerName, due: formats.calendarDate($0.dueOn, language)) },
                hasConditions: !itemConditions.isEmpty,
                tally: decided ? Catalog.fill(t(.minutes_tally), ["for": String(votes.filter { $0.choice == .for }.count),
                                                          "against": String(votes.filter { $0.choice == .against }.count),
                                                          "abstain": String(votes.filter { $0.choice == .abstain }.count)]) : nil,
                dissents: votes.filter { $0.choice != .for || !$0.dissent.isEmpty }.map {
                    Dissent(name: $0.name, choice: t(runtime: "vote_\($0.choice.rawValue)"), note: $0.dissent)
                },
                hasDissents: votes.contains { $0.choice != .for || !$0.dissent.isEmpty },
                quorum: decided ? Catalog.fill(t(.minutes_quorum), ["present": String(present), "eligible": String(eligible),
                                                             "recused": String(excluded.count)]) : nil,
                recused: recused.isEmpty ? nil : recused.joined(separator: ", "),
                notDecided: !decided,
                discussionHTML: Optional(parts.filter { $0.itemId == item.id }.map { withoutHeading($0.html) }.joined())
                    .flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }))
        }
        let general = parts.filter { part in part.itemId == nil || !record.items.contains { $0.id == part.itemId } }
            .map { withoutHeading($0.html) }.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        let chair = record.invitees.first { $0.chair }?.name ?? record.voters.first { $0.chair }?.name ?? ""
        let writtenLines = written.map { writtenLine($0, $1, actor: actor, messages: messages, formats: formats, language: language) }
        return MinutesDocument(attendance: attendance, conflicts: conflicts, hasConflicts: !conflicts.isEmpty, items: items,
                               generalHTML: visible.allSatisfy { $0 } && !general.isEmpty ? general : nil,
                               chairName: chair, secretaryName: secretaryName ?? "", written: writtenLines, hasWritten: !writtenLines.isEmpty)
    }

    /// Those present, excused, absent…: one line per kind of attendance recorded, the chair and external members marked.
    private static func attendanceGroups(_ record: MeetingRecord, messages: Messages, language: Language) -> [Group] {
        Attendance.allCases.compactMap { kind -> Group? in
            let people = record.invitees.filter { $0.attendance == kind }
            guard !people.isEmpty else { return nil }
            let list = people.map { person in
                person.name + (person.chair ? " (\(Catalog.title(.chair, person.titleForm, messages)))" : "")
                    + (person.external ? ", \(messages[.member_external].lowercased())" : "")
            }
            return Group(label: "\(messages[runtime: "attendance_\(kind.rawValue)"] ?? "") (\(people.count))",
                         names: Punctuation.of(language).list(list))
        }
    }

    /// An item the reader may not see: its number and "Confidential item", nothing else.
    private static func confidentialItem(_ number: Int, _ messages: Messages) -> Item {
        Item(number: number, title: messages[.agenda_confidential], kind: "", confidential: true, resolution: nil,
             outcome: nil, decisionHTML: nil, conditions: [], hasConditions: false, tally: nil, dissents: [],
             hasDissents: false, quorum: nil, recused: nil, notDecided: false, discussionHTML: nil)
    }

    private static func title(_ item: AgendaItem, _ messages: Messages) -> String {
        switch item.kind {
        case .case:
            (item.caseTitle ?? "") + (item.caseId.map { " (\(Catalog.fill(messages[.minutes_case_number], ["number": String($0)])))" } ?? "")
        case .minutes: messages[.agenda_minutes_of] + " " + item.title
        case .free: item.title
        }
    }

    /// A written procedure listed for ratification; one on a case the reader may not open reads "Confidential item",
    /// as on the agenda.
    private static func writtenLine(_ ratification: WrittenRatification, _ facts: CaseFacts?, actor: Requester?, messages: Messages,
                                    formats: Formats, language: Language) -> Written {
        func t(runtime key: String) -> String { messages[runtime: key] ?? "" }
        let hidden = facts.map { facts in actor.map { !Policy.canView($0, facts) } ?? true } ?? false
        let result = ratification.result == .adopted && ratification.outcome != nil
            ? t(runtime: "outcome_\(ratification.outcome!.rawValue)") : t(runtime: "written_result_\(ratification.result.rawValue)")
        return Written(title: hidden ? messages[.agenda_confidential]
                           : Catalog.fill(messages[.minutes_written_line], ["number": String(ratification.id), "title": ratification.title]),
                       result: hidden ? "" : result, date: formats.date(ratification.closedAt, language))
    }

    /// A part's text without the heading it was cut at: the document prints the item's own heading, once.
    /// The HTML is the Markdown module's, whose headings are exactly `<hN>…</hN>`.
    static func withoutHeading(_ html: String) -> String {
        guard html.hasPrefix("<h"), let level = html.dropFirst(2).first, ("1"..."6").contains(level),
              html.dropFirst(3).hasPrefix(">"), let end = html.range(of: "</h\(level)>") else { return html }
        return String(html[end.upperBound...])
    }
}
