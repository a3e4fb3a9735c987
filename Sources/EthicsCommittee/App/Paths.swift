import Foundation

/// Every URL of the app in one place: route patterns and the links that point at them, side by side,
/// so links and routes cannot drift apart.
enum Paths {
    static let home = "/"
    static let healthz = "/healthz"
    static let login = "/login"
    static let logout = "/logout"
    static let language = "/language"
    static let password = "/account/password"
    static let joinPattern = "/join/:token"
    static func join(_ token: String) -> String { "/join/\(token)" }

    static let users = "/admin/users"
    static let userPattern = "/admin/users/:id"
    static func user(_ id: Int64) -> String { "/admin/users/\(id)" }
    static let userRolePattern = "/admin/users/:id/role"
    static func userRole(_ id: Int64) -> String { "/admin/users/\(id)/role" }
    static let userDeactivatePattern = "/admin/users/:id/deactivate"
    static func userDeactivate(_ id: Int64) -> String { "/admin/users/\(id)/deactivate" }
    static let userReactivatePattern = "/admin/users/:id/reactivate"
    static func userReactivate(_ id: Int64) -> String { "/admin/users/\(id)/reactivate" }

    static let invitations = "/invitations"
    static let newInvitation = "/invitations/new"
    static let invitationPattern = "/invitations/:id"
    static func invitation(_ id: Int64) -> String { "/invitations/\(id)" }
    static let invitationRevokePattern = "/invitations/:id/revoke"
    static func invitationRevoke(_ id: Int64) -> String { "/invitations/\(id)/revoke" }
    static let invitationResendPattern = "/invitations/:id/resend"
    static func invitationResend(_ id: Int64) -> String { "/invitations/\(id)/resend" }

    static let members = "/members"
    static let memberPattern = "/members/:id"
    static func member(_ id: Int64) -> String { "/members/\(id)" }
    static let memberProfilePattern = "/members/:id/profile"
    static func memberProfile(_ id: Int64) -> String { "/members/\(id)/profile" }
    static let memberSeatPattern = "/members/:id/seat"
    static func memberSeat(_ id: Int64) -> String { "/members/\(id)/seat" }
    static let memberInterestsPattern = "/members/:id/interests"
    static func memberInterests(_ id: Int64) -> String { "/members/\(id)/interests" }
    static let memberInterestWithdrawPattern = "/members/:id/interests/:interest/withdraw"
    static func memberInterestWithdraw(_ id: Int64, _ interest: Int64) -> String { "/members/\(id)/interests/\(interest)/withdraw" }
    static let memberDeclarationPattern = "/members/:id/declaration"
    static func memberDeclaration(_ id: Int64) -> String { "/members/\(id)/declaration" }
    static let welcome = "/welcome"

    static let cases = "/cases"
    static let newCase = "/cases/new"
    static let casePattern = "/cases/:id"
    static func `case`(_ id: Int64) -> String { "/cases/\(id)" }
    static let caseEditPattern = "/cases/:id/edit"
    static func caseEdit(_ id: Int64) -> String { "/cases/\(id)/edit" }
    static let caseMovePattern = "/cases/:id/move/:transition"
    static func caseMove(_ id: Int64, _ transition: CaseLifecycle.Transition) -> String { "/cases/\(id)/move/\(transition.rawValue)" }
    static let caseReviewersPattern = "/cases/:id/reviewers"
    static func caseReviewers(_ id: Int64) -> String { "/cases/\(id)/reviewers" }
    static let caseRecusePattern = "/cases/:id/recuse"
    static func caseRecuse(_ id: Int64) -> String { "/cases/\(id)/recuse" }
    static let caseReviewPattern = "/cases/:id/review"
    static func caseReview(_ id: Int64) -> String { "/cases/\(id)/review" }
    static let caseCommentsPattern = "/cases/:id/comments"
    static func caseComments(_ id: Int64) -> String { "/cases/\(id)/comments" }
    static let caseCommentEditPattern = "/cases/:id/comments/:comment/edit"
    static func caseCommentEdit(_ id: Int64, _ comment: Int64) -> String { "/cases/\(id)/comments/\(comment)/edit" }
    static let caseQuestionsPattern = "/cases/:id/questions"
    static func caseQuestions(_ id: Int64) -> String { "/cases/\(id)/questions" }
    static let caseAnswersPattern = "/cases/:id/answers"
    static func caseAnswers(_ id: Int64) -> String { "/cases/\(id)/answers" }
    static let caseDecisionPattern = "/cases/:id/decision"
    static func caseDecision(_ id: Int64) -> String { "/cases/\(id)/decision" }
    static let caseConditionMetPattern = "/cases/:id/conditions/:condition/met"
    static func caseConditionMet(_ id: Int64, _ condition: Int64) -> String { "/cases/\(id)/conditions/\(condition)/met" }
    static let caseOpinionLetterPattern = "/cases/:id/opinion-letter"
    static func caseOpinionLetter(_ id: Int64) -> String { "/cases/\(id)/opinion-letter" }
    static let letterPrintStylesheet = "/css/letter-print.css"

