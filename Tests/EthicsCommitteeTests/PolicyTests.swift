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
        let adminOnly: [Action] = [.manageAccounts, .manageSettings, .readAuditTrail]
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

    @Test(arguments: table)
    func decision(_ row: Row) {
        let actor = row.role.map { Actor(userId: 7, role: $0) }
        #expect(Policy.decide(actor, row.action) == row.expected)
    }

    @Test func navigationShowsOnlyWhatThePolicyAllows() {
        let member = Navigation.items(for: Actor(userId: 1, role: .member)).map(\.path)
        #expect(!member.contains(Paths.users))
        #expect(!member.contains(Paths.audit))
        let admin = Navigation.items(for: Actor(userId: 1, role: .admin)).map(\.path)
        #expect(admin.contains(Paths.users) && admin.contains(Paths.audit) && admin.contains(Paths.settings))
        #expect(Navigation.items(for: nil).isEmpty)
        let submitter = Navigation.items(for: Actor(userId: 1, role: .submitter)).map(\.path)
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
            for path in ["/admin/users", "/admin/users/\(admin.id)", "/admin/audit", "/admin/settings", "/admin/invitations/new"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.body.contains("Page not found"))
            }
            try await browser.get("/")
            #expect(try await browser.post("/admin/users/\(admin.id)/deactivate").status == .notFound)
            let invite = try await browser.post("/admin/invitations", ["email": "x@example.org", "name": "X", "role": "admin",
                                                                  "days": "7"])
            #expect(invite.status == .notFound)
        }
        await #expect(try app.services.users.find(id: admin.id)?.active == true)
    }
}
