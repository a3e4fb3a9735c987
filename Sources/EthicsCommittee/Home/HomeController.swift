import Foundation
import Hummingbird

/// The home page of each person: what is theirs to do now. The health check lives here too.
struct HomeController {
    /// Every list of the page, in one read: the systems' attestations and reviews due (issue 18) included.
    let home: HomeStore
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
        let presenter = HomeSections(messages: messages, language: language, formats: formats, today: today)
        // The page's lists in one read (`HomeStore.load`), the quorum forecast's records and the systems' lists included.
        let data = try await home.load(for: actor, today: today, now: Timestamp.string(formats.clock.now),
                                       attestationSoon: formats.localISODate(daysFromNow: 14))
        var sections = presenter.attestationsDue(data.attestationsDue)
        var declarationDue = false
        switch user.role {
        case .member, .expert:
            sections += presenter.committee(data, actor: actor)
            if let member = data.member {
                declarationDue = member.declarationDue(now: formats.clock.now, currentVersion: settings.current.declarationVersion)
            }
        case .submitter:
            sections += presenter.submitter(data)
        case .secretary, .admin:
            sections += presenter.staff(data, quorumRisks: quorumRisks(data, messages, language),
                                        attestationsMissed: data.attestationsMissed, reviewOverdue: data.reviewOverdue)
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
