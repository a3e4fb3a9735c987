import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

@Suite struct InvitationTests {
    /// The link shown to the admin in the flash after creating an invitation.
    func invitationLink(in page: String) throws -> String {
        let range = try #require(page.range(of: "/join/"))
        return String(page[range.lowerBound...].prefix { !$0.isWhitespace && $0 != "<" && $0 != "\"" })
    }

    @Test func firstAdminSetsUpThroughTheOneTimeLink() async throws {
        // Given a fresh install: no admin, a setup link
        let app = try await TestApp.make()
        let token = try await app.services.invitations.createSetup()
        try await app.test { client in
            let browser = Browser(client)
            let form = try await browser.get("/join/\(token)")
            #expect(form.status == .ok)
            #expect(form.body.contains("Set up the committee"))
            // When the first admin chooses e-mail, name and password
            let done = try await browser.post("/join/\(token)", [
                "email": "dpo@example.org", "name": "Claire Martin",
                "password": "a long admin passphrase", "password_confirmation": "a long admin passphrase",
            ])
            // Then they are signed in as admin, welcomed, and the link is spent
            #expect(done.status == .seeOther)
            let home = try await browser.get("/")
            #expect(home.body.contains("Welcome, Claire Martin"))
            #expect(home.body.contains("Your account is ready"))
            #expect(home.body.contains("Administrator"))
            let again = try await Browser(client).get("/join/\(token)")
            #expect(again.status == .gone)
        }
        await #expect(try app.services.users.hasActiveAdmin())
        #expect(try app.auditActions().contains("setup.completed"))
    }

    @Test func setupLinkExpiresAfterAnHour() async throws {
        let app = try await TestApp.make()
        let token = try await app.services.invitations.createSetup()
        app.clock.advance(3601)
        try await app.test { client in
            let page = try await Browser(client).get("/join/\(token)")
            #expect(page.status == .gone)
            #expect(page.body.contains("This link cannot be used"))
        }
    }