    static let caseAttachmentsPattern = "/cases/:id/attachments"
    static func caseAttachments(_ id: Int64) -> String { "/cases/\(id)/attachments" }
    static let caseAttachmentPattern = "/cases/:id/attachments/:attachment"
    static func caseAttachment(_ id: Int64, _ attachment: Int64) -> String { "/cases/\(id)/attachments/\(attachment)" }

    static let figures = "/figures"
    static func figures(year: Int) -> String { "/figures?year=\(year)" }
    static let casesExportCSV = "/cases/export.csv"
    static let casesExportJSON = "/cases/export.json"
    static let annualReport = "/reports/annual"
    static func annualReport(year: Int) -> String { "/reports/annual?year=\(year)" }
    static let reportPrintStylesheet = "/css/report-print.css"

    static let audit = "/admin/audit"
    static func audit(query: String, page: Int) -> String { "/admin/audit?" + (query.isEmpty ? "" : query + "&") + "page=\(page)" }
    static let auditExport = "/admin/audit.csv"
    static func auditExport(query: String) -> String { auditExport + (query.isEmpty ? "" : "?" + query) }
    static let auditVerify = "/admin/audit/verify"
    static let auditViews = "/admin/audit?kind=views"
    static let settings = "/admin/settings"

    // Governance documents: the charter's stable (public) address is /charter; every kind has /documents/{kind}/….
    static let charter = "/charter"
    static let documentPattern = "/documents/:kind"
    static func document(_ kind: String) -> String { kind == GovernanceDocument.charter ? charter : "/documents/\(kind)" }
    static let documentVersionPattern = "/documents/:kind/versions/:number"
    static func documentVersion(_ kind: String, _ number: Int) -> String { "/documents/\(kind)/versions/\(number)" }
    static let documentPrintPattern = "/documents/:kind/versions/:number/print"
    static func documentPrint(_ kind: String, _ number: Int) -> String { "/documents/\(kind)/versions/\(number)/print" }
    static let documentHistoryPattern = "/documents/:kind/history"
    static func documentHistory(_ kind: String) -> String { "/documents/\(kind)/history" }
    static let documentDiffPattern = "/documents/:kind/diff"
    static func documentDiff(_ kind: String) -> String { "/documents/\(kind)/diff" }
    static func documentDiff(_ kind: String, from: Int, to: Int, inline: Bool = false) -> String {
        "/documents/\(kind)/diff?from=\(from)&to=\(to)" + (inline ? "&view=inline" : "")
    }
    static let documentDraftPattern = "/documents/:kind/draft"
    static func documentDraft(_ kind: String) -> String { "/documents/\(kind)/draft" }
    static let documentPublishPattern = "/documents/:kind/publish"
    static func documentPublish(_ kind: String) -> String { "/documents/\(kind)/publish" }
    static let documentAcknowledgePattern = "/documents/:kind/acknowledge"
    static func documentAcknowledge(_ kind: String) -> String { "/documents/\(kind)/acknowledge" }
    static let documentAcknowledgementsPattern = "/documents/:kind/acknowledgements"
    static func documentAcknowledgements(_ kind: String) -> String { "/documents/\(kind)/acknowledgements" }
    static let printStylesheet = "/css/print.css"
    static let meetingPrintStylesheet = "/css/minutes-print.css"

