import Foundation
import Hummingbird

/// The home page of each person: what is theirs to do now. The health check lives here too.
struct HomeController {
    let home: HomeStore
    let members: MemberStore
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
        let detail: String
    }

    struct Section: Sendable {
        let heading: String
        let items: [Item]
        let empty: String
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
        let language = context.language
        let messages = Catalog.messages(language)
        let today = formats.localISODate()
        func items(_ work: [WorkItem], date: (WorkItem) -> String? = { $0.date }, overdue: Bool = true) -> [Item] {
            work.map { item in
                let raw = date(item)
                let shown = raw.map { $0.count == 10 ? formats.calendarDate($0, language) : formats.date($0, language) }
                return Item(href: Paths.case(item.caseId), title: item.title, status: messages["case_status_\(item.status)"] ?? "",
                            date: shown, overdue: overdue && (raw.map { $0.count == 10 && $0 < today } ?? false),
                            detail: messages["tier_\(item.detail)"] ?? item.detail)
            }
        }
        func section(_ heading: String, _ list: [Item], _ empty: String) -> Section {
            Section(heading: messages[heading] ?? "", items: list, empty: messages[empty] ?? "")
        }

        var sections: [Section] = []
        var declarationDue = false
        switch user.role {
        case .member, .expert:
            sections.append(section("home_reviews_due", items(try await home.reviewsDue(userId: user.id)), "home_reviews_none"))
            if let member = try await members.find(userId: user.id) {
                declarationDue = member.declarationDue(now: formats.clock.now, currentVersion: settings.current.declarationVersion)
            }
        case .submitter:
            sections.append(section("home_own_cases", items(try await home.ownCases(userId: user.id), overdue: false), "home_own_cases_none"))
            sections.append(section("home_conditions_owned", items(try await home.conditionsOwned(userId: user.id)), "home_conditions_none"))
        case .secretary, .admin:
            sections.append(section("home_triage", items(try await home.awaitingTriage(), overdue: false), "home_triage_none"))
            sections.append(section("home_late_reviews", items(try await home.lateReviews(today: today)), "home_late_reviews_none"))
            sections.append(section("home_overdue_conditions", items(try await home.overdueConditions(today: today)), "home_overdue_conditions_none"))
        }
        let page = Page(greeting: (messages["home_greeting"] ?? "").replacingOccurrences(of: "{name}", with: user.name),
                        roleSummary: messages["home_role_\(user.role.rawValue)"] ?? "",
                        isAdmin: Policy.decide(context.actor, .manageAccounts) == .allow,
                        declarationDue: declarationDue, profileHref: user.role.sitsOnCommittee ? Paths.member(user.id) : nil,
                        sections: sections,
                        newCase: Policy.decide(context.actor, .createCase) == .allow ? Paths.newCase : nil)
        return try await renderer.page("home/index", page, title: "home_title", context: context, path: Paths.home)
    }
}
