import Foundation

/// Typed view models of the deliverable pages. Stored properties only.
enum DeliverablePages {
    struct Row: Sendable {
        let href: String
        let title: String
        let kind: String
        let owner: String
        let due: String
        let status: String
        let statusKey: String
        let overdue: Bool
    }

    struct List: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let statuses: [Choice]
        /// The owner filter: what was typed (an e-mail or a name), and the message when nobody has it.
        let owner: String
        let ownerError: String?
        let newHref: String?
        let count: String
        let pageNumber: Int
        let pageCount: Int
        let hasPages: Bool
        let previous: String?
        let next: String?
    }

    struct Form: Sendable {
        let action: String
        let isNew: Bool
        let kinds: [Choice]
        let title: String
        /// Searchable fields: what each holds (an e-mail, a case or meeting number) and its bounded suggestions.
        let owner: String
        let owners: [Choice]
        let dueOn: String
        let caseId: String
        let cases: [Choice]
        let meetingId: String
        let meetings: [Choice]
        let body: String
        let errors: [String: String]
        let error: String?
    }

    struct Button: Sendable {
        let value: String
        let label: String
        /// For a move that cannot be undone (delivered): the confirmation page, instead of a form.
        var confirmHref: String? = nil
    }

    struct Show: Sendable {
        let title: String
        let kind: String
        let owner: String
        let due: String
        let overdue: Bool
        let status: String
        let statusKey: String
        let delivered: String?
        let caseHref: String?
        let caseTitle: String?
        let meetingHref: String?
        let bodyHTML: String
        let editHref: String?
        let statusAction: String?
        let moves: [Button]
        let frozen: Bool
        var formError: String?
    }
}