    @Test func setupLinkIsRefusedOnceAnAdminExists() async throws {
        let app = try await TestApp.make()
        let token = try await app.services.invitations.createSetup()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let page = try await Browser(client).get("/join/\(token)")
            #expect(page.status == .gone)
        }
    }

    @Test func adminInvitesAndTheInviteeJoinsWithTheGivenRole() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            // Given the admin creates an invitation for an external expert
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            try await admin.get("/invitations/new")
            let created = try await admin.post("/invitations", [
                "email": "prof@university.example", "name": "Prof. Alan Turing", "role": "expert",
                "days": "7", "message": "Welcome aboard",
            ])
            #expect(created.status == .seeOther)
            let shown = try await admin.get(try #require(created.location))
            #expect(shown.body.contains("Invitation created"))
            let link = try invitationLink(in: shown.body)
            // The link is shown once only
            #expect(!(try await admin.get(created.location!)).body.contains("/join/"))

            // When the expert opens it and sets a password
            let expert = Browser(client)
            let form = try await expert.get(link)
            #expect(form.body.contains("Join the committee"))
            #expect(form.body.contains("External expert"))
            #expect(form.body.contains("Welcome aboard"))
            let joined = try await expert.post(link, [
                "name": "Alan Turing", "password": "enigma machine 1940", "password_confirmation": "enigma machine 1940",
                "email": "someone-else@example.org",  // ignored: the invitation fixes the e-mail
            ])
            #expect(joined.status == .seeOther)
            // Then they are signed in with the role given, and first complete their profile and declaration
            let gated = try await expert.get("/")
            #expect(gated.location == "/welcome")
            try await expert.get("/welcome")
            try await expert.post("/welcome", ["affiliation": "University of Manchester", "expertise": "ai", "accept": "1"])
            let home = try await expert.get("/")
            #expect(home.body.contains("Welcome, Alan Turing"))
            #expect(home.body.contains("External expert"))
            try await expert.post("/logout")
            #expect(try await expert.signIn("prof@university.example", "enigma machine 1940").status == .seeOther)
            // And the link cannot be used twice
            #expect(try await Browser(client).get(link).status == .gone)
        }
        let user = try await #require(try app.services.users.credentials(email: "prof@university.example")?.0)
        #expect(user.role == .expert)
        let actions = try app.auditActions()
        #expect(actions.contains("account.invited") && actions.contains("account.invitation_accepted"))
    }

    @Test func expiredAndRevokedInvitationsCannotBeUsed() async throws {
        let app = try await TestApp.make()
        let admin = try await app.user("admin@example.org", role: .admin)
        let actor = AuditActor(id: admin.id, label: admin.email, client: "")
        let (_, expiring) = try await app.services.invitations.invite(email: "a@example.org", name: "A", role: .member,
                                                                 message: "", days: 1, by: actor)
        let (revoked, revokedToken) = try await app.services.invitations.invite(email: "b@example.org", name: "B", role: .member,
                                                                          message: "", days: 7, by: actor)
        try await app.test { client in
            let adminBrowser = Browser(client)
            try await adminBrowser.signIn("admin@example.org")
            try await adminBrowser.get("/invitations/\(revoked.id)")
            #expect(try await adminBrowser.post("/invitations/\(revoked.id)/revoke").status == .seeOther)
            #expect(try await Browser(client).get("/join/\(revokedToken)").status == .gone)

            app.clock.advance(86401)
            let visitor = Browser(client)
            #expect(try await visitor.get("/join/\(expiring)").status == .gone)
            // Posting to it directly is refused too, and creates nothing
            let post = try await visitor.post("/join/\(expiring)", ["name": "A", "password": "long enough pass",
                                                                    "password_confirmation": "long enough pass"])
            #expect(post.status == .gone)
        }
        await #expect(try app.services.users.emailTaken("a@example.org") == false)
        #expect(try app.auditActions().contains("account.invitation_revoked"))
    }

    @Test func joinFormValidatesAndKeepsValues() async throws {
        let app = try await TestApp.make()
        let token = try await app.services.invitations.createSetup()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.get("/join/\(token)")
            let page = try await browser.post("/join/\(token)", [
                "email": "not-an-email", "name": "Claire <b>Martin</b>",
                "password": "password", "password_confirmation": "password",
            ])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Enter an e-mail address such as name@example.org."))
            #expect(page.body.contains("This password is among the most common ones"))
            #expect(page.body.contains("value=\"not-an-email\""))
            // Values are kept, escaped
            #expect(page.body.contains("value=\"Claire &lt;b&gt;Martin&lt;/b&gt;\""))
            #expect(!page.body.contains("<b>Martin</b>"))
        }
    }

    @Test func inviteFormValidates() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            try await browser.get("/invitations/new")
            let page = try await browser.post("/invitations", ["email": "admin@example.org", "name": "", "role": "overlord", "days": "90"])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("This field is required."))
            #expect(page.body.contains("Choose one of the roles in the list."))
            #expect(page.body.contains("between 1 and 30"))
            let taken = try await browser.post("/invitations", ["email": "ADMIN@example.org", "name": "Dup", "role": "member", "days": "7"])
            #expect(taken.body.contains("An account already uses this e-mail address."))
        }
    }

    @Test func passwordRules() {
        #expect(PasswordProblem.check("short", confirmation: "short") == .tooShort)
        #expect(PasswordProblem.check(String(repeating: "é", count: 37), confirmation: String(repeating: "é", count: 37)) == .tooLong)
        #expect(PasswordProblem.check("Password123", confirmation: "Password123") == .tooCommon)
        #expect(PasswordProblem.check("azertyuiop", confirmation: "azertyuiop") == .tooCommon)
        #expect(PasswordProblem.check("a fine passphrase", confirmation: "a fine passphrase!") == .mismatch)
        #expect(PasswordProblem.check("a fine passphrase", confirmation: "a fine passphrase") == nil)
    }

    @Test func serverHashesWithCostTwelve() async throws {
        let hash = try await PasswordHasher().hash("a fine passphrase")
        #expect(hash.hasPrefix("$2b$12$"))
        #expect(try await PasswordHasher().verify("a fine passphrase", hash: hash))
    }
}
