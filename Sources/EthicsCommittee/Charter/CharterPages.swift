import Foundation

/// Typed view models of the governance document pages. Stored properties only: Mustache reads them by Mirror.
enum CharterPages {
    /// A link to one of the governance documents, for the switch at the top of each page.
    struct Tab: Sendable {
        let href: String
        let label: String
        let current: Bool
    }

    struct VersionLink: Sendable {
        let href: String
        let label: String
    }

    /// The acknowledgement box on the current version.
    struct Acknowledgement: Sendable {
        let done: Bool
        let doneText: String
        let action: String
        let number: Int
        let button: String
    }

    /// A version as read: the current one at /charter, or any other.
    struct Show: Sendable {
        let title: String
        let tabs: [Tab]
        let hasVersion: Bool
        let heading: String
        let published: String
        let publisher: String?
        let changeKind: String
        let changeNote: String
        let isSubstantive: Bool
        let isCurrent: Bool
        let currentHref: String
        let olderNotice: String
        let html: String
        let printHref: String
        let historyHref: String
        let previousDiffHref: String?
        let draftHref: String?
        let acknowledgementsHref: String?
        let acknowledgement: Acknowledgement?
        let error: String?
        let older: [VersionLink]
        let hasOlder: Bool
    }

    struct HistoryRow: Sendable {
        let number: Int
        let href: String
        let label: String
        let date: String
        let publisher: String?
        let changeKind: String
        let isSubstantive: Bool
        let note: String
        let printHref: String
        let diffHref: String?
    }

    struct Option: Sendable {
        let value: Int
        let label: String
        let selected: Bool
    }

    /// The form that picks two versions and a layout (a GET form: it changes nothing).
    struct CompareForm: Sendable {
        let action: String
        let from: [Option]
        let to: [Option]
        let inline: Bool
    }

    struct History: Sendable {
        let title: String
        let tabs: [Tab]
        let documentHref: String
        let rows: [HistoryRow]
        let hasRows: Bool
        let compare: CompareForm?
    }

    struct Segment: Sendable {
        let text: String
        let same: Bool
        let added: Bool
        let removed: Bool
    }

    struct DiffRow: Sendable {
        let same: Bool
        let added: Bool
        let removed: Bool
        let changed: Bool
        let oldNumber: String
        let newNumber: String
        let old: [Segment]
        let new: [Segment]
        let inline: [Segment]
    }

    /// The comparison of two texts, ready for the side-by-side or inline table (partial charter/diff_rows).
    struct Comparison: Sendable {
        let oldLabel: String
        let newLabel: String
        let sideBySide: Bool
        let rows: [DiffRow]
        let summary: String
        let identical: Bool
        /// The versions differ too much to be compared line by line: the changed part is shown whole.
        let partial: Bool
    }

    struct Diff: Sendable {
        let title: String
        let tabs: [Tab]
        let heading: String
        let documentHref: String
        let historyHref: String
        let fromHref: String
        let toHref: String
        let sideHref: String
        let inlineHref: String
        let comparison: Comparison
        let compare: CompareForm
    }

    struct ChangeKindOption: Sendable {
        let value: String
        let label: String
        let hint: String
        let checked: Bool
    }

    struct Draft: Sendable {
        let title: String
        let tabs: [Tab]
        let documentHref: String
        let markdown: String
        let revision: Int
        let saveAction: String
        let markdownError: String?
        let conflict: String?
        let lastSaved: String
        let previewHTML: String
        let hasPreview: Bool
        let currentNote: String?
        let changes: Comparison?
        let canPublish: Bool
        let publishAction: String
        let publishLead: String
        let publishButton: String
        let isFirstVersion: Bool
        let changeNote: String
        let changeNoteError: String?
        let changeKinds: [ChangeKindOption]
        let publishError: String?
        /// No fresh password or code in this session: the publish form asks for one.
        var needsReauthentication = false
        var reauthUsesCode = false
    }

    struct RosterRow: Sendable {
        let name: String
        let role: String
        let last: String
    }

    struct Acknowledgements: Sendable {
        let title: String
        let tabs: [Tab]
        let documentHref: String
        let lead: String
        let pendingHeading: String
        let doneHeading: String
        let pending: [RosterRow]
        let done: [RosterRow]
        let hasPending: Bool
        let hasDone: Bool
    }

    /// The standalone print view of one version.
    struct Print: Sendable {
        let lang: String
        let committeeName: String
        let title: String
        let version: String
        let published: String
        let changeKind: String
        let html: String
        let stylesheet: String
        let icon: String
        let backHref: String
    }
}
