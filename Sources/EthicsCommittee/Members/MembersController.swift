import Foundation
import Hummingbird

/// The composition page and each member's profile page.
struct MembersController {
    let members: MemberStore
    let invitations: InvitationStore
    let settings: SettingsCache
    let renderer: Renderer
    let formats: Formats

    static let pageSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.members), use: composition)
        router.get(RouterPath(Paths.memberPattern), use: show)
    }

    func presenter(_ context: AppRequestContext) -> MemberPresenter {
        MemberPresenter(messages: Catalog.messages(context.language), formats: formats, language: context.language,
                        declarationVersion: settings.current.declarationVersion)
    }

    func composition(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewComposition)
        let full = Policy.decide(context.actor, .viewCompositionDetails) == .allow
        let present = presenter(context)
        let messages = present.messages
        let dates = Composition.Dates(now: formats.clock.now, today: formats.localISODate(), in90Days: formats.localISODate(daysFromNow: 90),
                                      declarationVersion: settings.current.declarationVersion)
        let figures = try await members.composition(page: RequestNumber.page(request.uri.queryParameters["page"]), size: Self.pageSize,
                                                    dates: dates)
        let seated = figures.seated
        func more(_ list: Composition.Bounded) -> String? {
            list.more > 0 ? messages.fill(.members_more, ["count": String(list.more)]) : nil
        }
        let canInvite = Policy.decide(context.actor, .manageInvitations) == .allow
        let now = Timestamp.string(formats.clock.now)
        // The roles whose invitations the reader may see, from the policy, filter in SQL before the list is cut.
        let pending = canInvite ? try await invitations.open(roles: Role.allCases.filter { Policy.decide(context.actor, .viewInvitation($0)) == .allow },
                                                             limit: Self.pageSize).rows.map { invitation in
            CompositionPage.PendingInvitation(
                href: Paths.invitation(invitation.id), email: invitation.email ?? "",
                role: messages[runtime: "role_\(invitation.role.rawValue)"] ?? "",
                expires: formats.dateTime(invitation.expiresAt, context.language),
                expired: invitation.state(at: now) == .expired)
        } : []
        let page = CompositionPage(
            full: full, seatedCount: figures.seatedCount,
            seatedLabel: Catalog.messages(context.language).fill(.members_seated, count: figures.seatedCount),
            externalShare: figures.externalShare, votingCount: figures.votingCount,
            votingLabel: Catalog.messages(context.language).fill(.members_voting, count: figures.votingCount), members: seated.rows.map(present.row),
            coverage: figures.coverage.map {
                CoverageRow(area: messages[runtime: "expertise_\($0.area.rawValue)"] ?? "", count: $0.count, empty: $0.count == 0)
            },
            uncovered: figures.uncovered.isEmpty ? nil : present.expertise(figures.uncovered),
            termsEndingSoon: full ? figures.termsEndingSoon.members.map(present.row) : [], termsEndingMore: more(figures.termsEndingSoon),
            declarationsDue: full ? figures.declarationsDue.members.map(present.row) : [], declarationsDueMore: more(figures.declarationsDue),
            former: full ? figures.former.members.map(present.row) : [], hasFormer: full && figures.former.total > 0,
            formerMore: more(figures.former),
            pageNumber: seated.number, pageCount: seated.pageCount, hasPages: seated.pageCount > 1,
            previous: seated.hasPrevious ? Paths.members + "?page=\(seated.number - 1)" : nil,
            next: seated.hasNext ? Paths.members + "?page=\(seated.number + 1)" : nil,
            canInvite: canInvite, newInvitation: Paths.newInvitation, invitations: pending, hasInvitations: !pending.isEmpty)
        return try await renderer.page("members/index", page, title: .members_title, context: context, path: Paths.members)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.viewComposition)
        let member = try await Self.target(context, members)
        return try await renderer.page("members/show", try await page(for: member, context: context), titleText: member.user.name,
                                       context: context, path: Paths.member(member.user.id))
    }

    /// The member whose id is in the path; only committee seats have a profile page.
    static func target(_ context: AppRequestContext, _ members: MemberStore) async throws -> Member {
        guard let id = context.parameters.get("id", as: Int64.self), let member = try await members.find(userId: id),
              member.user.role.sitsOnCommittee
        else { throw Refusal.notFound }
        return member
    }

    /// The profile page, shared with the edit controller when a form on it is re-rendered.
    func page(for member: Member, context: AppRequestContext, interestForm: InterestForm = InterestForm(),
              seatErrors: [String: String] = [:]) async throws -> MemberPage {
        let present = presenter(context)
        let id = member.user.id
        let showPrivate = Policy.decide(context.actor, .viewMemberPrivate(memberId: id)) == .allow
        let canEdit = Policy.decide(context.actor, .editMemberProfile(memberId: id)) == .allow
        let interests = showPrivate ? try await members.interests(userId: id) : []
        let seat = Policy.decide(context.actor, .manageSeats) == .allow ? SeatForm(
            action: Paths.memberSeat(id), external: member.external, voting: member.voting,
            termStart: member.termStart ?? "", termEnd: member.termEnd ?? "",
            positions: present.positionChoices(selected: member.position), errors: seatErrors) : nil
        let isSelf = context.session?.user.id == id
        var page = MemberPage(
            name: member.user.name, role: present.messages[runtime: "role_\(member.user.role.rawValue)"] ?? "",
            affiliation: member.affiliation, kind: present.kind(member), position: present.position(member.position),
            voting: member.voting, expertise: present.expertise(member.expertise),
            termStart: member.termStart.map { formats.calendarDate($0, context.language) },
            termEnd: member.termEnd.map { formats.calendarDate($0, context.language) }, active: member.user.active,
            showPrivate: showPrivate, email: showPrivate ? member.user.email : "",
            interests: interests.map { interest in
                InterestRow(organisation: interest.organisation, nature: interest.nature,
                            since: interest.since.map { formats.calendarDate($0, context.language) },
                            withdrawn: interest.withdrawnAt.map { formats.date($0, context.language) },
                            withdrawAction: canEdit && interest.withdrawnAt == nil ? Paths.memberInterestWithdraw(id, interest.id) : nil)
            },
            hasInterests: !interests.isEmpty,
            declarationSigned: showPrivate ? member.declarationSignedAt.map { formats.date($0, context.language) } : nil,
            declarationVersion: showPrivate ? member.declarationVersion : nil,
            declarationDue: showPrivate && member.declarationDue(now: formats.clock.now, currentVersion: settings.current.declarationVersion),
            isSelf: isSelf, canEditProfile: canEdit, profileHref: Paths.memberProfile(id),
            interestAction: canEdit ? Paths.memberInterests(id) : nil,
            declarationAction: isSelf ? Paths.memberDeclaration(id) : nil,
            declarationHTML: isSelf ? settings.declarationHTML : "", seat: seat)
        page.interestForm = interestForm
        return page
    }
}
