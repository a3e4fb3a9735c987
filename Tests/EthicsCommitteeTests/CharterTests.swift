import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// Governance documents at the store and database level: immutability, numbering, acknowledgements, audit.
@Suite struct CharterTests {
    /// The charter document and its store, with an admin to act.
    struct Fixture {
        let app: TestApp
        let store: CharterStore
        let charter: GovernanceDocument
        let admin: User
        var actor: AuditActor { AuditActor(id: admin.id, label: admin.email, client: "test") }

        static func make() async throws -> Fixture {
            let app = try await TestApp.make()
            let admin = try await app.user("admin@example.org", role: .admin)
            let store = app.services.charter
            return Fixture(app: app, store: store, charter: try #require(try await store.document(kind: "charter")), admin: admin)
        }

        /// Saves `text` as the draft and publishes it.
        @discardableResult
        func publish(_ text: String, _ change: ChangeKind = .substantive, note: String = "note") async throws -> CharterVersion {
            let revision = try #require(try await store.document(kind: "charter")).draftRevision
            let saved = try await store.saveDraft(documentId: charter.id, markdown: text, basedOn: revision, by: actor)
            return try await store.publish(documentId: charter.id, changeNote: note, change: change, basedOn: saved, by: actor)
        }
    }

    @Test func theCharterAndTheRulesOfProcedureAreOneMechanism() async throws {
        let f = try await Fixture.make()
        let kinds = try await f.store.documents().map(\.kind)
        #expect(kinds == ["charter", "rules"])
    }

