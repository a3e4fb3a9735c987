import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

/// Steps the charter router tests share.
enum CharterSteps {
    /// A hidden field's value in a page (the draft's revision).
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Opens the draft page, saves `text` from it, and returns the page the redirect leads to.
    @discardableResult
    static func saveDraft(_ browser: Browser, _ text: String, kind: String = "charter") async throws -> Browser.Page {
        let page = try await browser.get("/documents/\(kind)/draft")
        let revision = try #require(hidden("revision", in: page.body))
        let saved = try await browser.post("/documents/\(kind)/draft", ["markdown": text, "revision": revision])
        #expect(saved.status == .seeOther, "\(saved.body)")
        return try await browser.get(try #require(saved.location))
    }

    /// Publishes the saved draft from the draft page.
    @discardableResult
    static func publish(_ browser: Browser, note: String = "A change", change: String = "substantive",
                        kind: String = "charter") async throws -> Browser.Page {
        let page = try await browser.get("/documents/\(kind)/draft")
        let revision = try #require(hidden("revision", in: page.body))
        return try await browser.post("/documents/\(kind)/publish", ["change_note": note, "change_kind": change, "revision": revision, "confirm": "1"])
    }

    static func signedIn(_ client: any TestClientProtocol, _ email: String) async throws -> Browser {
        let browser = Browser(client)
        try await browser.signIn(email)
        try await browser.get("/")
        return browser
    }
}

/// Governance documents through the router: publishing, reading, the public switch, acknowledgement, access.
@Suite struct CharterPagesTests {
    @Test func theJourneyFromDraftToAcknowledgement() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.user("mia@example.org", role: .member, name: "Mia")
        try await app.test { client in
            // Given the admin writes a draft: saving shows the rendered preview
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            let draft = try await CharterSteps.saveDraft(admin, "# Our charter\n\nWe respect **people**.\r\nWe keep logs for 5 years.\n")
            #expect(draft.body.contains("The draft has been saved."))
            #expect(draft.body.contains("<h1>Our charter</h1>"))
            #expect(draft.body.contains("<strong>people</strong>"))
            #expect(draft.body.contains("The first version is substantive"))
            // When they publish version 1
            let published = try await CharterSteps.publish(admin, note: "First charter")
            #expect(published.status == .seeOther && published.location == "/charter")
            let v1 = try await admin.get("/charter")
            #expect(v1.body.contains("Version 1 has been published."))
            #expect(v1.body.contains("Version 1</strong>") && v1.body.contains("<h1>Our charter</h1>"))

            // Then a member sees the banner on every page, until they acknowledge
            let member = try await CharterSteps.signedIn(client, "mia@example.org")
            #expect(try await member.get("/").body.contains("AI ethics charter: version 1 is waiting for your acknowledgement."))
            #expect(try await member.get("/account/password").body.contains("class=\"reminder\""))
            let read = try await member.get("/charter")
            #expect(read.body.contains("I have read and accept version 1"))
            #expect(!read.body.contains("Edit the draft"))
            let ack = try await member.post("/documents/charter/acknowledge", ["number": "1"])
            #expect(ack.status == .seeOther)
            let after = try await member.get("/charter")
            #expect(after.body.contains("your acknowledgement has been recorded"))
            #expect(after.body.contains("You acknowledged version 1"))
            #expect(!after.body.contains("class=\"reminder\""))

            // When the admin edits and publishes an editorial version 2: no banner
            try await CharterSteps.saveDraft(admin, "# Our charter\n\nWe respect **people**.\nWe keep logs for 5 years.\n\nSigned.\n")
            #expect(try await CharterSteps.publish(admin, note: "Signature", change: "editorial").status == .seeOther)
            #expect(!(try await member.get("/").body.contains("class=\"reminder\"")))
            #expect(try await member.get("/charter").body.contains("It covers the current version"))
            // When a substantive version 3 follows: the banner is back
            try await CharterSteps.saveDraft(admin, "# Our charter\n\nWe respect **all people**.\nWe keep logs for 2 years.\n\nSigned.\n")
            #expect(try await CharterSteps.publish(admin, note: "Shorter retention").status == .seeOther)
            #expect(try await member.get("/").body.contains("version 3 is waiting for your acknowledgement"))
            // An acknowledgement of a version that is no longer current is refused, clearly
            let stale = try await member.post("/documents/charter/acknowledge", ["number": "2"])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("A newer version was published"))

