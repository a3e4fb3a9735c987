import Testing
@testable import EthicsCommittee

/// The access policy as a table: role × action → decision.
@Suite struct PolicyTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let role: Role?
        let action: Action
        let expected: Decision
        var testDescription: String { "\(role?.rawValue ?? "visitor") \(action) → \(expected)" }
    }

    static let table: [Row] = {
        var rows: [Row] = []
        let adminOnly: [Action] = [.manageAccounts, .manageSettings, .readAuditTrail, .createResetLink, .resetSecondFactor]
        for action in adminOnly + [.useApp] {
            rows.append(Row(role: nil, action: action, expected: .signInRequired))
        }
        for role in Role.allCases {
            rows.append(Row(role: role, action: .useApp, expected: .allow))
            for action in adminOnly {
                rows.append(Row(role: role, action: action, expected: role == .admin ? .allow : .notFound))
            }
        }
        // Governance documents: everyone signed in reads; visitors only when public, else 404 (not a sign-in page)
        rows.append(Row(role: nil, action: .readCharter(isPublic: true), expected: .allow))
        rows.append(Row(role: nil, action: .readCharter(isPublic: false), expected: .notFound))
        for action in [Action.editCharterDraft, .publishCharter, .acknowledgeCharter, .viewAcknowledgements] {
            rows.append(Row(role: nil, action: action, expected: .signInRequired))
        }
        for role in Role.allCases {
            let editor = role == .admin || role == .secretary
            rows.append(Row(role: role, action: .readCharter(isPublic: false), expected: .allow))
            rows.append(Row(role: role, action: .readCharter(isPublic: true), expected: .allow))
            rows.append(Row(role: role, action: .editCharterDraft, expected: editor ? .allow : .notFound))
            rows.append(Row(role: role, action: .viewAcknowledgements, expected: editor ? .allow : .notFound))
            rows.append(Row(role: role, action: .publishCharter, expected: role == .admin ? .allow : .notFound))
            rows.append(Row(role: role, action: .acknowledgeCharter, expected: role == .submitter ? .notFound : .allow))
        }
        return rows
    }()

    /// Member-related actions: who may see and change what of whom (actor id 7; another member is 9).
    static let memberTable: [Row] = {
        var rows: [Row] = []
        func add(_ action: Action, _ allowed: [Role]) {
            rows.append(Row(role: nil, action: action, expected: .signInRequired))
            for role in Role.allCases { rows.append(Row(role: role, action: action, expected: allowed.contains(role) ? .allow : .notFound)) }
        }
        add(.viewComposition, [.admin, .secretary, .member, .expert])
        add(.viewCompositionDetails, [.admin, .secretary, .member])
        add(.viewMemberPrivate(memberId: 9), [.admin, .secretary, .member])
        add(.viewMemberPrivate(memberId: 7), Role.allCases)
        add(.editMemberProfile(memberId: 9), [.admin, .secretary])
        add(.editMemberProfile(memberId: 7), Role.allCases)
        add(.manageSeats, [.admin, .secretary])
        add(.manageInvitations, [.admin, .secretary])
        add(.invite(.admin), [.admin])
        add(.invite(.secretary), [.admin])
        add(.invite(.expert), [.admin, .secretary])
        add(.invite(.submitter), [.admin, .secretary])
        // An invitation's page and its revocation: whoever may invite that role (a secretary, not an admin's)
        for invited in Role.allCases {
            let staffRole = invited == .admin || invited == .secretary
            add(.viewInvitation(invited), staffRole ? [.admin] : [.admin, .secretary])
            add(.revokeInvitation(invited), staffRole ? [.admin] : [.admin, .secretary])
        }
        add(.signDeclaration(memberId: 7), [.member, .expert])
        add(.signDeclaration(memberId: 9), [])
        // Figures, exports and the annual report: staff and internal members only
        add(.viewFigures, [.admin, .secretary, .member])
        add(.exportCases, [.admin, .secretary, .member])
        add(.viewAnnualReport, [.admin, .secretary, .member])
        return rows
    }()

    /// Status-aware case actions (actor id 7 reviews the case; its submitter is 6): role × action × situation.
    static let caseActionTable: [Row] = {
        var rows: [Row] = []
        let open: Set<CaseStatus> = [.submitted, .inReview, .needsInfo, .decided]
        let beforeDecision: Set<CaseStatus> = [.submitted, .inReview, .needsInfo]
        for status in CaseStatus.allCases {
            let reviewed = CaseFacts(submitterId: 6, confidential: false, status: status, reviewers: [7])
            let recusedFacts = CaseFacts(submitterId: 6, confidential: false, status: status, recused: [7])
            for role in Role.allCases {
                // The discussion: the committee's side of the case, open until it is closed or withdrawn
                rows.append(Row(role: role, action: .comment(reviewed),
                                expected: role != .submitter && open.contains(status) ? .allow : .notFound))
                rows.append(Row(role: role, action: .comment(recusedFacts),
                                expected: [.admin, .secretary].contains(role) && open.contains(status) ? .allow : .notFound))
                // Recusal: a reviewer, before the decision
                rows.append(Row(role: role, action: .recuse(reviewed),
                                expected: role != .submitter && beforeDecision.contains(status) ? .allow : .notFound))
                rows.append(Row(role: role, action: .recuse(recusedFacts), expected: .notFound))
            }
        }
        // Condition owners: whoever may open the case
        let confidential = CaseFacts(submitterId: 6, confidential: true, status: .inReview, reviewers: [9])
        let reviewedConfidential = CaseFacts(submitterId: 6, confidential: true, status: .inReview, reviewers: [7])
        let ownConfidential = CaseFacts(submitterId: 7, confidential: true, status: .inReview)
        let openCase = CaseFacts(submitterId: 6, confidential: false, status: .inReview)
        for role in Role.allCases {
            let staff = role == .admin || role == .secretary
            rows.append(Row(role: role, action: .ownCondition(confidential), expected: staff ? .allow : .notFound))
            rows.append(Row(role: role, action: .ownCondition(reviewedConfidential), expected: role != .submitter ? .allow : .notFound))
            rows.append(Row(role: role, action: .ownCondition(ownConfidential), expected: staff || role == .submitter ? .allow : .notFound))
            rows.append(Row(role: role, action: .ownCondition(openCase), expected: staff || role == .member ? .allow : .notFound))
        }
        // Deciding from the case page: the staff, in review, never a high-risk case (decided in a meeting)
        for tier in RiskTier.allCases {
            for status in CaseStatus.allCases {
                let facts = CaseFacts(submitterId: 6, confidential: false, status: status, reviewers: [7], riskTier: tier)
                for role in Role.allCases {
                    let allowed = (role == .admin || role == .secretary) && status == .inReview && tier != .high
                    rows.append(Row(role: role, action: .openWrittenProcedure(facts), expected: allowed ? .allow : .notFound))
                }
            }
        }
        for action in [Action.comment(openCase), .recuse(openCase), .ownCondition(openCase), .openWrittenProcedure(openCase)] {
            rows.append(Row(role: nil, action: action, expected: .signInRequired))
        }
        return rows
    }()

    @Test(arguments: caseActionTable)
    func caseActionDecision(_ row: Row) {
        let actor = row.role.map { Requester(userId: 7, role: $0) }
        #expect(Policy.decide(actor, row.action) == row.expected)
    }

    @Test(arguments: memberTable)
    func memberDecision(_ row: Row) {
        let actor = row.role.map { Requester(userId: 7, role: $0) }
        #expect(Policy.decide(actor, row.action) == row.expected)
    }

    @Test(arguments: [Action.useApp, .viewComposition, .manageAccounts, .signDeclaration(memberId: 7)])
    func membersNotOnboardedAreSentToTheWelcomePage(_ action: Action) {
        for role in [Role.member, .expert] {
            #expect(Policy.decide(Requester(userId: 7, role: role, onboarded: false), action) == .onboardingRequired)
            #expect(Policy.decide(Requester(userId: 7, role: role, onboarded: false), .completeOnboarding) == .allow)
            #expect(Policy.decide(Requester(userId: 7, role: role), .completeOnboarding) == .notFound)
        }
        #expect(Policy.decide(Requester(userId: 7, role: .admin), .completeOnboarding) == .notFound)
    }

    @Test(arguments: table)
    func decision(_ row: Row) {
        let actor = row.role.map { Requester(userId: 7, role: $0) }
        #expect(Policy.decide(actor, row.action) == row.expected)
    }

    @Test func navigationShowsOnlyWhatThePolicyAllows() {
        let member = Navigation.items(for: Requester(userId: 1, role: .member)).map(\.path)
        #expect(!member.contains(Paths.users))
        #expect(!member.contains(Paths.audit))
        let admin = Navigation.items(for: Requester(userId: 1, role: .admin)).map(\.path)
        #expect(admin.contains(Paths.users) && admin.contains(Paths.audit) && admin.contains(Paths.settings))
        #expect(Navigation.items(for: nil).isEmpty)
        let submitter = Navigation.items(for: Requester(userId: 1, role: .submitter)).map(\.path)
        #expect(submitter.contains(Paths.charter))
    }
}

@Suite struct AdminPagesAccessTests {
    @Test(arguments: [Role.secretary, .member, .expert, .submitter])
    func nonAdminsGetNotFoundOnAdminPages(_ role: Role) async throws {
        let app = try await TestApp.make()
        let admin = try await app.user("admin@example.org", role: .admin)
        try await app.user("someone@example.org", role: role)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("someone@example.org")
            for path in ["/admin/users", "/admin/users/\(admin.id)", "/admin/audit", "/admin/settings"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.body.contains("Page not found"))
            }
            try await browser.get("/")
            #expect(try await browser.post("/admin/users/\(admin.id)/deactivate").status == .notFound)
            let invite = try await browser.post("/invitations", ["email": "x@example.org", "name": "X", "role": "admin",
                                                                  "days": "7"])
            // A secretary may invite, but not an administrator; the others may not invite at all.
            #expect(invite.status == (role == .secretary ? .unprocessableContent : .notFound))
        }
        await #expect(try app.services.users.find(id: admin.id)?.active == true)
    }
}
