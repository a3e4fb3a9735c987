import Foundation

/// The lifecycle part of the meeting page: the secretary's links to change, cancel or close it, a cancelled
/// meeting's reason, the reader's own answer to the invitation, and whether the answers are shown.
struct MeetingLifecycleView: Sendable {
    var editHref: String?
    var cancelHref: String?
    var closeHref: String?
    var cancelReason: String?
    /// The invitee's form: the three answers with theirs selected.
    var rsvpAction: String?
    var rsvpChoices: [Choice] = []
    var rsvpCurrent: String?
    /// The secretary sees every answer, and a summary.
    var showAnswers = false
    var answersSummary = ""
    /// Items that will not be quorate, for the banner at the top.
    var forecastProblems: [String] = []
    var hasForecastProblems = false
}

extension MeetingShowBuilder {
    /// Adds the lifecycle controls, the answers and the forecast to a built page.
    func addLifecycle(_ page: inout MeetingPages.Show, _ record: MeetingRecord, context: AppRequestContext) {
        let messages = Catalog.messages(context.language)
        let meeting = record.meeting, id = meeting.id
        let manage = Policy.decide(context.actor, .manageMeetings) == .allow
        let planned = meeting.status == .planned
        var view = MeetingLifecycleView()
        view.editHref = manage && planned ? Paths.meetingEdit(id) : nil
        view.cancelHref = manage && planned ? Paths.meetingCancel(id) : nil
        view.closeHref = manage && meeting.status == .held ? Paths.meetingClose(id) : nil
        view.cancelReason = meeting.status == .cancelled ? meeting.cancelReason : nil
        if planned, Policy.decide(context.actor, .answerInvitation(record.facts)) == .allow, let me = context.actor?.userId {
            let mine = record.invitees.first { $0.userId == me }?.rsvp
            view.rsvpAction = Paths.meetingRSVP(id)
            view.rsvpChoices = RSVP.allCases.map { Choice(value: $0.rawValue, label: messages[runtime: "rsvp_\($0.rawValue)"] ?? "", selected: $0 == mine) }
            view.rsvpCurrent = messages[runtime: "rsvp_current_\(mine?.rawValue ?? "none")"]
        }
        if manage {
            view.showAnswers = true
            for index in page.attendance.indices {
                let answer = record.invitees.first { $0.userId == page.attendance[index].userId }?.rsvp
                page.attendance[index].answer = messages[runtime: "rsvp_\(answer?.rawValue ?? "none")"] ?? ""
            }
            let counts = Dictionary(grouping: record.invitees.compactMap(\.rsvp), by: { $0 }).mapValues(\.count)
            view.answersSummary = messages.fill(.rsvp_summary, [
                "attending": String(counts[.attending] ?? 0), "excused": String(counts[.excused] ?? 0),
                "unsure": String(counts[.unsure] ?? 0),
                "none": String(record.invitees.filter { $0.rsvp == nil }.count),
            ])
        }
        if manage && planned {
            let settings = views.settings.current
            for index in page.items.indices where index < record.items.count {
                let item = record.items[index]
                guard item.decidedAt == nil else { continue }
                page.items[index].editHref = Paths.meetingItemEdit(id, item.id)
                page.items[index].removeAction = Paths.meetingItemRemove(id, item.id)
                let result = record.forecast(item, settings)
                page.items[index].forecast = QuorumForecastText.line(number: index + 1, result, messages)
                page.items[index].forecastOK = result.quorate
            }
            view.forecastProblems = record.forecastProblems(settings, messages)
            view.hasForecastProblems = !view.forecastProblems.isEmpty
        }
        page.lifecycle = view
    }
}