            // The diff between versions 2 and 3 shows exactly what changed
            let diff = try await member.get("/documents/charter/diff?from=2&to=3")
            #expect(diff.status == .ok)
            #expect(diff.body.contains("Changes from version 2 to version 3"))
            #expect(diff.body.contains("<del>5</del>") && diff.body.contains("<ins>2</ins>"))
            #expect(diff.body.contains("<ins>all </ins>") || diff.body.contains("<ins> all</ins>"))
            #expect(diff.body.contains("2 lines changed"))
            let inline = try await member.get("/documents/charter/diff?from=2&to=3&view=inline")
            #expect(inline.body.contains("<del>5</del><ins>2</ins>"))
            #expect(inline.body.contains("class=\"diff inline\""))
            // The history lists the three versions with their notes and kinds
            let history = try await member.get("/documents/charter/history")
            #expect(history.body.contains("Shorter retention") && history.body.contains("Signature") && history.body.contains("First charter"))
            #expect(history.body.contains("Editorial change"))
            // An older version says so and links the current one
            let old = try await member.get("/documents/charter/versions/1")
            #expect(old.body.contains("This is an earlier version. The current version is version 3."))
            #expect(try await member.get("/documents/charter/versions/9").status == .notFound)
        }
    }

    @Test func thePrintViewIsAStandalonePage() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            try await CharterSteps.saveDraft(admin, "# Charter\n\nText.")
            try await CharterSteps.publish(admin)
            let print = try await admin.get("/documents/charter/versions/1/print")
            #expect(print.status == .ok)
            #expect(print.headers[.contentType] == "text/html; charset=utf-8")
            #expect(print.headers[.contentSecurityPolicy] != nil)
            #expect(print.body.contains("href=\"/css/print.css\""))
            #expect(!print.body.contains("/css/app.css") && !print.body.contains("aria-label=\"Main\""))
            #expect(print.body.contains("AI ethics charter") && print.body.contains("Version 1 · Published on"))
            #expect(print.body.contains("<h1>Charter</h1>"))
            let css = try await admin.get("/css/print.css")
            #expect(css.status == .ok && css.body.contains("size: A4"))
        }
    }

    @Test func thePublicSwitch() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            try await CharterSteps.saveDraft(admin, "# Charter\n\nPublic text.")
            try await CharterSteps.publish(admin, note: "First")
            try await CharterSteps.saveDraft(admin, "# Charter\n\nPublic text, amended.")
            try await CharterSteps.publish(admin, note: "Second")
            let visitor = Browser(client)
            // Given the setting off (the default): visitors get 404 everywhere
            for path in ["/charter", "/documents/charter", "/documents/charter/versions/1", "/documents/charter/history",
                         "/documents/charter/versions/1/print", "/documents/charter/diff?from=1&to=2"] {
                #expect(try await visitor.get(path).status == .notFound, "\(path)")
            }
            // When the admin ticks the box
            try await admin.get("/admin/settings")
            let saved = try await admin.post("/admin/settings", ["committee_name": "AI Ethics Committee", "default_language": "en", "quorum_rule": "majority", "declaration_text": "I am independent.",
                                                                  "time_zone": "Europe/Paris", "charter_public": "1"])
            #expect(saved.status == .seeOther)
            #expect(try await admin.get("/admin/settings").body.contains("name=\"charter_public\" type=\"checkbox\" value=\"1\" checked"))
            // Then visitors read the current version, with its number and date, and the older one linked
            let page = try await visitor.get("/charter")
            #expect(page.status == .ok)
            #expect(page.body.contains("Public text, amended.") && page.body.contains("Version 2</strong>"))
            #expect(page.body.contains("href=\"/documents/charter/versions/1\""))
            #expect(!page.body.contains("Published by") && !page.body.contains("I have read and accept"))
            #expect(try await visitor.get("/documents/charter/versions/1").status == .ok)
            #expect(try await visitor.get("/documents/charter/versions/1/print").status == .ok)
            // …but nothing else: the draft, the rules of procedure, acknowledging
            #expect(try await visitor.get("/documents/charter/draft").status == .found)
            #expect(try await visitor.get("/documents/rules").status == .notFound)
            #expect(try await visitor.get("/documents/charter/acknowledgements").status == .found)
            // When the box is unticked again: 404
            try await admin.post("/admin/settings", ["committee_name": "AI Ethics Committee", "default_language": "en", "quorum_rule": "majority", "declaration_text": "I am independent.",
                                                     "time_zone": "Europe/Paris"])
            #expect(try await visitor.get("/charter").status == .notFound)
        }
        #expect(try app.auditActions().filter { $0 == "settings.updated" }.count == 2)
    }

    @Test func whoMayDoWhat() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.user("sec@example.org", role: .secretary)
        try await app.user("mia@example.org", role: .member)
        try await app.user("sam@example.org", role: .submitter)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            try await CharterSteps.saveDraft(admin, "Charter text")
            // A member cannot see or change the draft, nor the list of acknowledgements
            let member = try await CharterSteps.signedIn(client, "mia@example.org")
            #expect(try await member.get("/documents/charter/draft").status == .notFound)
            #expect(try await member.post("/documents/charter/draft", ["markdown": "x", "revision": "1"]).status == .notFound)
            #expect(try await member.post("/documents/charter/publish", ["change_note": "x", "change_kind": "substantive",
                                                                          "revision": "1"]).status == .notFound)
            #expect(try await member.get("/documents/charter/acknowledgements").status == .notFound)
            // The secretary edits the draft but cannot publish it
            let secretary = try await CharterSteps.signedIn(client, "sec@example.org")
            let draft = try await CharterSteps.saveDraft(secretary, "Charter text, by the secretary")
            #expect(draft.body.contains("Only an administrator can publish"))
            #expect(!draft.body.contains("/documents/charter/publish"))
            #expect(try await CharterSteps.publish(secretary).status == .notFound)
            #expect(try await app.services.charter.versions(documentId: 1).isEmpty)
            try await CharterSteps.publish(admin)
            #expect(try await secretary.get("/documents/charter/acknowledgements").status == .ok)
            // A project owner reads the charter but has nothing to acknowledge
            let owner = try await CharterSteps.signedIn(client, "sam@example.org")
            let read = try await owner.get("/charter")
            #expect(read.status == .ok && read.body.contains("Charter text, by the secretary"))
            #expect(!read.body.contains("I have read and accept") && !read.body.contains("class=\"reminder\""))
            #expect(try await owner.post("/documents/charter/acknowledge", ["number": "1"]).status == .notFound)
            // Unknown kinds do not exist
            #expect(try await admin.get("/documents/bylaws").status == .notFound)
        }
    }

    @Test func theAcknowledgementListShowsWhoIsBehind() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin, name: "Ada")
        try await app.user("mia@example.org", role: .member, name: "Mia")
        try await app.user("eli@example.org", role: .expert, name: "Eli")
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            try await CharterSteps.saveDraft(admin, "Text")
            try await CharterSteps.publish(admin)
            let member = try await CharterSteps.signedIn(client, "mia@example.org")
            try await member.post("/documents/charter/acknowledge", ["number": "1"])
            let list = try await admin.get("/documents/charter/acknowledgements")
            #expect(list.body.contains("Not yet acknowledged (2)") && list.body.contains("Acknowledged (1)"))
            let pending = try #require(list.body.components(separatedBy: "Acknowledged (1)").first)
            #expect(pending.contains("Ada") && pending.contains("Eli") && !pending.contains("Mia"))
        }
        // Each step is in the audit trail, in order
        #expect(try app.auditActions().filter { $0.hasPrefix("charter.") } == ["charter.draft_saved", "charter.published", "charter.acknowledged"])
    }

    @Test func theRulesOfProcedureFollowTheSameMechanism() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            try await CharterSteps.saveDraft(admin, "# Rules\n\nQuorum is half.", kind: "rules")
            #expect(try await CharterSteps.publish(admin, kind: "rules").location == "/documents/rules")
            let page = try await admin.get("/documents/rules")
            #expect(page.body.contains("Rules of procedure") && page.body.contains("Quorum is half."))
            #expect(page.body.contains("Rules of procedure: version 1 is waiting for your acknowledgement."))
            #expect(try await admin.get("/charter").body.contains("No version has been published yet."))
        }
    }

    @Test func pagesRenderInFrench() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            try await admin.post("/language", ["language": "fr", "next": "/"])
            try await CharterSteps.saveDraft(admin, "Texte")
            try await CharterSteps.publish(admin)
            let page = try await admin.get("/charter")
            #expect(page.body.contains("Charte éthique de l’IA"))
            #expect(page.body.contains("J’ai lu et j’accepte la version 1"))
            #expect(try await admin.get("/documents/charter/history").body.contains("Historique"))
            #expect(try await admin.get("/documents/charter/draft").body.contains("Brouillon de travail"))
        }
    }
}
