import Foundation
import Hummingbird
import Testing
@testable import EthicsCommittee

@Suite struct MembersTests {
    @Test func newExpertCannotReachAnythingBeforeSigningTheDeclaration() async throws {
        // Given an expert who has just joined
        let app = try await TestApp.make()
        let expert = try await app.user("prof@uni.example", role: .expert, name: "Prof. Turing", onboarded: false)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("prof@uni.example")
            // Then every page sends them to the welcome page, and state changes are refused
            for path in ["/", "/members", "/members/\(expert.id)", "/account/password"] {
                let page = try await browser.get(path)
                #expect(page.status == .found, "\(path)")
                #expect(page.location == "/welcome", "\(path)")
            }
            let welcome = try await browser.get("/welcome")
            #expect(welcome.status == .ok)
            #expect(welcome.body.contains("I declare that I act on this committee independently"))
            #expect(try await browser.post("/members/\(expert.id)/interests", ["organisation": "X", "nature": "Y"]).location == "/welcome")
            // When the form lacks the signature, it is re-rendered with the values kept
            let unsigned = try await browser.post("/welcome", ["affiliation": "University of Manchester", "expertise": "ai"])
            #expect(unsigned.status == .unprocessableContent)
            #expect(unsigned.body.contains("Tick the box to sign the declaration."))
            #expect(unsigned.body.contains("value=\"University of Manchester\""))
            #expect(unsigned.body.contains("value=\"ai\" checked"))
            // When they complete it, they reach their home page
            let done = try await browser.post("/welcome", ["affiliation": "University of Manchester", "expertise": "ai", "accept": "1"])
            #expect(done.location == "/")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Your profile is complete"))
            // And the welcome page is gone for them
            #expect(try await browser.get("/welcome").status == .notFound)
        }
        let member = try #require(try await app.services.members.find(userId: expert.id))
        #expect(member.external)
        #expect(member.expertise == [.ai])
        #expect(member.declarationVersion == 1)
        #expect(try app.auditActions().contains("member.onboarded"))
    }

    @Test func adminsSecretariesAndSubmittersAreNotGated() async throws {
        let app = try await TestApp.make()
        for role in [Role.admin, .secretary, .submitter] {
            try await app.user("\(role.rawValue)@example.org", role: role)
        }
        try await app.test { client in
            for role in [Role.admin, .secretary, .submitter] {
                let browser = Browser(client)
                try await browser.signIn("\(role.rawValue)@example.org")
                #expect(try await browser.get("/").status == .ok)
            }
        }
    }

    @Test func expertSeesTheDirectoryButNotOthersInterestsOrEmail() async throws {
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace", affiliation: "Data Office")
        try await app.services.members.addInterest(userId: ada.id, organisation: "ChatVendor Inc", nature: "Shareholder",
                                                   since: "2024-01-01", by: .system())
        let expert = try await app.user("prof@uni.example", role: .expert, name: "Prof. Turing")
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("prof@uni.example")
            let directory = try await browser.get("/members")
            #expect(directory.status == .ok)
            #expect(directory.body.contains("Ada Lovelace") && directory.body.contains("Data Office"))
            #expect(!directory.body.contains("ada@example.org"))
            #expect(!directory.body.contains("Declarations due"))
            let profile = try await browser.get("/members/\(ada.id)")
            #expect(profile.status == .ok)
            #expect(profile.body.contains("Ada Lovelace"))
            #expect(!profile.body.contains("ChatVendor"))
            #expect(!profile.body.contains("ada@example.org"))
            // Nor can they change someone else's interests
            #expect(try await browser.post("/members/\(ada.id)/interests", ["organisation": "X", "nature": "Y"]).status == .notFound)
            // Their own profile shows their private part
            let own = try await browser.get("/members/\(expert.id)")
            #expect(own.body.contains("prof@uni.example"))
            #expect(own.body.contains("Sign the declaration"))
        }
    }

    @Test(arguments: [Role.admin, .secretary, .member])
    func committeeSeesInterestsAndContactDetails(_ role: Role) async throws {
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        try await app.services.members.addInterest(userId: ada.id, organisation: "ChatVendor Inc", nature: "Shareholder",
                                                   since: nil, by: .system())
        try await app.user("viewer@example.org", role: role)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("viewer@example.org")
            let profile = try await browser.get("/members/\(ada.id)")
            #expect(profile.body.contains("ChatVendor Inc"))
            #expect(profile.body.contains("ada@example.org"))
            #expect(try await browser.get("/members").body.contains("Declarations due"))
        }
    }

    @Test func submittersDoNotSeeTheCommittee() async throws {
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.user("owner@example.org", role: .submitter)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("owner@example.org")
            #expect(try await browser.get("/members").status == .notFound)
            #expect(try await browser.get("/members/\(ada.id)").status == .notFound)
        }
    }

    @Test func membersDeclareAndWithdrawInterests() async throws {
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member)
        let other = try await app.user("bob@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            try await browser.get("/members/\(ada.id)")
            let invalid = try await browser.post("/members/\(ada.id)/interests", ["organisation": "ChatVendor", "nature": "", "since": "2024-02-30"])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.body.contains("This field is required."))
            #expect(invalid.body.contains("Enter a date such as 2026-11-24."))
            #expect(invalid.body.contains("value=\"ChatVendor\""))
            let added = try await browser.post("/members/\(ada.id)/interests", ["organisation": "ChatVendor", "nature": "Adviser", "since": "2023-05-01"])
            #expect(added.status == .seeOther)
            let interest = try #require(try await app.services.members.interests(userId: ada.id).first)
            // A member cannot touch another member's interests
            #expect(try await browser.post("/members/\(other.id)/interests/\(interest.id)/withdraw").status == .notFound)
            #expect(try await browser.post("/members/\(ada.id)/interests/\(interest.id)/withdraw").status == .seeOther)
            let page = try await browser.get("/members/\(ada.id)")
            #expect(page.body.contains("Withdrawn on"))
        }
        let interests = try await app.services.members.interests(userId: ada.id)
        #expect(interests.count == 1 && interests[0].withdrawnAt != nil)
        let actions = try app.auditActions()
        #expect(actions.contains("member.interest_declared") && actions.contains("member.interest_withdrawn"))
    }

    @Test func secretarySetsTheSeatAndOnlyOneChairExists() async throws {
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        let bob = try await app.user("bob@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            try await browser.get("/members/\(ada.id)")
            let chair = try await browser.post("/members/\(ada.id)/seat", ["position": "chair", "voting": "1",
                                                                         "term_start": "2026-01-01", "term_end": "2027-01-15"])
            #expect(chair.status == .seeOther)
            let taken = try await browser.post("/members/\(bob.id)/seat", ["position": "chair", "voting": "1"])
            #expect(taken.status == .unprocessableContent)
            #expect(taken.body.contains("Ada Lovelace already holds this position."))
            let backwards = try await browser.post("/members/\(bob.id)/seat", ["position": "none", "term_start": "2027-01-01", "term_end": "2026-01-01"])
            #expect(backwards.body.contains("The term cannot end before it starts."))
            #expect(backwards.body.contains("value=\"2027-01-01\""))
        }
        let member = try #require(try await app.services.members.find(userId: ada.id))
        #expect(member.position == .chair && member.termEnd == "2027-01-15")
        #expect(try app.auditActions().contains("member.seat_updated"))
    }

    @Test func membersCannotChangeSeats() async throws {
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            try await browser.get("/")
            #expect(try await browser.post("/members/\(ada.id)/seat", ["position": "chair"]).status == .notFound)
        }
        #expect(try await app.services.members.find(userId: ada.id)?.position == Position.none)
    }

    @Test func compositionShowsCoverageExternalShareAndTermsEnding() async throws {
        // Given three members, two of them external, with a term ending soon
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace", expertise: [.data, .law])
        try await app.user("prof@uni.example", role: .expert, name: "Prof. Turing", expertise: [.ai])
        try await app.user("phil@uni.example", role: .expert, name: "Phil Osopher", expertise: [.ethics])
        let soon = app.services.formats.localISODate(daysFromNow: 30)
        try await app.services.members.saveSeat(userId: ada.id, external: false, position: .none, voting: true,
                                                termStart: nil, termEnd: soon, by: .system())
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let page = try await browser.get("/members")
            #expect(page.body.contains("67%") && !page.body.contains("67 %"))  // the reader's percent (NumberText.percent)
            // Nobody covers customer relations or security
            #expect(page.body.contains("Nobody covers: Customer relations, Security"))
            #expect(page.body.contains("Terms ending in the next 90 days"))
            let endingSection = page.body.components(separatedBy: "Terms ending in the next 90 days")[1]
                .components(separatedBy: "</section>")[0]
            #expect(endingSection.contains("Ada Lovelace"))
            #expect(!endingSection.contains("Turing"))
        }
    }

    @Test func compositionFiguresOnAKnownSetAgreeWithTheMembersOwnRules() async throws {
        // Given four committee accounts: two external experts (one not voting, one signed over a year ago),
        // an internal member who never signed, and a former member
        let app = try await TestApp.make()
        let sys = AuditActor.system("test")
        let one = try await app.user("one@x.org", role: .expert, name: "M1", expertise: [.ai, .data])
        let two = try await app.user("two@x.org", role: .expert, name: "M2", expertise: [.law])
        app.clock.advance(200 * 86400)
        let three = try await app.user("three@x.org", role: .member, name: "M3", onboarded: false)
        try await app.services.members.saveOwnProfile(userId: three.id, affiliation: "Acme", expertise: [.ethics], by: sys)
        let four = try await app.user("four@x.org", role: .member, name: "M4", expertise: [.security, .customerRelations])
        try await app.services.users.deactivate(id: four.id, by: sys)
        try await app.services.members.signDeclaration(userId: one.id, text: "text", version: 1, by: sys)
        try await app.services.members.saveSeat(userId: one.id, external: true, position: .none, voting: true, termStart: nil,
                                                termEnd: app.services.formats.localISODate(daysFromNow: 30), by: sys)
        try await app.services.members.saveSeat(userId: two.id, external: true, position: .none, voting: false, termStart: nil,
                                                termEnd: app.services.formats.localISODate(daysFromNow: 200), by: sys)
        app.clock.advance(200 * 86400)
        let today = app.services.formats.localISODate(), in90 = app.services.formats.localISODate(daysFromNow: 90)
        let dates = Composition.Dates(now: app.clock.now, today: today, in90Days: in90, declarationVersion: 1)
        // When the page's figures are counted in SQL
        let c = try await app.services.members.composition(page: 1, size: 2, dates: dates, listLimit: 1)
        // Then they are what the members' own rules say
        #expect(c.seated.total == 3 && c.seated.rows.map(\.user.id) == [one.id, two.id] && c.seated.pageCount == 2)
        #expect(c.externalShare == 67)
        #expect(c.votingCount == 2)
        #expect(c.uncovered == [.customerRelations, .security])
        #expect(c.former.members.map(\.user.id) == [four.id] && c.former.more == 0)
        let members = [one, two, three].compactMap { $0 }
        var found: [Member] = []
        for user in members { found.append(try #require(try await app.services.members.find(userId: user.id))) }
        let ending = found.filter { $0.termEnds(from: today, through: in90) }.map(\.user.id)
        #expect(c.termsEndingSoon.total == ending.count && c.termsEndingSoon.members.map(\.user.id) == Array(ending.prefix(1)))
        // Two signed over a year ago, three never signed; one signed 200 days ago is not due
        let due = found.filter { $0.declarationDue(now: app.clock.now, currentVersion: 1) }.map(\.user.id)
        #expect(due == [two.id, three.id])
        #expect(c.declarationsDue.total == 2 && c.declarationsDue.members.map(\.user.id) == [two.id] && c.declarationsDue.more == 1)
        // A new declaration text makes every one due, in SQL as in Swift
        let v2 = try await app.services.members.composition(page: 1, size: 50, dates: Composition.Dates(
            now: app.clock.now, today: today, in90Days: in90, declarationVersion: 2))
        #expect(v2.declarationsDue.total == found.filter { $0.declarationDue(now: app.clock.now, currentVersion: 2) }.count)
        #expect(v2.declarationsDue.total == 3)
        // Page 2 of the seated, and a page past the end shows the last
        #expect(try await app.services.members.composition(page: 9, size: 2, dates: dates).seated.rows.map(\.user.id) == [three.id])
    }

    @Test func changingTheDeclarationTextMakesEveryDeclarationDue() async throws {
        let app = try await TestApp.make()
        let admin = try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member)
        var settings = app.services.settings.current
        settings.declarationText = "A new text."
        try await app.services.settings.save(settings, by: AuditActor(id: admin.id, label: admin.email, client: ""))
        let member = try #require(try await app.services.members.find(userId: ada.id))
        #expect(member.declarationDue(now: app.clock.now, currentVersion: app.services.settings.current.declarationVersion))
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            try await browser.get("/members/\(ada.id)")
            let unticked = try await browser.post("/members/\(ada.id)/declaration")
            #expect(unticked.status == .unprocessableContent)
            #expect(try await browser.post("/members/\(ada.id)/declaration", ["accept": "1"]).status == .seeOther)
        }
        let signed = try #require(try await app.services.members.find(userId: ada.id))
        #expect(signed.declarationVersion == 2)
        #expect(!signed.declarationDue(now: app.clock.now, currentVersion: 2))
    }

    @Test func declarationsAreDueAgainAfterTwelveMonths() async throws {
        let app = try await TestApp.make()
        let ada = try await app.user("ada@example.org", role: .member)
        app.clock.advance(366 * 86400)
        let member = try #require(try await app.services.members.find(userId: ada.id))
        #expect(member.declarationDue(now: app.clock.now, currentVersion: 1))
    }

    @Test func deactivationKeepsTheMembersHistoryUnderTheirName() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        try await app.services.members.addInterest(userId: ada.id, organisation: "ChatVendor Inc", nature: "Adviser", since: nil, by: .system())
        try await app.services.users.deactivate(id: ada.id, by: .system())
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            let composition = try await browser.get("/members")
            let former = composition.body.components(separatedBy: "Former members")
            #expect(former.count == 2 && former[1].contains("Ada Lovelace"))
            let profile = try await browser.get("/members/\(ada.id)")
            #expect(profile.status == .ok)
            #expect(profile.body.contains("Former member"))
            #expect(profile.body.contains("ChatVendor Inc"))
            #expect(try await Browser(client).signIn("ada@example.org").status == .unprocessableContent)
        }
    }

    @Test func secretaryInvitesAnExpertButNotAnAdmin() async throws {
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let form = try await browser.get("/invitations/new")
            #expect(form.status == .ok)
            #expect(!form.body.contains("value=\"admin\""))
            #expect(!form.body.contains("value=\"secretary\""))
            let created = try await browser.post("/invitations", ["email": "prof@uni.example", "name": "Prof", "role": "expert", "days": "3",
                                                                  "message": "Bienvenue"])
            #expect(created.status == .seeOther)
            let page = try await browser.get(created.location!)
            #expect(page.body.contains("/join/"))
            // Re-sending revokes the old link and shows a new one
            let id = try #require(created.location?.split(separator: "/").last.flatMap { Int64($0) })
            let resent = try await browser.post("/invitations/\(id)/resend")
            #expect(resent.status == .seeOther && resent.location != created.location)
            #expect(try await browser.get(resent.location!).body.contains("/join/"))
            let composition = try await browser.get("/members")
            #expect(composition.body.contains("prof@uni.example"))
        }
        let invitations = try await app.services.invitations.open()
        #expect(invitations.count == 1)
        #expect(try app.auditActions().filter { $0 == "account.invited" }.count == 2)
    }

    @Test func aChairsTitleFollowsTheFormSheChose() async throws {
        let app = try await TestApp.make()
        let helene = try await app.user("helene@univ.example", role: .expert, name: "Hélène Marchand")
        try await app.services.members.saveSeat(userId: helene.id, external: true, position: .chair, voting: true, termStart: nil,
                                                termEnd: nil, by: .system("test"))
        try await app.services.users.setLanguage(id: helene.id, to: .fr, by: .system("test"))
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("helene@univ.example")
            // Neutral until she chooses: the function's name
            #expect(try await browser.get("/members").body.contains("Présidence"))
            let form = try await browser.get("/members/\(helene.id)/profile")
            #expect(form.body.contains("name=\"title_form\""))
            // A form not in the list is refused, with what she typed kept
            let refused = try await browser.post("/members/\(helene.id)/profile",
                                                 ["affiliation": "Université de Lyon", "expertise": "ethics", "title_form": "royal"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("value=\"Université de Lyon\""))
            #expect(try await browser.post("/members/\(helene.id)/profile",
                                           ["affiliation": "Université de Lyon", "expertise": "ethics", "title_form": "feminine"]).status == .seeOther)
            let list = try await browser.get("/members")
            #expect(list.body.contains("Présidente") && !list.body.contains(">Président<"))
        }
        #expect(try await app.services.members.find(userId: helene.id)?.titleForm == .feminine)
        #expect(try app.auditActions().last == "member.profile_updated")
    }
}
