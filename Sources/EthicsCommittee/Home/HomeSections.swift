import Foundation

/// The home page's sections for one person, made from the page's one read (`HomeData`) and the system lists the
/// controller reads beside it: one function per role's set of sections, in the order the page shows them.
struct HomeSections {
    typealias Item = HomeController.Item
    typealias Section = HomeController.Section
    let messages: Messages
    let language: Language
    let formats: Formats
    let today: String

    /// A member's or an expert's work: ballots, written procedures, reviews, minutes to approve, meetings, what they own.
    func committee(_ data: HomeData, actor: Requester) -> [Section] {
        var sections = whenAny("home_ballots_open", data.openBallots.map { ballot in
            Item(href: Paths.meeting(ballot.meetingId) + "#vote-\(ballot.number)",
                 title: messages.fill(.home_ballot_item, ["meeting": ballot.meetingTitle, "number": String(ballot.number)]),
                 status: messages[.ballot_vote_open],
                 date: nil, overdue: false, detail: messages[ballot.voted ? .home_ballot_cast : .home_ballot_waiting])
        })
        // Written procedures awaiting this voter's ballot (or declaration), soonest deadline first.
        sections += whenAny("home_written_awaiting", data.writtenAwaiting.map { row in
            Item(href: Paths.writtenProcedure(row.id), title: row.title, status: messages[runtime: "written_kind_\(row.kind.rawValue)"] ?? "",
                 date: formats.dateTime(row.deadline, language), overdue: false,
                 detail: messages.fill(.written_progress, ["voted": String(row.ballots), "voters": String(row.voters)]))
        }, all: Paths.writtenProcedures)
        sections.append(section("home_reviews_due", items(data.reviewsDue), "home_reviews_none", all: Paths.cases + "?scope=to_review"))
        if Policy.decide(actor, .approveMinutes(chairId: data.chairId)) == .allow {
            sections += whenAny("home_minutes_to_approve", meetingItems(data.minutesToApprove), all: Paths.meetings)
        }
        sections.append(section("home_next_meetings", meetingItems(data.nextMeetings), "home_next_meetings_none", all: Paths.meetings))
        sections += whenAny("home_deliverables_owned", deliverableItems(data.deliverablesOwned), all: Paths.deliverables)
        sections += whenAny("home_conditions_owned", items(data.conditionsOwned))
        return sections
    }

    /// A project owner's cases and the conditions they own.
    func submitter(_ data: HomeData) -> [Section] {
        [section("home_own_cases", items(data.ownCases, overdue: false), "home_own_cases_none", all: Paths.cases + "?scope=mine"),
         section("home_conditions_owned", items(data.conditionsOwned), "home_conditions_none")]
    }

    /// The secretary's and the admin's: triage, what is late, meetings at risk, systems needing attention.
    func staff(_ data: HomeData, quorumRisks: [Item], attestationsMissed: [SystemListRow], reviewOverdue: [SystemListRow]) -> [Section] {
        var sections = [
            section("home_triage", items(data.awaitingTriage, overdue: false), "home_triage_none", all: Paths.cases + "?status=submitted"),
            section("home_late_reviews", items(data.lateReviews), "home_late_reviews_none", all: Paths.cases + "?status=in_review&overdue=1"),
            section("home_overdue_conditions", items(data.overdueConditions), "home_overdue_conditions_none", all: Paths.cases + "?overdue=1"),
            section("home_quorum_risks", quorumRisks, "home_quorum_risks_none"),
        ]
        sections += whenAny("home_systems_attestations_missed", systemItems(attestationsMissed, date: { $0.attestationDueOn }),
                            all: Paths.systems + "?status=in_service")
        sections += whenAny("home_systems_review_overdue", systemItems(reviewOverdue, date: { $0.nextReviewOn }), all: Paths.systems)
        sections += whenAny("home_minutes_awaiting", meetingItems(data.minutesToApprove), all: Paths.meetings)
        sections.append(section("home_next_meetings_all", meetingItems(data.nextMeetings), "home_next_meetings_none", all: Paths.meetings))
        sections += whenAny("home_deliverables_owned", deliverableItems(data.deliverablesOwned), all: Paths.deliverables)
        return sections
    }

    /// Whoever owns systems in service attests for them (project owners mostly, but any account may own one).
    func attestationsDue(_ rows: [SystemListRow]) -> [Section] {
        whenAny("home_systems_attestations_due", systemItems(rows, date: { $0.attestationDueOn }))
    }

    func section(_ heading: String, _ list: [Item], _ empty: String, all: String? = nil) -> Section {
        Section(heading: messages[runtime: heading] ?? "", items: Array(list.prefix(HomeStore.shown)), empty: messages[runtime: empty] ?? "",
                more: list.count > HomeStore.shown ? all : nil)
    }

    /// A section shown only when it has something in it (work that most people rarely have).
    func whenAny(_ heading: String, _ list: [Item], all: String? = nil) -> [Section] {
        list.isEmpty ? [] : [section(heading, list, "", all: all)]
    }

    func items(_ work: [WorkItem], date: (WorkItem) -> String? = { $0.date }, overdue: Bool = true) -> [Item] {
        work.map { item in
            let raw = date(item)
            let shown = raw.map { $0.count == 10 ? formats.calendarDate($0, language) : formats.date($0, language) }
            return Item(href: Paths.case(item.caseId), title: item.title, status: messages[runtime: "case_status_\(item.status)"] ?? "",
                        date: shown, overdue: overdue && (raw.map { $0.count == 10 && $0 < today } ?? false),
                        detail: messages[runtime: "tier_\(item.detail)"] ?? item.detail)
        }
    }

    func meetingItems(_ list: [Meeting]) -> [Item] {
        list.map { Item(href: Paths.meeting($0.id), title: $0.title, status: messages[runtime: "meeting_status_\($0.status.rawValue)"] ?? "",
                        date: formats.dateTime($0.startsAt, language), overdue: false, detail: "") }
    }

    func deliverableItems(_ list: [OwnedDeliverable]) -> [Item] {
        list.map { Item(href: Paths.deliverable($0.id), title: $0.title, status: messages[runtime: "deliverable_status_\($0.status)"] ?? "",
                        date: formats.calendarDate($0.dueOn, language), overdue: $0.dueOn < today, detail: "") }
    }

    func systemItems(_ rows: [SystemListRow], date: (SystemListRow) -> String?) -> [Item] {
        rows.map { row in
            Item(href: Paths.system(row.id), title: row.name, status: messages[runtime: "system_status_\(row.status.rawValue)"] ?? "",
                 date: date(row).map { formats.calendarDate($0, language) }, overdue: date(row).map { $0 < today } ?? false,
                 detail: row.ownerName)
        }
    }
}
