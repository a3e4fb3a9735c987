import Foundation
import Hummingbird

/// Builds the meeting page for one person: the agenda as they may see it, and the secretary's forms.
struct MeetingShowBuilder: Sendable {
    let meetings: MeetingStore
    let agenda: AgendaStore
    let minutes: MinutesStore
    let users: UserStore
    let renderer: Renderer
    let views: MeetingViews

    func page(_ record: MeetingRecord, context: AppRequestContext,
              forms: MeetingShowForms = MeetingShowForms()) async throws -> MeetingPages.Show {
        let messages = Catalog.messages(context.language), language = context.language
        let meeting = record.meeting, id = meeting.id
        let manage = Policy.decide(context.actor, .manageMeetings) == .allow
        let planned = meeting.status == .planned, held = meeting.status == .held
        let targets = manage && planned ? try await meetings.planned(except: id) : []
        // Each case item offers as condition owners those who may open its case (`ConditionOwners`).
        let people = manage && held
            ? try await users.conditionOwnerCandidates(submitters: Array(Set(record.cases.values.map(\.submitterId))).sorted()) : []
        func owners(_ item: AgendaItem) -> [Choice] {
            guard let facts = item.caseId.flatMap({ record.cases[$0] }) else { return [] }
            return ConditionOwners.suggestions(people, facts).map { Choice(value: $0.value, label: $0.label, selected: false) }
        }
        let ready = manage && planned ? try await agenda.casesReady(limit: CaseShowBuilder.suggestions) : []
        let earlier = manage && planned ? try await minutes.draftsAwaitingApproval().filter { $0.id != id } : []
        let (overdue, overdueTotal) = manage ? try await meetings.overdueConditions(today: views.formats.localISODate()) : ([], 0)
        let ballots = held ? try await agenda.ballots.ballots(meetingId: id) : [:]
        let ballotViews = BallotViews(formats: views.formats)
        let obligations = manage && held ? try await aiActObligations(record, language) : [:]
        var page = MeetingPages.Show(
            id: id, title: meeting.title, when: views.when(meeting, language), place: meeting.place.isEmpty ? nil : meeting.place, videoURL: meeting.videoURL.isEmpty ? nil : meeting.videoURL,
            status: messages[runtime: "meeting_status_\(meeting.status.rawValue)"] ?? "", statusKey: meeting.status.rawValue,
            icsHref: Paths.meetingCalendar(id), minutesHref: Paths.meetingMinutes(id), printHref: Paths.meetingMinutesPrint(id),
            packHref: Paths.meetingPack(id),
            holdAction: manage && planned ? Paths.meetingHold(id) : nil,
            attendance: views.attendanceRows(record, messages),
            attendanceAction: manage && held ? Paths.meetingAttendance(id) : nil,
            items: record.items.enumerated().map { index, item in
                var view = views.item(item, number: index + 1, record, context, forms: manage, targets: targets, owners: owners(item),
                                      vote: forms.voteItemId == item.id ? forms.vote : FormState())
                view.ballot = ballotViews.view(item, number: index + 1, record, ballots: ballots[item.id] ?? [], owners: owners(item),
                                               forms: forms, context)
                offerObligations(&view, item.caseId.flatMap { obligations[$0] }, item, number: index + 1, record, people: people)
                return view
            },
            hasItems: !record.items.isEmpty,
            addAction: manage && planned ? Paths.meetingItems(id) : nil,
            cases: ready.map { Choice(value: String($0.id), label: $0.title, selected: false) }, hasCases: !ready.isEmpty || forms.agendaCase.refused,
            earlierMinutes: earlier.map { Choice(value: String($0.id), label: "\($0.title) — \(views.formats.date($0.startsAt, language))", selected: false) },
            hasEarlierMinutes: !earlier.isEmpty,
            overdue: overdue.map {
                MeetingPages.Overdue(caseTitle: $0.caseTitle, href: Paths.case($0.caseId), text: $0.text,
                                     due: views.formats.calendarDate($0.dueOn, language))
            },
            hasOverdue: !overdue.isEmpty,
            overdueMore: overdueTotal > overdue.count
                ? messages.fill(.members_more, ["count": String(overdueTotal - overdue.count)]) : nil,
            overdueAllHref: Paths.cases + "?scope=all&overdue=1",
            minutesStatus: record.minutes == nil ? messages[.minutes_none] : views.approvalLine(record.minutes, language),
            formError: nil, limits: LimitHints(language), forms: forms)
        addLifecycle(&page, record, context: context)
        return page
    }

    /// The case's AI Act obligations are offered as conditions wherever this item's decision is recorded: the roll-call
    /// vote's form and the ballot's closing form.
    private func offerObligations(_ view: inout MeetingPages.Item, _ offered: [AIActCaseView.ObligationView]?, _ item: AgendaItem,
                                  number: Int, _ record: MeetingRecord, people: [User]) {
        guard let offered, let facts = item.caseId.flatMap({ record.cases[$0] }) else { return }
        let choices = ConditionOwners.obligationOwners(people, facts)
        if view.voteAction != nil {
            view.aiActRollOffer = AIActOfferView(offered, form: view.form, owners: choices, fallback: nil, suffix: "-\(number)")
        }
        if view.ballot?.closeAction != nil, let ballot = view.ballot {
            view.ballot?.aiActCloseOffer = AIActOfferView(offered, form: ballot.closeForm, owners: choices, fallback: nil,
                                                          suffix: "-close-\(number)")
        }
    }

    /// The AI Act obligations of each undecided case on the agenda (bounded by the agenda), with when each applies.
    private func aiActObligations(_ record: MeetingRecord, _ language: Language) async throws -> [Int64: [AIActCaseView.ObligationView]] {
        let store = AIActStore(db: agenda.db)
        let dates = try await store.dates(), today = views.formats.localISODate()
        var byCase: [Int64: [AIActCaseView.ObligationView]] = [:]
        for item in record.items where item.decidedAt == nil {
            guard let caseId = item.caseId else { continue }
            byCase[caseId] = AIActCaseView.obligations(try await store.record(caseId: caseId), dates: dates, today: today,
                                                       formats: views.formats, language: language)
        }
        return byCase
    }

    /// The meeting page again with a refused form's values and messages in place (422); the form's
    /// `action` carries its fragment, so the browser lands on it.
    func refuse(_ record: MeetingRecord, forms: MeetingShowForms, _ context: AppRequestContext) async throws -> Response {
        let page = try await page(record, context: context, forms: forms)
        return try await renderer.page("meetings/show", page, titleText: record.meeting.title, context: context,
                                       path: Paths.meeting(record.meeting.id), status: .unprocessableContent)
    }

    /// The meeting page again with the reason a change was refused (422).
    func refuse(_ record: MeetingRecord, _ key: String, _ context: AppRequestContext) async throws -> Response {
        var page = try await page(record, context: context)
        page.formError = Catalog.messages(context.language)[runtime: key] ?? key
        return try await renderer.page("meetings/show", page, titleText: record.meeting.title, context: context,
                                       path: Paths.meeting(record.meeting.id), status: .unprocessableContent)
    }
}
