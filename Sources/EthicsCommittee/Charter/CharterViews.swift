import Foundation
import Hummingbird

/// What the governance document controllers share: the document named in the URL, the access check for
/// reading, the tabs between documents, labels, and the comparison of two texts as page rows.
struct CharterViews: Sendable {
    let charter: CharterStore
    let settings: SettingsCache
    let formats: Formats

    /// The document whose kind is in the URL (`/documents/{kind}/…`), or 404.
    func document(_ context: AppRequestContext) async throws -> GovernanceDocument {
        guard let kind = context.parameters.get("kind"), let document = try await charter.document(kind: kind) else {
            throw Refusal.notFound
        }
        return document
    }

    /// Reading published versions: anyone signed in; visitors only the charter, when the settings make it public.
    func requireRead(_ document: GovernanceDocument, _ context: AppRequestContext) throws {
        let isPublic = document.kind == GovernanceDocument.charter && settings.current.charterPublic
        try context.require(.readCharter(isPublic: isPublic))
    }

    /// The switch between documents; visitors only see the public charter, so they get none.
    func tabs(_ current: GovernanceDocument, _ context: AppRequestContext) async throws -> [CharterPages.Tab] {
        guard context.session != nil else { return [] }
        return tabs(current, try await charter.documents(), context)
    }

    /// The tabs from documents already read (the document page reads them with the rest, in one read).
    func tabs(_ current: GovernanceDocument, _ documents: [GovernanceDocument], _ context: AppRequestContext) -> [CharterPages.Tab] {
        guard context.session != nil else { return [] }
        let messages = Catalog.messages(context.language)
        return documents.map {
            CharterPages.Tab(href: Paths.document($0.kind), label: Self.title($0, messages), current: $0.id == current.id)
        }
    }

    static func title(_ document: GovernanceDocument, _ messages: Messages) -> String {
        messages[runtime: document.titleKey] ?? document.kind
    }

    static func versionLabel(_ number: Int, _ messages: Messages) -> String {
        messages.fill(.charter_version, ["number": String(number)])
    }

    static func changeKindLabel(_ kind: ChangeKind, _ messages: Messages) -> String {
        messages[runtime: "charter_change_\(kind.rawValue)"] ?? kind.rawValue
    }

    /// "Version 2 · 24 November 2026", for links to versions.
    func versionLink(_ kind: String, _ version: CharterVersion, _ language: Language) -> CharterPages.VersionLink {
        let messages = Catalog.messages(language)
        return CharterPages.VersionLink(href: Paths.documentVersion(kind, version.number),
                                        label: Self.versionLabel(version.number, messages) + " · "
                                            + formats.date(version.publishedAt, language))
    }

    /// The options of the version pickers, newest first.
    func compareForm(_ kind: String, _ versions: [CharterVersion], from: Int, to: Int, inline: Bool,
                     _ language: Language) -> CharterPages.CompareForm {
        let messages = Catalog.messages(language)
        func options(_ selected: Int) -> [CharterPages.Option] {
            versions.map { CharterPages.Option(value: $0.number, label: Self.versionLabel($0.number, messages),
                                               selected: $0.number == selected) }
        }
        return CharterPages.CompareForm(action: Paths.documentDiff(kind), from: options(from), to: options(to), inline: inline)
    }

    /// Two texts compared line by line, then word by word, as rows for the diff partial.
    static func comparison(old: String, new: String, oldLabel: String, newLabel: String, sideBySide: Bool,
                           _ language: Language) -> CharterPages.Comparison {
        let comparison = CharterDiff.compare(from: old, to: new), lines = comparison.lines
        let summary = CharterDiff.summary(lines)
        func segments(_ list: [CharterDiff.Segment]) -> [CharterPages.Segment] {
            list.map { CharterPages.Segment(text: $0.text, same: $0.change == .same, added: $0.change == .added,
                                            removed: $0.change == .removed) }
        }
        let rows = lines.map { line in
            CharterPages.DiffRow(same: line.kind == .same, added: line.kind == .added, removed: line.kind == .removed,
                                 changed: line.kind == .changed, oldNumber: line.oldNumber.map(String.init) ?? "",
                                 newNumber: line.newNumber.map(String.init) ?? "", old: segments(line.old),
                                 new: segments(line.new), inline: segments(line.inline))
        }
        let parts: [(PluralKey, Int)] = [(.charter_diff_changed, summary.changed), (.charter_diff_added, summary.added),
                                          (.charter_diff_removed, summary.removed)]
        let messages = Catalog.messages(language)
        let summaryParts = parts.map { messages.fill($0.0, count: $0.1) }
        return CharterPages.Comparison(oldLabel: oldLabel, newLabel: newLabel, sideBySide: sideBySide, rows: rows,
                                       summary: summaryParts.joined(separator: " · "), identical: summary.isEmpty,
                                       partial: !comparison.complete)
    }
}
