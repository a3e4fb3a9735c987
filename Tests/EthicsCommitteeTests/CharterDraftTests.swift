import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

/// The working draft through the router: hostile Markdown, concurrent edits, the size cap, publishing's checks.
@Suite struct CharterDraftTests {
    @Test func hostileMarkdownInADraftIsRenderedHarmless() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        let hostile = """
            # Charter
            <script>alert('draft')</script>
            <img src=x onerror="alert(1)">
            [click](javascript:alert(2)) and <a href="https://x" onclick="alert(3)">x</a>
            """
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            let draft = try await CharterSteps.saveDraft(admin, hostile)
            // The preview drops raw HTML and dangerous links; the text area shows the source escaped
            #expect(!draft.body.contains("<script>alert"))
            #expect(!draft.body.contains("<img src=x"))
            #expect(!draft.body.contains("href=\"javascript"))
            #expect(draft.body.contains("&lt;script&gt;alert(&#39;draft&#39;)&lt;/script&gt;") || draft.body.contains("&lt;script&gt;alert("))
            try await CharterSteps.publish(admin)
            let version = try await admin.get("/charter")
            for needle in ["<script>alert", "onerror=", "onclick=", "href=\"javascript"] {
                #expect(!version.body.contains(needle), "\(needle)")
            }
        }
        let html = try await app.database.writer.read { db in try String.fetchOne(db, sql: "SELECT html FROM governance_versions") }
        #expect(html?.contains("<script") == false)
    }

    @Test func aConcurrentEditIsRefusedNotLost() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin, name: "Ada")
        try await app.user("sec@example.org", role: .secretary, name: "Sam")
        try await app.test { client in
            // Given the admin and the secretary open the same draft
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            let secretary = try await CharterSteps.signedIn(client, "sec@example.org")
            let seen = try #require(CharterSteps.hidden("revision", in: try await secretary.get("/documents/charter/draft").body))
            // When the admin saves first, then the secretary saves from the page they opened before
            try await CharterSteps.saveDraft(admin, "Ada's text")
            let refused = try await secretary.post("/documents/charter/draft", ["markdown": "Sam's text", "revision": seen])
            // Then the secretary's save is refused with a clear message, their text kept in the form
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Ada saved this draft on"))
            #expect(refused.body.contains(">\nSam&#39;s text</textarea>") || refused.body.contains(">\nSam's text</textarea>"))
            #expect(refused.body.contains("<p>Ada’s text</p>") || refused.body.contains("<p>Ada's text</p>"))
            #expect(try await app.services.charter.document(kind: "charter")?.draft == "Ada's text")
            // And saving again from that page, after merging, goes through
            let merged = try await secretary.post("/documents/charter/draft", ["markdown": "Ada's and Sam's text",
                                                                               "revision": try #require(CharterSteps.hidden("revision", in: refused.body))])
            #expect(merged.status == .seeOther)
            #expect(try await app.services.charter.document(kind: "charter")?.draft == "Ada's and Sam's text")
        }
    }

    @Test func theSizeCapIsExplained() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            let page = try await admin.get("/documents/charter/draft")
            let big = String(repeating: "word ", count: 60_000)  // 300,000 bytes
            let refused = try await admin.post("/documents/charter/draft", ["markdown": big, "revision": CharterSteps.hidden("revision", in: page.body)!])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("The text is 293 KB; the limit is 256 KB."))
            #expect(refused.body.contains("aria-invalid=\"true\""))
        }
        #expect(try await app.services.charter.document(kind: "charter")?.draft == "")
    }

    @Test func publishingValidatesItsForm() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            #expect(try await CharterSteps.publish(admin).body.contains("The draft is empty"))
            try await CharterSteps.saveDraft(admin, "One")
            let noNote = try await CharterSteps.publish(admin, note: "")
            #expect(noNote.status == .unprocessableContent && noNote.body.contains("This field is required."))
            try await CharterSteps.publish(admin)
            try await CharterSteps.saveDraft(admin, "Two")
            let noKind = try await CharterSteps.publish(admin, change: "")
            #expect(noKind.status == .unprocessableContent && noKind.body.contains("Choose whether the change is editorial or substantive."))
            #expect(noKind.body.contains("Changes the next version would bring") && noKind.body.contains("<ins>Two</ins>"))
            let stale = try await admin.post("/documents/charter/publish", ["change_note": "n", "change_kind": "editorial", "revision": "0", "confirm": "1"])
            #expect(stale.status == .conflict && stale.body.contains("The draft was saved again"))
            try await CharterSteps.publish(admin, change: "editorial")
            let again = try await CharterSteps.publish(admin, change: "editorial")
            #expect(again.status == .unprocessableContent && again.body.contains("there is nothing to publish"))
        }
        #expect(try await app.services.charter.versions(documentId: 1).map(\.number) == [2, 1])
    }

    @Test func windowsLineEndsAreStoredAsUnix() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            try await CharterSteps.saveDraft(admin, "one\r\ntwo\r\n")
        }
        #expect(try await app.services.charter.document(kind: "charter")?.draft == "one\ntwo\n")
    }
}
