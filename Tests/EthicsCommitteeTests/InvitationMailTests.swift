import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

@Suite struct InvitationMailTests {
    @Test func anInvitationIsMailedInTheInviteesLanguageAndShownOnceWithACopyField() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let app = try await TestApp.make { config in
            config.smtp = SMTPSettings(host: "127.0.0.1", port: sink.port, from: "ethics@example.org", heloName: "ethics.test")
        }
        try await app.user("admin@example.org", role: .admin, name: "Claire Admin")
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            let form = try await admin.get("/invitations/new")
            #expect(form.body.contains("The invitation is e-mailed in this language."))
            let created = try await admin.post("/invitations", ["email": "marie@example.org", "name": "Marie Curie", "role": "expert",
                                                                 "days": "7", "message": "Bienvenue", "language": "fr"])
            let page = try await admin.get(try #require(created.location))
            // The link sits in a field to select, with a copy button the script reveals.
            #expect(page.body.contains("<input id=\"flash-link\" type=\"text\" readonly value=\"http"))
            #expect(page.body.contains("data-copy=\"flash-link\"") && page.body.contains("/js/copy.js"))
            let link = try #require(AccountTestSupport.path("/join/", in: page.body))
            let message = try #require(try await AccountTestSupport.mail(sink, count: 1).first)
            let text = AccountTestSupport.text(message)
            #expect(text.contains("Bonjour Marie Curie") && text.contains(link) && text.contains("Bienvenue"))
            #expect(message.data.contains("Subject: [AI Ethics Committee] Votre invitation"))

            // A second invitation to the pending address is refused, pointing to the pending one.
            let second = try await admin.post("/invitations", ["email": "marie@example.org", "name": "Marie Curie", "role": "expert",
                                                                "days": "7", "language": "fr"])
            #expect(second.status == .unprocessableContent)
            #expect(second.body.contains(created.location!))
        }
    }

    @Test func reinvitingADeactivatedPersonReactivatesTheSameAccount() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        try await app.services.users.deactivate(id: ada.id, by: .system("test"))
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            try await admin.get("/invitations/new")
            let created = try await admin.post("/invitations", ["email": "ada@example.org", "name": "Ada King", "role": "expert",
                                                                 "days": "7", "language": "en"])
            #expect(created.status == .seeOther)
            let page = try await admin.get(try #require(created.location))
            let link = try #require(AccountTestSupport.path("/join/", in: page.body))
            let invitee = Browser(client)
            try await invitee.get(link)
            let joined = try await invitee.post(link, ["name": "Ada King", "password": "a brand new passphrase",
                                                               "password_confirmation": "a brand new passphrase"])
            #expect(joined.status == .seeOther)
        }
        let back = try #require(try await app.services.users.find(email: "ada@example.org"))
        #expect(back.id == ada.id && back.active && back.role == .expert && back.name == "Ada King")
        // Her history stays attached to the same account.
        let entries = try await app.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE target_type = 'user' AND target_id = ?", arguments: [String(ada.id)])
        }
        #expect((entries ?? 0) >= 3)
        #expect(try app.auditActions().contains("account.reactivated"))
        // An active account still cannot be invited.
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            try await admin.get("/invitations/new")
            let refused = try await admin.post("/invitations", ["email": "ada@example.org", "name": "Ada", "role": "member", "days": "7"])
            #expect(refused.status == .unprocessableContent)
        }
    }
}
