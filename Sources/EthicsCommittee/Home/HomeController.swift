import Foundation
import Hummingbird

/// The home page of each person: what is theirs to do now. The health check lives here too.
struct HomeController {
    let home: HomeStore
    /// Systems whose owner missed an attestation or whose review is overdue; an owner's attestations due (issue 18).
    let systems: SystemStore
    let settings: SettingsCache
    let renderer: Renderer
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.home), use: show)
        router.get(RouterPath(Paths.healthz)) { _, _ in "ok" }
    }

    struct Item: Sendable {
        let href: String
        let title: String
        let status: String
        let date: String?
        let overdue: Bool
        /// Nil rather than empty: the template prints " · detail" for any string it is given.
        let detail: String?

        init(href: String, title: String, status: String, date: String?, overdue: Bool, detail: String) {
            self.href = href; self.title = title; self.status = status; self.date = date; self.overdue = overdue
            self.detail = detail.isEmpty ? nil : detail
        }
    }

    struct Section: Sendable {
        let heading: String
        let items: [Item]
        let empty: String
        /// The full list, when there is more than the page shows.
        let more: String?
    }

    struct Page: Sendable {
        let greeting: String
        let roleSummary: String
        let isAdmin: Bool
        let declarationDue: Bool
        let profileHref: String?
        let sections: [Section]
        let newCase: String?
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession()
        let user = session.user
        guard let actor = context.actor else { throw Refusal.notFound }
        let language = context.language
        let messages = Catalog.messages(language)
        let today = formats.localISODate()
        func items(_ work: [WorkItem], date: (WorkItem) -> String? = { $0.date }, overdue: Bool = true) -> [Item] {
            work.map { item in
                let raw = date(item)
                let shown = raw.map { $0.count == 10 ? formats.calendarDate($0, language) : formats.date($0, language) }
                return Item(href: Paths.case(item.caseId), title: item.title, status: messages[runtime: "case_status_\(item.status)"] ?? "",
                            date: shown, overdue: overdue && (raw.map { $0.count == 10 && $0 < today } ?? false),
                            detail: messages[runtime: "tier_\(item.detail)"] ?? item.detail)
            }
        }
        func section(_ heading: String, _ list: [Item], _ empty: String, all: String? = nil) -> Section {
            Section(heading: messages[runtime: heading] ?? "", items: Array(list.prefix(HomeStore.shown)), empty: messages[runtime: empty] ?? "",
                    more: list.count > HomeStore.shown ? all : nil)
        }

        let now = Timestamp.string(formats.clock.now)
        func meetingItems(_ list: [Meeting]) -> [Item] {
            list.map { Item(href: Paths.meeting($0.id), title: $0.title, status: messages[runtime: "meeting_status_\($0.status.rawValue)"] ?? "",
                            date: formats.dateTime($0.startsAt, language), overdue: false, detail: "") }
        }
        func deliverableItems(_ list: [OwnedDeliverable]) -> [Item] {
            list.map { Item(href: Paths.deliverable($0.id), title: $0.title, status: messages[runtime: "deliverable_status_\($0.status)"] ?? "",
                            date: formats.calendarDate($0.dueOn, language), overdue: $0.dueOn < today, detail: "") }
        }
        /// A section shown only when it has something in it (work that most people rarely have).
        func whenAny(_ heading: String, _ list: [Item], all: String? = nil) -> [Section] {
            list.isEmpty ? [] : [section(heading, list, "", all: all)]
        }

        func systemItems(_ rows: [SystemListRow], date: (SystemListRow) -> String?) -> [Item] {
            rows.map { row in
                Item(href: Paths.system(row.id), title: row.name, status: messages[runtime: "system_status_\(row.status.rawValue)"] ?? "",
                     date: date(row).map { formats.calendarDate($0, language) }, overdue: date(row).map { $0 < today } ?? false,
                     detail: row.ownerName)
            }
        }
        var sections: [Section] = []
        var declarationDue = false
        // Whoever owns systems in service attests for them (project owners mostly, but any account may own one).
        sections += whenAny("home_systems_attestations_due",
                            systemItems(try await systems.attestationsDue(ownerId: user.id, until: formats.localISODate(daysFromNow: 14)),
                                        date: { $0.attestationDueOn }))
        // The page's lists in one read (`HomeStore.load`); only the quorum forecast reads on its own.
        let data = try await home.load(for: actor, today: today, now: now)
        let chairId = data.chairId
        switch user.role {
        case .member, .expert:
            sections += whenAny("home_ballots_open", data.openBallots.map { ballot in
                Item(href: Paths.meeting(ballot.meetingId) + "#vote-\(ballot.number)",
                     title: messages.fill(.home_ballot_item, ["meeting": ballot.meetingTitle, "number": String(ballot.number)]), status: messages[.ballot_vote_open],
                     date: nil, overdue: false, detail: messages[ballot.voted ? .home_ballot_cast : .home_ballot_waiting])
            })
            // Written procedures awaiting this voter's ballot (or declaration), soonest deadline first.
            sections += whenAny("home_written_awaiting", data.writtenAwaiting.map { row in
                Item(href: Paths.writtenProcedure(row.id), title: row.title, status: messages[runtime: "written_kind_\(row.kind.rawValue)"] ?? "",
                     date: formats.dateTime(row.deadline, language), overdue: false,
                     detail: messages.fill(.written_progress, ["voted": String(row.ballots), "voters": String(row.voters)]))
            }, all: Paths.writtenProcedures)
            sections.append(section("home_reviews_due", items(data.reviewsDue), "home_reviews_none",
                                    all: Paths.cases + "?scope=to_review"))
            if Policy.decide(actor, .approveMinutes(chairId: chairId)) == .allow {
                sections += whenAny("home_minutes_to_approve", meetingItems(data.minutesToApprove), all: Paths.meetings)
            }
            sections.append(section("home_next_meetings", meetingItems(data.nextMeetings),
                                    "home_next_meetings_none", all: Paths.meetings))
            sections += whenAny("home_deliverables_owned", deliverableItems(data.deliverablesOwned), all: Paths.deliverables)
            sections += whenAny("home_conditions_owned", items(data.conditionsOwned))
            if let member = data.member {
                declarationDue = member.declarationDue(now: formats.clock.now, currentVersion: settings.current.declarationVersion)
            }
        case .submitter:
            sections.append(section("home_own_cases", items(data.ownCases, overdue: false), "home_own_cases_none",
                                    all: Paths.cases + "?scope=mine"))
            sections.append(section("home_conditions_owned", items(data.conditionsOwned), "home_conditions_none"))
        case .secretary, .admin:
            sections.append(section("home_triage", items(data.awaitingTriage, overdue: false), "home_triage_none",
                                    all: Paths.cases + "?status=submitted"))
            sections.append(section("home_late_reviews", items(data.lateReviews), "home_late_reviews_none",
                                    all: Paths.cases + "?status=in_review&overdue=1"))
            sections.append(section("home_overdue_conditions", items(data.overdueConditions), "home_overdue_conditions_none",
                                    all: Paths.cases + "?overdue=1"))
            sections.append(section("home_quorum_risks", quorumRisks(data, messages, language), "home_quorum_risks_none"))
            sections += whenAny("home_systems_attestations_missed",
                                systemItems(try await systems.missedAttestations(for: actor, today: today), date: { $0.attestationDueOn }),
                                all: Paths.systems + "?status=in_service")
            sections += whenAny("home_systems_review_overdue",
                                systemItems(try await systems.overdueForReview(for: actor, today: today).rows, date: { $0.nextReviewOn }),
                                all: Paths.systems)
            sections += whenAny("home_minutes_awaiting", meetingItems(data.minutesToApprove), all: Paths.meetings)
            sections.append(section("home_next_meetings_all", meetingItems(data.nextMeetings),
                                    "home_next_meetings_none", all: Paths.meetings))
            sections += whenAny("home_deliverables_owned", deliverableItems(data.deliverablesOwned), all: Paths.deliverables)
        }
        let page = Page(greeting: messages.fill(.home_greeting, ["name": user.name]),
                        roleSummary: messages[runtime: "home_role_\(user.role.rawValue)"] ?? "",
                        isAdmin: Policy.decide(context.actor, .manageAccounts) == .allow,
                        declarationDue: declarationDue, profileHref: user.role.sitsOnCommittee ? Paths.member(user.id) : nil,
                        sections: sections,
                        newCase: Policy.decide(context.actor, .createCase) == .allow ? Paths.newCase : nil)
        return try await renderer.page("home/index", page, title: .home_title, context: context, path: Paths.home)
    }

    /// Planned meetings that cannot reach the quorum even if everyone invited comes: too few voting members
    /// invited, or no external one when the rule asks for one. Recusals are per item, so they are not counted here.
    private func quorumRisks(_ data: HomeData, _ messages: Messages, _ language: Language) -> [Item] {
        let invitedRisks = invitationRisks(data, messages, language)
        return invitedRisks + forecastRisks(data, except: Set(invitedRisks.map(\.href)), messages, language)
    }

    /// The next planned meetings with an item that will not be quorate, from the answers and the conflicts
    /// (`QuorumForecast`): flagged ahead of time, with the first such item in words.
    private func forecastRisks(_ data: HomeData, except flagged: Set<String>, _ messages: Messages,
                               _ language: Language) -> [Item] {
        var found: [Item] = []
        for record in data.forecasts where !flagged.contains(Paths.meeting(record.meeting.id)) {
            let id = record.meeting.id
            let problems = record.forecastProblems(settings.current, messages)
            guard let first = problems.first else { continue }
            let more = problems.count > 1 ? " " + messages.fill(.forecast_more, ["count": String(problems.count - 1)]) : ""
            found.append(Item(href: Paths.meeting(id), title: record.meeting.title, status: messages[.forecast_home_status],
                              date: formats.dateTime(record.meeting.startsAt, language), overdue: false, detail: first + more))
        }
        return found
    }

    private func invitationRisks(_ data: HomeData, _ messages: Messages, _ language: Language) -> [Item] {
        let voters = data.votingMembers.map { Quorum.Voter(id: $0.userId, external: $0.external) }
        let rule = settings.current
        return data.plannedWithInvitees.compactMap { meeting, invited in
            guard case .refused(let reason) = Quorum.check(rule: rule.quorumRule, requiresExternal: rule.quorumRequiresExternal,
                                                          voters: voters, present: invited, recused: []) else { return nil }
            let invitedVoters = voters.filter { invited.contains($0.id) }.count
            let counts = messages.fill(.home_quorum_invited, ["invited": String(invitedVoters), "voters": String(voters.count)])
            return Item(href: Paths.meeting(meeting.id), title: meeting.title, status: counts,
                        date: formats.dateTime(meeting.startsAt, language),
                        overdue: false, detail: messages[runtime: reason] ?? reason)
        }
    }
}
