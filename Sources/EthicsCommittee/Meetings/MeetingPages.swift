import Foundation

/// Typed view models of the meeting pages. Stored properties only: Mustache reads them by Mirror.
enum MeetingPages {
    struct ListRow: Sendable {
        let href: String
        let title: String
        let when: String
        let status: String
        let statusKey: String
    }

    struct List: Sendable {
        let upcoming: [ListRow]
        let hasUpcoming: Bool
        let past: [ListRow]
        let hasPast: Bool
        let newHref: String?
        /// Each half is paged on its own (`pager.mustache`), when it has more than one page.
        let upcomingPager: Pager?
        let pastPager: Pager?
    }

    struct Pager: Sendable {
        let previous: String?
        let next: String?
        let pageNumber: Int
        let pageCount: Int
    }

    struct InviteeOption: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    /// The form that plans a meeting (values kept on a 422).
    struct Form: Sendable {
        let action: String
        let heading: String
        let submit: String
        let backHref: String
        let editing: Bool
        let title: String
        let startsAt: String
        let duration: String
        let place: String
        let videoURL: String
        let timeZone: String
        let members: [InviteeOption]
        let errors: [String: String]
        var error: String?
    }

    struct AttendanceRow: Sendable {
        let userId: Int64
        let name: String
        let kind: String
        let voting: Bool
        let attendance: String
        let field: String
        let options: [Choice]
        /// The invitee's answer to the invitation, for the secretary.
        var answer: String = ""
    }

    struct VoteRow: Sendable {
        let name: String
        let choice: String
        let dissent: String
        /// "recorded by the secretary", on an item voted by ballots.
        var note: String? = nil
    }

    struct Voter: Sendable {
        let name: String
        /// The item's number, for unique element ids.
        let number: Int
        let field: String
        let dissentField: String
        let choices: [Choice]
        /// What was typed before a refusal, and the messages.
        var dissent: String = ""
        var error: String? = nil
        var dissentError: String? = nil
    }

    /// One agenda item as a person may see it: a confidential item carries no title, note, votes or decision.
    struct Item: Sendable {
        let number: Int
        let confidential: Bool
        let title: String
        let kind: String
        let caseHref: String?
        let noteHTML: String?
        let recused: [String]
        let hasRecused: Bool
        let quorum: String?
        let quorumOK: Bool
        let decided: Bool
        let outcome: String
        let decisionHTML: String
        let tally: String
        let votes: [VoteRow]
        let dissents: [VoteRow]
        let upAction: String?
        let downAction: String?
        let transferAction: String?
        let targets: [Choice]
        let voteAction: String?
        let voters: [Voter]
        let outcomes: [Choice]
        let isCase: Bool
        let owners: [Choice]
        /// The vote form's values and messages (refused on this item), and its condition rows.
        var form = FormState()
        var conditionRows: [ConditionRowView] = []
        /// The AI Act obligations of the item's case offered as conditions on the roll form.
        var aiActRollOffer: AIActOfferView? = nil
        /// The vote open to the members' ballots, as this person may take part in it (`BallotViews`).
        var ballot: BallotPages.ItemVote? = nil
        /// While planned, for the secretary: the quorum forecast (red when it cannot be reached), edit and remove.
        var forecast: String? = nil
        var forecastOK = true
        var editHref: String? = nil
        var removeAction: String? = nil
    }

    struct Overdue: Sendable {
        let caseTitle: String
        let href: String
        let text: String
        let due: String
    }

    struct Show: Sendable {
        let id: Int64
        let title: String
        let when: String
        let place: String?
        let videoURL: String?
        let status: String
        let statusKey: String
        let icsHref: String
        let minutesHref: String
        let printHref: String
        /// The reader's own meeting pack.
        let packHref: String
        let holdAction: String?
        var attendance: [AttendanceRow]
        let attendanceAction: String?
        var items: [Item]
        let hasItems: Bool
        let addAction: String?
        let cases: [Choice]
        let hasCases: Bool
        let earlierMinutes: [Choice]
        let hasEarlierMinutes: Bool
        let overdue: [Overdue]
        let hasOverdue: Bool
        /// "… and N more", linking to the case list's overdue filter, when more conditions are overdue than listed.
        let overdueMore: String?
        let overdueAllHref: String
        let minutesStatus: String
        var formError: String?
        let limits: LimitHints
        var forms: MeetingShowForms
        var lifecycle = MeetingLifecycleView()
    }

    /// The minutes page: the text, its approval, and for the secretary the editor.
    struct MinutesPage: Sendable {
        let meetingTitle: String
        let meetingHref: String
        let printHref: String
        let html: String
        let hasText: Bool
        let approved: Bool
        let approvalLine: String
        let fingerprint: String?
        /// The approved copy, for those who may read every item.
        let archiveHref: String?
        /// Why the chair is not offered the approval: recused from some items, the minutes go to a later meeting's vote.
        let recusedNote: String?
        /// The chair's comments on the draft, until the secretary saves it again.
        let returned: String?
        let returnedText: String?
        /// The chair's form to send the draft back instead of approving it.
        let returnAction: String?
        var returnError: String?
        var returnComment = ""
        let saveAction: String?
        let markdown: String
        let approveAction: String?
        var formError: String?
        var textError: String?
    }

    /// The standalone print view of the minutes.
    struct Print: Sendable {
        let lang: String
        let committeeName: String
        let title: String
        let date: String
        let when: String
        let place: String?
        let chairedBy: String?
        /// The document print rules (page, margins, running header), page numbers in the reader's language, then the minutes' own.
        let baseStylesheet = Paths.printStylesheet
        let pageNumbers: String
        let stylesheet: String
        let icon: String
        let backHref: String
        let document: MinutesDocument
        /// Until approval, "DRAFT" stands on every printed page.
        let draft: Bool
        let approvalLine: String
        /// "Fingerprint (SHA-256) of the approved copy: …", once approved.
        let fingerprint: String?
        let status: String
    }
}

/// The state of the meeting page's text forms: empty, or refused with what was sent.
struct MeetingShowForms: Sendable {
    var agendaItem = FormState()
    /// The add-a-case field (a ready case's number or title), refused with what was typed.
    var agendaCase = FormState()
    var vote = FormState()
    /// The item whose vote was refused.
    var voteItemId: Int64?
    /// The vote open to ballots: a voter's ballot, a show of hands, the closing; on `ballotItemId`.
    var ballot = FormState()
    var hands = FormState()
    var closeVote = FormState()
    var ballotItemId: Int64?
}
