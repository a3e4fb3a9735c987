import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Full-text search: the query language people cannot break, the index kept in sync, and above all
/// the access rule inside the query (results, counts and snippets).
@Suite struct SearchTests {
    /// A committee with two cases sharing the word "zephyr": an open one reviewed by Turing, and a
    /// confidential one (with the word "quokka") Turing has nothing to do with; both are items of a
    /// meeting Turing is invited to, with a part of the minutes each.
    struct World {
        let app: TestApp
        let sec: User, ada: User, turing: User, arendt: User, owner: User
        let open: Int64, hidden: Int64, meeting: Int64
        var store: SearchStore { SearchStore(db: app.database) }
        func actor(_ user: User) -> Requester { Requester(userId: user.id, role: user.role) }
        func audit(_ user: User) -> AuditActor { AuditActor(id: user.id, label: user.email, client: "") }
    }

    static func draft(_ title: String, _ description: String, confidential: Bool = false) -> CaseDraft {
        CaseDraft(title: title, team: "Customer care", vendor: "", kind: .tool, customerFacing: false, personalData: false,
                  confidential: confidential, description: description, answers: [:], notes: [:])
    }

    static func world() async throws -> World {
        let app = try await TestApp.make()
        let sec = try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        let turing = try await app.user("turing@uni.example", role: .expert, name: "Alan Turing")
        let arendt = try await app.user("arendt@uni.example", role: .expert, name: "Hannah Arendt")
        let owner = try await app.user("owner@example.org", role: .submitter, name: "Olivia Owner")
        let s = app.services
        // Ada and Turing attend the meeting below as observers: without a vote, they may not read the cases on
        // its agenda that are otherwise outside their reach (voters may: `Policy.hasVote`, tested apart).
        try await s.members.saveSeat(userId: ada.id, external: false, position: .none, voting: false, termStart: nil, termEnd: nil, by: .system())
        try await s.members.saveSeat(userId: turing.id, external: true, position: .none, voting: false, termStart: nil, termEnd: nil, by: .system())
        let by = AuditActor(id: sec.id, label: sec.email, client: "")
        let open = try await s.cases.create(draft("Open chatbot", "The zephyr assistant answers customers."), descriptionHTML: "",
                                            submitterId: owner.id, by: by)
        let hidden = try await s.cases.create(draft("Secret pilot", "The zephyr quokka pilot, confidential.", confidential: true),
                                              descriptionHTML: "", submitterId: owner.id, by: by)
        for id in [open, hidden] { try await s.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: by) }
        try await s.caseReviews.assign(caseId: open, userId: turing.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.assign(caseId: hidden, userId: arendt.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.review(caseId: open, reviewerId: turing.id, recommendation: .favourable,
                                       reasoning: "A sound zephyr design.", reasoningHTML: "", by: by)
        try await s.caseReviews.review(caseId: hidden, reviewerId: arendt.id, recommendation: .unfavourable,
                                       reasoning: "The quokka pilot worries me; zephyr too.", reasoningHTML: "", by: by)
        try await s.caseReviews.comment(caseId: open, body: "Zephyr discussion, open.", bodyHTML: "", by: by)
        try await s.caseReviews.comment(caseId: hidden, body: "Quokka zephyr discussion, hidden.", bodyHTML: "", by: by)

        let meeting = try await s.meetings.create(MeetingDraft(title: "Spring session", startsAt: "2026-03-10T09:00:00Z", duration: 120,
                                                               place: "Room 1", videoURL: "", invitees: [ada.id, turing.id]), by: by)
        try await s.agenda.add(meetingId: meeting, kind: .case, caseId: open, by: by)
        try await s.agenda.add(meetingId: meeting, kind: .case, caseId: hidden, by: by)
        try await s.meetings.hold(meetingId: meeting, by: by)
        let markdown = """
            # Minutes

            Present: everyone, with the marmalade agenda.

            ## 1. Open chatbot

            The zephyr assistant was **approved** in principle.

            ## 2. Secret pilot

            The quokka pilot and its zephyr were discussed at length.
            """
        let items = try await s.agenda.items(meetingId: meeting)
        try await s.minutes.save(meetingId: meeting, markdown: markdown, html: try Markdown.html(markdown),
                                 parts: try MinutesDraft.parts(markdown, items: items), by: by)
        return World(app: app, sec: sec, ada: ada, turing: turing, arendt: arendt, owner: owner, open: open, hidden: hidden,
                     meeting: meeting)
    }

    static func query(_ text: String) throws -> String { try #require(SearchQuery(text).expression) }

    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    // MARK: The query language

    @Test func whatPeopleTypeBecomesQuotedWords() {
        #expect(SearchQuery("ethics charter").expression == #""ethics" "charter"*"#)
        #expect(SearchQuery("  chat  ").expression == #""chat"*"#)
        #expect(SearchQuery(#"say "hi" NEAR(a b) OR c*"#).expression == #""say" """hi""" "NEAR(a" "b)" "OR" "c*"*"#)
        #expect(SearchQuery("").problem == .empty)
        #expect(SearchQuery("   ").problem == .empty)
        #expect(SearchQuery("() * -- \"").problem == .noWord)
        #expect(SearchQuery(String(repeating: "a", count: 500)).problem == .tooLong)
        #expect(SearchQuery(String(repeating: "a ", count: 13)).problem == .tooManyWords)
        #expect(SearchQuery(String(repeating: "é", count: SearchQuery.maxLength)).expression != nil)
    }

    @Test func anyInputGivesResultsOrAMessageNeverAnError() async throws {
        let w = try await Self.world()
        let inputs = ["zephyr", "\"", "\"\"", "zephyr\"", "NEAR(zephyr quokka)", "zephyr NEAR quokka", "*", "zeph*", "(", ")",
                      "zephyr OR quokka", "zephyr AND", "NOT zephyr", "title:zephyr", "body : zephyr", "^zephyr", "zephyr + -",
                      "{title body}: zephyr", "'; DROP TABLE cases; --", "\u{E000}zephyr\u{E001}", "%", "%%25", "a\u{0}b",
                      String(repeating: "x", count: 500), "", "l'éthique", "🙂 zephyr"]
        try await w.app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            for input in inputs {
                let page = try await ada.get("/search?q=" + Self.encoded(input))
                #expect(page.status == .ok, "\(input)")
                #expect(page.body.contains("class=\"count\"") || page.body.contains("class=\"empty\""), "\(input)")
            }
            // The word search matches, whatever surrounds it
            #expect(try await ada.get("/search?q=" + Self.encoded("title:zephyr")).body.contains("class=\"count\"") == false)
            #expect(try await ada.get("/search?q=" + Self.encoded("zephyr\"")).body.contains("class=\"count\""))
            // A form sends spaces as "+"
            let plus = try await ada.get("/search?q=zephyr+assistant")
            #expect(plus.body.contains("value=\"zephyr assistant\""))
            #expect(plus.body.contains("Open chatbot"))
            let long = try await ada.get("/search?q=" + String(repeating: "x", count: 500))
            #expect(long.body.contains("too long"))
        }
        // And the store runs every expression the query makes
        for input in inputs {
            if let expression = SearchQuery(input).expression {
                _ = try await w.store.search(expression, for: w.actor(w.sec), offset: 0, limit: 5)
            }
        }
    }

    @Test func snippetsAreCutIntoPlainAndMarkedPieces() {
        let o = String(SearchSnippet.open), c = String(SearchSnippet.close)
        #expect(SearchSnippet.pieces("a \(o)b\(c) c") == [.init(text: "a ", mark: false), .init(text: "b", mark: true), .init(text: " c", mark: false)])
        // Stray sentinels (typed by someone) never nest or close what is not open
        #expect(SearchSnippet.pieces("\(c)x\(o)\(o)y") == [.init(text: "x", mark: false), .init(text: "y", mark: true)])
        #expect(SearchSnippet.pieces("") == [])
    }

    // MARK: Access

    /// The issue's test: a word that appears only in a hidden case, its review, its comment and its part
    /// of the minutes never reaches an expert — not in results, not in the count, not in a snippet.
    @Test func aHiddenCasesWordsNeverReachAnExpert() async throws {
        let w = try await Self.world()
        let turing = w.actor(w.turing)
        let (none, noneCount) = try await w.store.search(try Self.query("quokka"), for: turing, offset: 0, limit: 100)
        #expect(none.isEmpty)
        #expect(noneCount == 0)
        // The shared word finds only Turing's case, its review, its comment and its part of the minutes
        let (hits, total) = try await w.store.search(try Self.query("zephyr"), for: turing, offset: 0, limit: 100)
        #expect(total == 4)
        #expect(Set(hits.map(\.kind)) == [.case, .review, .comment, .minutes])
        #expect(hits.allSatisfy { $0.caseId == w.open })
        #expect(hits.allSatisfy { !$0.snippet.lowercased().contains("quokka") && !$0.snippet.contains("Secret") })
        #expect(hits.allSatisfy { $0.caseTitle != "Secret pilot" })
        // The secretary sees both
        let (_, all) = try await w.store.search(try Self.query("zephyr"), for: w.actor(w.sec), offset: 0, limit: 100)
        #expect(all == 8)
        #expect(try await w.store.search(try Self.query("quokka"), for: w.actor(w.sec), offset: 0, limit: 100).1 == 4)

        // And the page says the same
        try await w.app.test { client in
            let expert = Browser(client)
            try await expert.signIn("turing@uni.example")
            let page = try await expert.get("/search?q=zephyr")
            #expect(page.status == .ok)
            #expect(page.body.contains("4 results"))
            #expect(!page.body.lowercased().contains("quokka"))
            #expect(!page.body.contains("Secret pilot"))
            #expect(page.body.contains("href=\"/cases/\(w.open)\""))
            #expect(page.body.contains("href=\"/meetings/\(w.meeting)/minutes\""))
            let hidden = try await expert.get("/search?q=quokka")
            #expect(hidden.body.contains("No result"))
            #expect(!hidden.body.contains("Secret pilot"))
            #expect(!hidden.body.contains("class=\"count\""))
        }
    }

    @Test func minutesFollowTheMeetingAndRedactHiddenItems() async throws {
        let w = try await Self.world()
        let marmalade = try Self.query("marmalade")  // before the first item: for readers who may see every item
        // Ada (member, not assigned to the confidential case): the meeting, but not its hidden item, nor the text
        // tied to no item (redaction fails closed)
        #expect(try await w.store.search(marmalade, for: w.actor(w.ada), offset: 0, limit: 10).1 == 0)
        #expect(try await w.store.search(try Self.query("approved principle"), for: w.actor(w.ada), offset: 0, limit: 10).1 == 1)
        #expect(try await w.store.search(marmalade, for: w.actor(w.sec), offset: 0, limit: 10).1 == 1)
        let adaZephyr = try await w.store.search(try Self.query("zephyr discussed"), for: w.actor(w.ada), offset: 0, limit: 10)
        #expect(adaZephyr.1 == 0)
        // Arendt reviews the hidden case but is not invited: no minutes at all
        #expect(try await w.store.search(marmalade, for: w.actor(w.arendt), offset: 0, limit: 10).1 == 0)
        // The project owner never sees minutes, reviews or comments, only their cases
        let (owned, ownedCount) = try await w.store.search(try Self.query("zephyr"), for: w.actor(w.owner), offset: 0, limit: 10)
        #expect(ownedCount == 2)
        #expect(owned.allSatisfy { $0.kind == .case })
        // The secretary finds the hidden item's part
        let (secHits, _) = try await w.store.search(try Self.query("discussed length"), for: w.actor(w.sec), offset: 0, limit: 10)
        #expect(secHits.map(\.kind) == [.minutes])
        #expect(secHits.first?.snippet.contains("**") == false)
        #expect(secHits.first?.snippet.contains("<") == false)
    }

    /// For every role over cases in every situation (draft, confidential, recused, assigned expert, other
    /// owner's case), the hits are exactly the records the policy lets that person open.
    @Test func searchAgreesWithThePolicy() async throws {
        let app = try await TestApp.make()
        let sec = try await app.user("sec@example.org", role: .secretary)
        let admin = try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member)
        let grace = try await app.user("grace@example.org", role: .member)
        let turing = try await app.user("turing@uni.example", role: .expert)
        let arendt = try await app.user("arendt@uni.example", role: .expert)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let owner2 = try await app.user("owner2@example.org", role: .submitter)
        let s = app.services
        let by = AuditActor(id: sec.id, label: sec.email, client: "")
        var ids: [Int64] = []
        for (index, confidential) in [false, true, false, true, false, false].enumerated() {
            ids.append(try await s.cases.create(Self.draft("Case \(index)", "walrus \(index)", confidential: confidential),
                                                descriptionHTML: "", submitterId: index % 2 == 0 ? owner.id : owner2.id, by: by))
        }
        // 0 stays a draft; Ada reviews confidential 3; Turing reviews 2, is recused from 4; Ada recused from 4 too;
        // 5 has a question answered by its owner
        for id in ids.dropFirst() { try await s.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: by) }
        try await s.caseReviews.ask(caseId: ids[5], from: .submitted, question: "Which walrus?", by: by)
        let question = try #require(try await s.caseReviews.questions(caseId: ids[5]).first)
        try await s.caseReviews.answerAndResubmit(caseId: ids[5], answers: [question.id: "The walrus model"],
                                                  by: AuditActor(id: owner.id, label: owner.email, client: ""))
        try await s.caseReviews.assign(caseId: ids[3], userId: ada.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.assign(caseId: ids[2], userId: turing.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.assign(caseId: ids[4], userId: turing.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.assign(caseId: ids[4], userId: ada.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.review(caseId: ids[4], reviewerId: turing.id, recommendation: .favourable,
                                       reasoning: "walrus review before recusal", reasoningHTML: "", by: by)
        try await s.caseReviews.recuse(caseId: ids[4], userId: turing.id, reason: "r", by: by)
        try await s.caseReviews.recuse(caseId: ids[4], userId: ada.id, reason: "r", by: by)
        for id in ids {
            try await s.caseReviews.comment(caseId: id, body: "walrus comment", bodyHTML: "", by: by)
            try await s.caseReviews.review(caseId: id, reviewerId: sec.id, recommendation: .conditions,
                                           reasoning: "walrus reasoning", reasoningHTML: "", by: by)
        }
        let questions = try await s.caseReviews.questions(caseId: ids[5])
        let expression = try Self.query("walrus")

        for user in [admin, sec, ada, grace, turing, arendt, owner, owner2] {
            let actor = Requester(userId: user.id, role: user.role)
            var expected: Set<String> = []
            for id in ids {
                let (_, facts) = try #require(try await s.cases.find(id: id))
                if Policy.decide(actor, .viewCase(facts)) == .allow {
                    expected.insert("case \(id)")
                    if id == ids[5] { questions.forEach { expected.insert("question \($0.id)") } }
                }
                if Policy.decide(actor, .viewCaseInternals(facts)) == .allow {
                    for review in try await s.caseReviews.reviews(caseId: id) { expected.insert("review \(review.id)") }
                    for comment in try await s.caseReviews.comments(caseId: id) { expected.insert("comment \(comment.id)") }
                }
            }
            let (hits, total) = try await SearchStore(db: app.database).search(expression, for: actor, offset: 0, limit: 1000)
            #expect(Set(hits.map { "\($0.kind.rawValue) \($0.ref)" }) == expected, "\(user.role) \(user.email)")
            #expect(total == expected.count, "\(user.role) \(user.email)")
            #expect(hits.count == total)
        }
    }

    @Test func deliverablesAndChartersFollowThePolicy() async throws {
        let w = try await Self.world()
        let s = w.app.services
        let by = w.audit(w.sec)
        let mine = try await s.deliverables.create(DeliverableDraft(kind: .benchmark, title: "Benchmark of narwhal tools", ownerId: w.turing.id,
                                                                    dueOn: "2026-06-01", caseId: nil, meetingId: nil, body: "narwhal"),
                                                   bodyHTML: "", by: by)
        let others = try await s.deliverables.create(DeliverableDraft(kind: .other, title: "Narwhal report", ownerId: w.ada.id,
                                                                      dueOn: "2026-06-01", caseId: nil, meetingId: nil, body: ""),
                                                     bodyHTML: "", by: by)
        let hiddenLinked = try await s.deliverables.create(DeliverableDraft(kind: .other, title: "Narwhal opinion", ownerId: w.turing.id,
                                                                            dueOn: "2026-06-01", caseId: w.hidden, meetingId: nil, body: ""),
                                                           bodyHTML: "", by: by)
        let narwhal = try Self.query("narwhal")
        for (user, expected) in [(w.turing, [mine]), (w.ada, [mine, others]), (w.sec, [mine, others, hiddenLinked]), (w.owner, [])] {
            let (hits, total) = try await w.store.search(narwhal, for: w.actor(user), offset: 0, limit: 10)
            #expect(Set(hits.map(\.ref)) == Set(expected), "\(user.role)")
            #expect(total == expected.count)
            for hit in hits {
                let (found, facts) = try #require(try await s.deliverables.find(id: hit.ref))
                #expect(Policy.decide(w.actor(user), .viewDeliverable(facts)) == .allow)
            }
        }
        // A published charter version is for everyone signed in, a draft for nobody
        let charter = try #require(try await s.charter.document(kind: "charter"))
        let revision = try await s.charter.saveDraft(documentId: charter.id, markdown: "# Charter\n\nThe pangolin principle.",
                                                     basedOn: charter.draftRevision, by: by)
        let pangolin = try Self.query("pangolin")
        #expect(try await w.store.search(pangolin, for: w.actor(w.owner), offset: 0, limit: 10).1 == 0)
        _ = try await s.charter.publish(documentId: charter.id, changeNote: "First", change: .substantive, basedOn: revision, by: by)
        for user in [w.owner, w.turing, w.ada] {
            let (hits, _) = try await w.store.search(pangolin, for: w.actor(user), offset: 0, limit: 10)
            #expect(hits.map(\.kind) == [.charter])
            #expect(hits.first?.documentKind == "charter" && hits.first?.versionNumber == 1)
        }
    }

    // MARK: The index and the page

    @Test func userTextIsEscapedAndHitsAreMarked() async throws {
        let w = try await Self.world()
        let by = w.audit(w.sec)
        _ = try await w.app.services.cases.create(Self.draft("<script>alert(1)</script> Wildlife", "An okapi <b>bold</b> & \"quoted\" text."),
                                                  descriptionHTML: "", submitterId: w.owner.id, by: by)
        try await w.app.test { client in
            let sec = Browser(client)
            try await sec.signIn("sec@example.org")
            let page = try await sec.get("/search?q=okapi")
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.contains("<script>alert"))
            #expect(!page.body.contains("<b>bold"))
            #expect(page.body.contains("<mark>okapi</mark>"))
            #expect(page.body.contains("&amp; &quot;quoted&quot;"))
        }
    }

    @Test func accentsAndCaseDoNotMatter() async throws {
        let w = try await Self.world()
        _ = try await w.app.services.cases.create(Self.draft("Charte éthique", "Une démarche ÉTHIQUE pour l'équipe."),
                                                  descriptionHTML: "", submitterId: w.owner.id, by: w.audit(w.sec))
        let sec = w.actor(w.sec)
        #expect(try await w.store.search(try Self.query("ethique"), for: sec, offset: 0, limit: 10).1 == 1)
        #expect(try await w.store.search(try Self.query("Éthique demarche"), for: sec, offset: 0, limit: 10).1 == 1)
        #expect(try await w.store.search(try Self.query("l'equipe"), for: sec, offset: 0, limit: 10).1 == 1)
        // The last word is a prefix, the others whole words
        #expect(try await w.store.search(try Self.query("ethi"), for: sec, offset: 0, limit: 10).1 == 1)
        #expect(try await w.store.search(try Self.query("ethi charte"), for: sec, offset: 0, limit: 10).1 == 0)
    }

    @Test func theIndexFollowsEdits() async throws {
        let w = try await Self.world()
        let s = w.app.services
        let by = w.audit(w.sec)
        let sec = w.actor(w.sec)
        func count(_ text: String) async throws -> Int { try await w.store.search(try Self.query(text), for: sec, offset: 0, limit: 10).1 }
        // A draft's new title replaces the old one; readiness notes and the opinion join the case's text
        let id = try await s.cases.create(Self.draft("Ocelot study", "text"), descriptionHTML: "", submitterId: w.owner.id, by: by)
        var changed = Self.draft("Lynx study", "text")
        changed.notes = ["governance.purpose": "capybara note"]
        changed.answers = ["governance.purpose": .partly]
        try await s.cases.update(id: id, changed, descriptionHTML: "", by: by)
        #expect(try await count("ocelot") == 0)
        #expect(try await count("lynx") == 1)
        #expect(try await count("capybara") == 1)
        // A comment corrected by its author
        try await s.caseReviews.comment(caseId: w.open, body: "gazelle", bodyHTML: "", by: by)
        let comment = try #require(try await s.caseReviews.comments(caseId: w.open).last)
        #expect(try await s.caseReviews.editComment(id: comment.id, caseId: w.open, body: "antelope", bodyHTML: "", window: 900, by: by))
        #expect(try await count("gazelle") == 0)
        #expect(try await count("antelope") == 1)
        // Minutes saved again replace their parts
        let items = try await s.agenda.items(meetingId: w.meeting)
        let markdown = "## 1. Open chatbot\n\nFlamingo."
        try await s.minutes.save(meetingId: w.meeting, markdown: markdown, html: try Markdown.html(markdown),
                                 parts: try MinutesDraft.parts(markdown, items: items), by: by)
        #expect(try await count("marmalade") == 0)
        #expect(try await count("flamingo") == 1)
        // A deliverable's edit
        let deliverable = try await s.deliverables.create(DeliverableDraft(kind: .other, title: "Heron", ownerId: w.sec.id, dueOn: "2026-06-01",
                                                                           caseId: nil, meetingId: nil, body: ""), bodyHTML: "", by: by)
        try await s.deliverables.update(id: deliverable, DeliverableDraft(kind: .other, title: "Egret", ownerId: w.sec.id, dueOn: "2026-06-01",
                                                                         caseId: nil, meetingId: nil, body: ""), bodyHTML: "", by: by)
        #expect(try await count("heron") == 0)
        #expect(try await count("egret") == 1)
    }

    @Test func theMigrationIndexesWhatIsAlreadyThere() async throws {
        // Given a database migrated up to the previous migration, with a case and a comment in it
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ethics-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("old.sqlite").path)
        let migrator = try Migrations.migrator(directory: packageRoot.appendingPathComponent("migrations").path)
        let files = try Migrations.files(in: packageRoot.appendingPathComponent("migrations").path)
        let index = try #require(files.firstIndex(of: "0009_search.sql"))
        try migrator.migrate(queue, upTo: files[index - 1])
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (1, 'o@example.org', 'O', 'submitter', 'x', '2026-01-01T00:00:00Z');
                INSERT INTO cases (id, title, team, kind, customer_facing, personal_data, confidential, description, description_html,
                                   submitter_id, created_at, updated_at)
                VALUES (7, 'Old case', 'T', 'tool', 0, 0, 0, 'An iguana project', '', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                INSERT INTO case_comments (case_id, author_id, body, body_html, created_at) VALUES (7, 1, 'Iguana comment', '', '2026-01-01T00:00:00Z');
                """)
        }
        // When the search migration runs
        try migrator.migrate(queue)
        // Then both are in the index
        let kinds = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM search_index WHERE search_index MATCH 'iguana' ORDER BY kind")
        }
        #expect(kinds == ["case", "comment"])
    }

    @Test func resultsArePagedAndInFrench() async throws {
        let w = try await Self.world()
        for index in 0..<45 {
            _ = try await w.app.services.cases.create(Self.draft("Toucan \(index)", "toucan"), descriptionHTML: "",
                                                      submitterId: w.owner.id, by: w.audit(w.sec))
        }
        try await w.app.test { client in
            let sec = Browser(client)
            sec.acceptLanguage = "fr"
            try await sec.signIn("sec@example.org")
            let empty = try await sec.get("/search")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("Mots à chercher"))
            #expect(!empty.body.contains("class=\"empty\""))
            let first = try await sec.get("/search?q=toucan")
            #expect(first.body.contains("<html lang=\"fr\""))
            #expect(first.body.contains("45 résultats"))
            #expect(first.body.contains("Page 1 / 3"))
            #expect(first.body.contains("Saisine"))
            #expect(first.body.contains("href=\"/search?q=toucan&amp;page=2\""))
            let last = try await sec.get("/search?q=toucan&page=9")
            #expect(last.body.contains("Page 3 / 3"))
            #expect(last.body.components(separatedBy: "class=\"search-result ").count - 1 == 5)
            let none = try await sec.get("/search?q=zzzz")
            #expect(none.body.contains("Aucun résultat"))
            let blank = try await sec.get("/search?q=")
            #expect(blank.body.contains("Saisissez un ou plusieurs mots"))
        }
    }

    @Test func searchNeedsSignInAndIsInTheNavigation() async throws {
        let w = try await Self.world()
        try await w.app.test { client in
            let visitor = Browser(client)
            let page = try await visitor.get("/search?q=zephyr")
            #expect(page.status == .found)
            #expect(page.location?.hasPrefix("/login") == true)
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            #expect(try await owner.get("/").body.contains("href=\"/search\""))
        }
    }

    /// On a large database the index drives the query: each hit reaches its source row and its case by
    /// primary key, and the access rule's lookups use the reviewers' and invitees' keys; nothing is scanned.
    @Test func theQueryPlanStartsFromTheIndex() async throws {
        let w = try await Self.world()
        for user in [w.turing, w.ada, w.owner] {
            let (access, arguments) = SearchStore.access(w.actor(user))
            var collected: StatementArguments = ["\"zephyr\""]
            collected += arguments
            let all = collected
            let plan: [String] = try await w.app.database.writer.read { db in
                try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT s.rowid \(SearchStore.indexed)
                    WHERE search_index MATCH ? AND (\(access)) ORDER BY bm25(search_index, 5.0, 1.0), s.rowid LIMIT 20
                    """, arguments: all).map { $0["detail"] as String }
            }
            #expect(plan.first?.contains("VIRTUAL TABLE INDEX") == true, "\(plan)")
            #expect(plan.contains { $0.contains("SEARCH c USING INTEGER PRIMARY KEY") }, "\(plan)")
            if user.role != .submitter {
                #expect(plan.contains { $0.contains("SEARCH r USING PRIMARY KEY (case_id=? AND user_id=?)") }, "\(plan)")
            }
            #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.hasPrefix("SCAN s VIRTUAL TABLE") }, "\(plan)")
        }
    }
}