    @Test func publishedVersionsCannotBeChangedInTheDatabase() async throws {
        // Given a published version
        let f = try await Fixture.make()
        let v1 = try await f.publish("# Charter\n\nWe respect people.")
        #expect(v1.number == 1 && v1.html.contains("<h1>Charter</h1>"))
        let writer = f.app.database.writer
        // Then the database itself refuses to change or delete it, or to insert out of sequence
        #expect(throws: DatabaseError.self) {
            try writer.write { db in try db.execute(sql: "UPDATE governance_versions SET markdown = 'forged' WHERE id = ?", arguments: [v1.id]) }
        }
        #expect(throws: DatabaseError.self) {
            try writer.write { db in try db.execute(sql: "UPDATE governance_versions SET html = '<script>x</script>'") }
        }
        #expect(throws: DatabaseError.self) {
            try writer.write { db in try db.execute(sql: "DELETE FROM governance_versions") }
        }
        for number in [1, 3] {
            #expect(throws: DatabaseError.self) {
                try writer.write { db in
                    try db.execute(sql: """
                        INSERT INTO governance_versions (document_id, number, markdown, html, change_note, change_kind, published_by, published_at)
                        VALUES (?, ?, 'x', 'x', 'n', 'substantive', ?, 'now')
                        """, arguments: [f.charter.id, number, f.admin.id])
                }
            }
        }
        // …and the first version of a document cannot be editorial
        let rules = try #require(try await f.store.document(kind: "rules"))
        #expect(throws: DatabaseError.self) {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO governance_versions (document_id, number, markdown, html, change_note, change_kind, published_by, published_at)
                    VALUES (?, 1, 'x', 'x', 'n', 'editorial', ?, 'now')
                    """, arguments: [rules.id, f.admin.id])
            }
        }
        let stored = try await f.store.version(documentId: f.charter.id, number: 1)
        #expect(stored == v1)
    }

    @Test func acknowledgementsCannotBeWithdrawn() async throws {
        let f = try await Fixture.make()
        try await f.publish("Text")
        try await f.store.acknowledge(documentId: f.charter.id, number: 1, userId: f.admin.id, by: f.actor)
        #expect(throws: DatabaseError.self) {
            try f.app.database.writer.write { db in try db.execute(sql: "DELETE FROM governance_acknowledgements") }
        }
    }

    @Test func twoPublishersRacingGetConsecutiveNumbers() async throws {
        // Given two admins who each save their text and publish it at the same moment, retrying when the other got in first
        let f = try await Fixture.make()
        @Sendable func publishOwn(_ text: String) async throws -> Int {
            for _ in 0..<100 {
                do { return try await f.publish(text).number } catch CharterRefusal.draftChanged { continue }
            }
            throw CharterRefusal.draftChanged(currentRevision: -1)
        }
        async let a = publishOwn("Text A")
        async let b = publishOwn("Text B")
        async let c = publishOwn("Text C")
        let numbers = try await [a, b, c]
        // Then each got its own number, with no gap and no duplicate
        #expect(numbers.sorted() == [1, 2, 3])
        let versions = try await f.store.versions(documentId: f.charter.id)
        #expect(versions.map(\.number) == [3, 2, 1])
    }

    @Test func aDoubleSubmittedPublishMakesOneVersion() async throws {
        // Given a saved draft and the publish form sent twice at once
        let f = try await Fixture.make()
        let saved = try await f.store.saveDraft(documentId: f.charter.id, markdown: "Text", basedOn: 0, by: f.actor)
        @Sendable func publish() async -> Result<Int, any Error> {
            do {
                return .success(try await f.store.publish(documentId: f.charter.id, changeNote: "n", change: .substantive,
                                                          basedOn: saved, by: f.actor).number)
            } catch { return .failure(error) }
        }
        async let first = publish()
        async let second = publish()
        let results = await [first, second]
        // Then one is version 1 and the other is refused: nothing changed since
        #expect(results.compactMap { try? $0.get() } == [1])
        #expect(results.contains { if case .failure(let e) = $0 { e as? CharterRefusal == .nothingChanged } else { false } })
    }

    @Test func acknowledgementResetsAfterSubstantiveVersionsOnly() async throws {
        let f = try await Fixture.make()
        let member = try await f.app.user("mia@example.org", role: .member)
        let store = f.store
        // Given nothing published: nobody is held back
        #expect(try await store.hasAcknowledgedCurrentSubstantive(userId: member.id))
        // When version 1 is published, the member must acknowledge it
        try await f.publish("One")
        #expect(try await store.hasAcknowledgedCurrentSubstantive(userId: member.id) == false)
        #expect(try await store.pendingAcknowledgements(userId: member.id) == [PendingAcknowledgement(kind: "charter", number: 1)])
        try await store.acknowledge(documentId: f.charter.id, number: 1, userId: member.id, by: f.actor)
        #expect(try await store.hasAcknowledgedCurrentSubstantive(userId: member.id))
        // When an editorial version 2 follows, version 1's acknowledgement still counts
        try await f.publish("One, reworded", .editorial)
        #expect(try await store.hasAcknowledgedCurrentSubstantive(userId: member.id))
        #expect(try await store.pendingAcknowledgements(userId: member.id).isEmpty)
        // When a substantive version 3 follows, it no longer does
        try await f.publish("Three commitments", .substantive)
        #expect(try await store.hasAcknowledgedCurrentSubstantive(userId: member.id) == false)
        #expect(try await store.pendingAcknowledgements(userId: member.id) == [PendingAcknowledgement(kind: "charter", number: 3)])
        // And acknowledging an older version is refused; the current one settles it
        await #expect(throws: CharterRefusal.notCurrent) {
            try await store.acknowledge(documentId: f.charter.id, number: 2, userId: member.id, by: f.actor)
        }
        try await store.acknowledge(documentId: f.charter.id, number: 3, userId: member.id, by: f.actor)
        #expect(try await store.hasAcknowledgedCurrentSubstantive(userId: member.id))
        // The rules of procedure are acknowledged on their own
        #expect(try await store.hasAcknowledgedCurrentSubstantive(userId: member.id, kind: "rules"))
    }

    @Test func theListOfWhoHasNotAcknowledgedCoversCommitteeAccountsOnly() async throws {
        // Given a member up to date, an expert not, a project owner and a deactivated member
        let f = try await Fixture.make()
        let member = try await f.app.user("mia@example.org", role: .member, name: "Mia")
        try await f.app.user("eli@example.org", role: .expert, name: "Eli")
        try await f.app.user("sam@example.org", role: .submitter, name: "Sam")
        let gone = try await f.app.user("gus@example.org", role: .member, name: "Gus")
        try await f.app.services.users.deactivate(id: gone.id, by: f.actor)
        try await f.publish("One")
        try await f.store.acknowledge(documentId: f.charter.id, number: 1, userId: member.id, by: f.actor)
        try await f.publish("One, reworded", .editorial)
        // Then the list has the committee's active accounts, those behind first
        let list = try await f.store.acknowledgements(documentId: f.charter.id)
        #expect(list.map(\.name) == ["Admin", "Eli", "Mia"])
        #expect(list.map(\.isCurrent) == [false, false, true])
        #expect(list[2].lastNumber == 1)
    }

    @Test func draftSavesRefuseAStaleRevisionAndTooMuchText() async throws {
        let f = try await Fixture.make()
        let first = try await f.store.saveDraft(documentId: f.charter.id, markdown: "Mine", basedOn: 0, by: f.actor)
        #expect(first == 1)
        // An edit based on revision 0 would overwrite "Mine": refused
        await #expect(throws: CharterRefusal.draftChanged(currentRevision: 1)) {
            try await f.store.saveDraft(documentId: f.charter.id, markdown: "Theirs", basedOn: 0, by: f.actor)
        }
        let big = String(repeating: "a", count: Markdown.maxBytes + 1)
        await #expect(throws: CharterRefusal.tooLarge(bytes: Markdown.maxBytes + 1)) {
            try await f.store.saveDraft(documentId: f.charter.id, markdown: big, basedOn: 1, by: f.actor)
        }
        #expect(try await f.store.document(kind: "charter")?.draft == "Mine")
        // Saving the same text again changes nothing and records nothing
        let again = try await f.store.saveDraft(documentId: f.charter.id, markdown: "Mine", basedOn: 1, by: f.actor)
        #expect(again == 1)
        #expect(try f.app.auditActions().filter { $0 == "charter.draft_saved" }.count == 1)
    }

    @Test func publishingIsRefusedForAnEmptyOrUnchangedDraft() async throws {
        let f = try await Fixture.make()
        await #expect(throws: CharterRefusal.emptyDraft) {
            try await f.store.publish(documentId: f.charter.id, changeNote: "n", change: .substantive, basedOn: 0, by: f.actor)
        }
        let v1 = try await f.publish("Text")
        await #expect(throws: CharterRefusal.nothingChanged) {
            try await f.store.publish(documentId: f.charter.id, changeNote: "n", change: .editorial, basedOn: 1, by: f.actor)
        }
        await #expect(throws: CharterRefusal.draftChanged(currentRevision: 1)) {
            try await f.store.publish(documentId: f.charter.id, changeNote: "n", change: .editorial, basedOn: 0, by: f.actor)
        }
        // The first version is substantive whatever was asked
        #expect(v1.changeKind == .substantive)
    }

    @Test func eachStepIsAuditedInItsTransaction() async throws {
        let f = try await Fixture.make()
        let member = try await f.app.user("mia@example.org", role: .member)
        try await f.publish("One")
        try await f.store.acknowledge(documentId: f.charter.id, number: 1, userId: member.id,
                                      by: AuditActor(id: member.id, label: member.email, client: "test"))
        // Acknowledging twice records one acknowledgement
        try await f.store.acknowledge(documentId: f.charter.id, number: 1, userId: member.id,
                                      by: AuditActor(id: member.id, label: member.email, client: "test"))
        let entries = try await f.app.services.audit.page(offset: 0, limit: 3).reversed().map { $0 }
        #expect(entries.map(\.action) == ["charter.draft_saved", "charter.published", "charter.acknowledged"])
        #expect(entries.map(\.targetId) == ["charter", "charter/1", "charter/1"])
        #expect(entries[1].detail.hasPrefix("change=substantive"))
        #expect(entries[2].actor == "mia@example.org")
        #expect(try await f.app.services.audit.verify().holds)
    }
}