    static let meetings = "/meetings"
    static let newMeeting = "/meetings/new"
    static let meetingPattern = "/meetings/:id"
    static func meeting(_ id: Int64) -> String { "/meetings/\(id)" }
    static let meetingCalendarPattern = "/meetings/{id}.ics"
    static func meetingCalendar(_ id: Int64) -> String { "/meetings/\(id).ics" }
    static let meetingHoldPattern = "/meetings/:id/hold"
    static func meetingHold(_ id: Int64) -> String { "/meetings/\(id)/hold" }
    static let meetingEditPattern = "/meetings/:id/edit"
    static func meetingEdit(_ id: Int64) -> String { "/meetings/\(id)/edit" }
    static let meetingCancelPattern = "/meetings/:id/cancel"
    static func meetingCancel(_ id: Int64) -> String { "/meetings/\(id)/cancel" }
    static let meetingClosePattern = "/meetings/:id/close"
    static func meetingClose(_ id: Int64) -> String { "/meetings/\(id)/close" }
    static let meetingRSVPPattern = "/meetings/:id/rsvp"
    static func meetingRSVP(_ id: Int64) -> String { "/meetings/\(id)/rsvp" }
    static let meetingItemEditPattern = "/meetings/:id/items/:item/edit"
    static func meetingItemEdit(_ id: Int64, _ item: Int64) -> String { "/meetings/\(id)/items/\(item)/edit" }
    static let meetingItemRemovePattern = "/meetings/:id/items/:item/remove"
    static func meetingItemRemove(_ id: Int64, _ item: Int64) -> String { "/meetings/\(id)/items/\(item)/remove" }
    static let meetingAttendancePattern = "/meetings/:id/attendance"
    static func meetingAttendance(_ id: Int64) -> String { "/meetings/\(id)/attendance" }
    static let meetingItemsPattern = "/meetings/:id/items"
    static func meetingItems(_ id: Int64) -> String { "/meetings/\(id)/items" }
    static let meetingItemMovePattern = "/meetings/:id/items/:item/move/:direction"
    static func meetingItemMove(_ id: Int64, _ item: Int64, up: Bool) -> String { "/meetings/\(id)/items/\(item)/move/\(up ? "up" : "down")" }
    static let meetingItemTransferPattern = "/meetings/:id/items/:item/transfer"
    static func meetingItemTransfer(_ id: Int64, _ item: Int64) -> String { "/meetings/\(id)/items/\(item)/transfer" }
    static let meetingItemVotePattern = "/meetings/:id/items/:item/vote"
    static func meetingItemVote(_ id: Int64, _ item: Int64) -> String { "/meetings/\(id)/items/\(item)/vote" }
    static let meetingMinutesPattern = "/meetings/:id/minutes"
    static func meetingMinutes(_ id: Int64) -> String { "/meetings/\(id)/minutes" }
    static let meetingMinutesApprovePattern = "/meetings/:id/minutes/approve"
    static func meetingMinutesApprove(_ id: Int64) -> String { "/meetings/\(id)/minutes/approve" }
    static let meetingMinutesPrintPattern = "/meetings/:id/minutes/print"
    static func meetingMinutesPrint(_ id: Int64) -> String { "/meetings/\(id)/minutes/print" }
    static let meetingPackPattern = "/meetings/:id/pack"
    static func meetingPack(_ id: Int64) -> String { "/meetings/\(id)/pack" }
    static let packPrintStylesheet = "/css/pack-print.css"
    /// "Page 1 of 3" at the foot of printed pages, in the reader's language (CSS cannot read the catalogue).
    static func pageNumbersStylesheet(_ language: Language) -> String { "/css/pages-\(language.rawValue).css" }
    static let meetingMinutesReturnPattern = "/meetings/:id/minutes/return"
    static func meetingMinutesReturn(_ id: Int64) -> String { "/meetings/\(id)/minutes/return" }
    static let meetingMinutesArchivePattern = "/meetings/:id/minutes/approved.html"
    static func meetingMinutesArchive(_ id: Int64) -> String { "/meetings/\(id)/minutes/approved.html" }

    static let deliverables = "/deliverables"
    static let newDeliverable = "/deliverables/new"
    static let deliverablePattern = "/deliverables/:id"
    static func deliverable(_ id: Int64) -> String { "/deliverables/\(id)" }
    static let deliverableEditPattern = "/deliverables/:id/edit"
    static func deliverableEdit(_ id: Int64) -> String { "/deliverables/\(id)/edit" }
    static let deliverableStatusPattern = "/deliverables/:id/status"
    static func deliverableStatus(_ id: Int64) -> String { "/deliverables/\(id)/status" }

    static let notifications = "/notifications"
    static let notificationsReadAll = "/notifications/read-all"
    static let notificationOpenPattern = "/notifications/:id/open"
    static func notificationOpen(_ id: Int64) -> String { "/notifications/\(id)/open" }
    static let notificationEmail = "/account/notifications"
    static let search = "/search"
    static func search(_ query: String, page: Int) -> String {
        search + "?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "&page=\(page)"
    }

    /// Files served from `Public/`; everything else is a page.
    static func isStatic(_ path: String) -> Bool {
        path.hasPrefix("/css/") || path.hasPrefix("/js/") || path.hasPrefix("/img/") || path == "/favicon.ico"
    }

    static func login(next: String?) -> String {
        guard let next, next != home else { return login }
        return login + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
}
