import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Notifications: who is told of what (and nobody of a record they may not open), the due-date sweep,
/// the header's unread count, opening and marking read, the e-mail choice.
@Suite struct NotificationTests {
    /// The shared committee, with an administrator.
    @dynamicMemberLookup struct Committee {
        let people: CommitteeFixture
        let admin: User
        subscript<T>(dynamicMember path: KeyPath<CommitteeFixture, T>) -> T { people[keyPath: path] }
    }

    /// The shared committee (Ada chairs; Bob and Carol are members, Turing an external expert, Olivia a project owner),
    /// and Ann, an administrator.
    static func committee() async throws -> Committee {
        let c = try await CommitteeFixture.make(withAdmin: true)
        return Committee(people: c, admin: try #require(c.admin))
    }

    /// A submitted case of `owner` (not yet in review).
    static func submittedCase(_ c: Committee, title: String, confidential: Bool = false) async throws -> Int64 {
        let draft = CaseDraft(title: title, team: "Customer care", vendor: "", kind: .tool, customerFacing: false, personalData: false,
                              confidential: confidential, description: "About \(title).", answers: [:], notes: [:])
        let id = try await c.app.services.cases.create(draft, descriptionHTML: "<p>About</p>", submitterId: c.owner.id, by: .system())
        try await c.app.services.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        return id
    }

    /// (recipient, kind, record id) of every notification, in order of creation.
    static func all(_ app: TestApp) throws -> [(Int64, String, Int64)] {
        try app.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT recipient_id, kind, record_id FROM notifications ORDER BY id").map {
                ($0["recipient_id"], $0["kind"], $0["record_id"])
            }
        }
    }

    static func kinds(_ app: TestApp, for user: User) throws -> [String] {
        try all(app).filter { $0.0 == user.id }.map(\.1)
    }

    /// The figure in the header's notifications link, nil when there is no figure.
    static func headerCount(_ html: String) -> Int? {
        guard let range = html.range(of: "<span class=\"unread-count\">") else { return nil }
        return Int(html[range.upperBound...].prefix { $0 != "<" })
    }

    // MARK: triggers

    @Test func anAssignmentTellsTheReviewerAloneAndTheHeaderCountsIt() async throws {
        let c = try await Self.committee()
        let id = try await Self.submittedCase(c, title: "Claims chatbot")
        try await c.app.test { client in
            // Given the secretary assigns Bob through the form
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(id)")
            let assigned = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.bob.id)", "due_on": "2030-12-31"])
            #expect(assigned.status == .seeOther)

            // Then Bob, and only Bob, has one unread notification, shown in the header of every page
            #expect(try Self.all(c.app).map { [$0.0, $0.2] } == [[c.bob.id, id]])
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            let home = try await bob.get("/")
            #expect(Self.headerCount(home.body) == 1)
            #expect(home.body.contains("1 unread"))
            #expect(Self.headerCount(try await secretary.get("/").body) == nil)

            // When he opens the list, the text names the case and the due date, newest first
            let list = try await bob.get("/notifications")
            #expect(list.status == .ok)
            #expect(list.body.contains("You are asked to review “Claims chatbot” by 31 December 2030."))
            let notification = try #require(try await c.app.database.writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM notifications")
            })

            // Someone else cannot open it (404), nor can a forged form (no CSRF token)
            #expect(try await secretary.post("/notifications/\(notification)/open").status == .notFound)
            #expect(try await bob.post("/notifications/\(notification)/open", csrf: "forged").status == .forbidden)

            // Following its link marks it read and leads to the case; the count drops
            let opened = try await bob.post("/notifications/\(notification)/open")
            #expect(opened.status == .seeOther)
            #expect(opened.location == "/cases/\(id)")
            #expect(Self.headerCount(try await bob.get("/").body) == nil)
            #expect(try c.app.auditActions().contains("notification.read"))
        }
    }

    @Test func markAllReadNeedsTheTokenAndClearsTheCount() async throws {
        let c = try await Self.committee()
        let first = try await Self.submittedCase(c, title: "First")
        let second = try await Self.submittedCase(c, title: "Second")
        try await c.app.services.caseReviews.assign(caseId: first, userId: c.carol.id, dueOn: "2030-12-31", by: c.sec)
        try await c.app.services.caseReviews.assign(caseId: second, userId: c.carol.id, dueOn: "2030-12-31", by: c.sec)
        try await c.app.test { client in
            let carol = Browser(client)
            try await carol.signIn("carol@example.org")
            let list = try await carol.get("/notifications")
            #expect(Self.headerCount(list.body) == 2)
            // Newest first
            let second = try #require(list.body.range(of: "“Second”")), first = try #require(list.body.range(of: "“First”"))
            #expect(second.lowerBound < first.lowerBound)
            #expect(try await carol.post("/notifications/read-all", csrf: "forged").status == .forbidden)
            #expect(Self.headerCount(try await carol.get("/notifications").body) == 2)
            let done = try await carol.post("/notifications/read-all")
            #expect(done.location == "/notifications")
            let after = try await carol.get("/notifications")
            #expect(Self.headerCount(after.body) == nil)
            #expect(after.body.contains("All notifications are marked as read."))
            #expect(!after.body.contains("Mark all as read"))
        }
        #expect(try c.app.auditActions().contains("notification.all_read"))
    }

    @Test func questionsAndDecisionsReachTheOwnerAndTheReviewersButNotTheRecused() async throws {
        let c = try await Self.committee()
        let id = try await Self.submittedCase(c, title: "Voice bot")
        try await c.app.services.caseReviews.assign(caseId: id, userId: c.bob.id, dueOn: "2030-12-31", by: c.sec)
        try await c.app.services.caseReviews.assign(caseId: id, userId: c.turing.id, dueOn: "2030-12-31", by: c.sec)
        try await c.app.services.caseReviews.assign(caseId: id, userId: c.carol.id, dueOn: "2030-12-31", by: c.sec)
        // Carol declares a conflict: what she was told about the case is withdrawn
        try await c.app.services.caseReviews.recuse(caseId: id, userId: c.carol.id, reason: "My team.", by: .system())
        #expect(try Self.kinds(c.app, for: c.carol) == [])

        try await c.app.services.caseReviews.ask(caseId: id, from: .inReview, question: "Which fallback?", by: c.sec)
        #expect(try Self.kinds(c.app, for: c.owner) == ["question_asked"])
        try await c.app.services.caseReviews.answerAndResubmit(caseId: id, answers: [:], by: .system())
        try await c.app.services.cases.move(id: id, from: .submitted, to: .inReview, transition: .startReview, by: .system())

        try await c.app.services.caseDecisions.decide(caseId: id, outcome: .favourable, opinion: "Fine.", opinionHTML: "<p>Fine.</p>",
                                                     charterVersion: nil, articles: "", procedure: "written", meetingOn: nil,
                                                     conditions: [], by: c.sec)
        #expect(try Self.kinds(c.app, for: c.owner) == ["question_asked", "case_decided"])
        #expect(try Self.kinds(c.app, for: c.bob) == ["reviewer_assigned", "case_decided"])
        #expect(try Self.kinds(c.app, for: c.turing) == ["reviewer_assigned", "case_decided"])
        #expect(try Self.kinds(c.app, for: c.carol) == [])
        // Nobody is told of their own act, and members who are not reviewers hear nothing of the case
        #expect(try Self.kinds(c.app, for: c.secretary) == [])
        #expect(try Self.kinds(c.app, for: c.ada) == [])
    }

    @Test func aDecisionVotedInAMeetingNotifiesInTheVotesTransaction() async throws {
        let c = try await Self.committee()
        let id = try await Self.submittedCase(c, title: "Invoice triage")
        try await c.app.services.caseReviews.assign(caseId: id, userId: c.bob.id, dueOn: "2030-12-31", by: c.sec)
        let meeting = try await c.app.services.meetings.create(
            MeetingDraft(title: "Plenary", startsAt: "2026-11-18T09:00:00.000Z", duration: 120, place: "Room 1", videoURL: "",
                         invitees: [c.ada.id, c.bob.id]), by: c.sec)
        try await c.app.services.agenda.add(meetingId: meeting, kind: .case, caseId: id, by: c.sec)
        try await c.app.services.meetings.hold(meetingId: meeting, by: c.sec)
        let item = try #require(try await c.app.services.agenda.items(meetingId: meeting).first)
        try await c.app.services.agenda.decide(itemId: item.id, meetingId: meeting, meetingDate: "2026-11-18",
                                               votes: [VoteEntry(userId: c.ada.id, choice: .for, dissent: "")],
                                               decision: ItemDecision(outcome: .favourable, text: "Yes.", html: "<p>Yes.</p>"),
                                               by: c.sec)
        #expect(try Self.kinds(c.app, for: c.owner) == ["case_decided"])
        // Bob was also invited to the meeting (issue 14: invitees are told when it is planned)
        #expect(try Self.kinds(c.app, for: c.bob) == ["reviewer_assigned", "meeting_planned", "case_decided"])
        #expect(try Self.kinds(c.app, for: c.secretary) == [])
    }

    @Test func theOwnerSeesTheDecisionTextButNeverAnythingInternal() async throws {
        let c = try await Self.committee()
        let id = try await Self.submittedCase(c, title: "Agent assist")
        try await c.app.services.caseReviews.assign(caseId: id, userId: c.bob.id, dueOn: "2030-12-31", by: c.sec)
        try await c.app.services.caseDecisions.decide(caseId: id, outcome: .unfavourable, opinion: "No.", opinionHTML: "<p>No.</p>",
                                                     charterVersion: nil, articles: "", procedure: "written", meetingOn: nil,
                                                     conditions: [], by: c.sec)
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let list = try await owner.get("/notifications")
            #expect(list.body.contains("The committee decided on “Agent assist”."))
            #expect(!list.body.contains("review"))
        }
    }

    @Test func nobodyIsToldOfARecordThePolicyHidesFromThem() async throws {
        let c = try await Self.committee()
        let secret = try await Self.submittedCase(c, title: "Secret voice cloning", confidential: true)
        try await c.app.services.caseReviews.assign(caseId: secret, userId: c.carol.id, dueOn: "2030-12-31", by: c.sec)
        try await c.app.database.writer.write { db in
            // Asked directly, the notifier refuses every recipient the policy would not let open the case…
            let created = try Notifier.notify(db, recipients: [c.ada.id, c.turing.id, c.bob.id, c.carol.id, c.admin.id],
                                              kind: .caseDecided, record: .case, recordId: secret, params: [:], now: Date())
            #expect(created == 2)
            // …and a deactivated account hears nothing at all
            try db.execute(sql: "UPDATE users SET active = 0 WHERE id = ?", arguments: [c.carol.id])
            let deactivated = try Notifier.mayOpen(db, userId: c.carol.id, record: .case, recordId: secret)
            #expect(deactivated == false)
        }
        #expect(Set(try Self.all(c.app).filter { $0.1 == "case_decided" }.map(\.0)) == [c.carol.id, c.admin.id])

        // An expert hears of a meeting only when invited
        let meeting = try await c.app.services.meetings.create(
            MeetingDraft(title: "December session", startsAt: "2026-12-01T13:00:00.000Z", duration: 120, place: "Room 1",
                         videoURL: "", invitees: [c.ada.id]), by: c.sec)
        let mayOpen = try await c.app.database.writer.read { db in
            try [c.turing, c.bob, c.owner].map { try Notifier.mayOpen(db, userId: $0.id, record: .meeting, recordId: meeting) }
        }
        #expect(mayOpen == [false, true, false])
    }

    @Test func aNewCharterVersionReachesEveryCommitteeAccountButNotProjectOwners() async throws {
        let c = try await Self.committee()
        let charter = try #require(try await c.app.services.charter.document(kind: GovernanceDocument.charter))
        let admin = AuditActor(id: c.admin.id, label: c.admin.email, client: "")
        let revision = try await c.app.services.charter.saveDraft(documentId: charter.id, markdown: "# Charter\n\nWe act fairly.",
                                                                  basedOn: charter.draftRevision, by: admin)
        _ = try await c.app.services.charter.publish(documentId: charter.id, changeNote: "First", change: .substantive,
                                                     basedOn: revision, by: admin)
        let told = Set(try Self.all(c.app).filter { $0.1 == "document_published" }.map(\.0))
        #expect(told == [c.secretary.id, c.ada.id, c.bob.id, c.carol.id, c.turing.id])
        try await c.app.test { client in
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            let list = try await turing.get("/notifications")
            #expect(list.body.contains("AI ethics charter: version 1 is published."))
            let id = try #require(try await c.app.database.writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM notifications WHERE recipient_id = ?", arguments: [c.turing.id])
            })
            #expect(try await turing.post("/notifications/\(id)/open").location == "/documents/charter/versions/1")
        }
    }

    @Test func draftedMinutesAskTheChairOnce() async throws {
        let c = try await Self.committee()
        let meeting = try await c.app.services.meetings.create(
            MeetingDraft(title: "November session", startsAt: "2026-11-17T13:00:00.000Z", duration: 120, place: "Room 1",
                         videoURL: "", invitees: [c.ada.id, c.bob.id]), by: c.sec)
        try await c.app.services.meetings.hold(meetingId: meeting, by: c.sec)
        for text in ["# Minutes", "# Minutes\n\nEdited."] {
            try await c.app.services.minutes.save(meetingId: meeting, markdown: text, html: "<h1>Minutes</h1>", parts: [], by: c.sec)
        }
        // Beside the invitations (issue 14), one notification only, for the chair
        #expect(try Self.all(c.app).filter { $0.1 != "meeting_planned" }.map { [$0.0, $0.2] } == [[c.ada.id, meeting]])
        #expect(try Self.kinds(c.app, for: c.ada) == ["meeting_planned", "minutes_to_approve"])
    }

    // MARK: the due-date sweep

    @Test func theSweepNotifiesDueAndOverdueWorkOnceEach() async throws {
        let c = try await Self.committee()
        // Today is 2026-11-18 in Paris (the test clock); "soon" is within two days.
        let soon = try await Self.submittedCase(c, title: "Soon")
        let later = try await Self.submittedCase(c, title: "Later")
        try await c.app.services.caseReviews.assign(caseId: soon, userId: c.bob.id, dueOn: "2026-11-20", by: c.sec)
        try await c.app.services.caseReviews.assign(caseId: soon, userId: c.carol.id, dueOn: "2026-11-19", by: c.sec)
        try await c.app.services.caseReviews.assign(caseId: later, userId: c.turing.id, dueOn: "2026-12-31", by: c.sec)
        try await c.app.services.caseReviews.recuse(caseId: soon, userId: c.carol.id, reason: "Conflict.", by: .system())
        let decided = try await Self.submittedCase(c, title: "Decided")
        try await c.app.services.caseReviews.assign(caseId: decided, userId: c.ada.id, dueOn: "2026-11-30", by: c.sec)
        try await c.app.services.caseDecisions.decide(
            caseId: decided, outcome: .conditions, opinion: "Yes if.", opinionHTML: "<p>Yes if.</p>", charterVersion: nil,
            articles: "", procedure: "written", meetingOn: nil,
            conditions: [NewCondition(text: "Test the fallback", ownerId: c.owner.id, dueOn: "2026-11-19")], by: c.sec)
        let sweep = DueDateSweep(db: c.app.database, formats: c.app.services.formats)

        // The first sweep: Bob's review and the owner's condition are due soon; Carol (recused) and Turing (later) hear nothing
        #expect(try await sweep.run() == 2)
        #expect(try Self.kinds(c.app, for: c.bob) == ["reviewer_assigned", "review_due_soon"])
        #expect(try Self.kinds(c.app, for: c.owner).last == "condition_due_soon")
        #expect(try Self.kinds(c.app, for: c.carol) == [])
        #expect(try Self.kinds(c.app, for: c.turing) == ["reviewer_assigned"])
        // Running again creates nothing
        #expect(try await sweep.run() == 0)

        // Three days later both are overdue: one more notification each, once
        c.app.clock.advance(3 * 86400)
        #expect(try await sweep.run() == 2)
        #expect(try await sweep.run() == 0)
        #expect(try Self.kinds(c.app, for: c.bob).last == "review_overdue")
        #expect(try Self.kinds(c.app, for: c.owner).last == "condition_overdue")

        // A review written is no longer chased
        let bob = AuditActor(id: c.bob.id, label: c.bob.email, client: "")
        try await c.app.services.caseReviews.review(caseId: soon, reviewerId: c.bob.id, recommendation: .favourable, reasoning: "Ok",
                                                    reasoningHTML: "<p>Ok</p>", by: bob)
        c.app.clock.advance(86400)
        #expect(try await sweep.run() == 0)
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            #expect(try await owner.get("/notifications").body.contains("A condition on “Decided” was due on 19 November 2026."))
        }
    }

    // MARK: language and the e-mail choice

    @Test func textIsInTheReadersLanguage() async throws {
        let c = try await Self.committee()
        try await c.app.services.users.setLanguage(id: c.bob.id, to: .fr, by: .system())
        let id = try await Self.submittedCase(c, title: "Robot conversationnel")
        try await c.app.services.caseReviews.assign(caseId: id, userId: c.bob.id, dueOn: "2030-12-31", by: c.sec)
        try await c.app.test { client in
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            let list = try await bob.get("/notifications")
            #expect(list.body.contains("Vous êtes invité à étudier «\u{202F}Robot conversationnel\u{202F}» d’ici le 31 décembre 2030."))
            #expect(list.body.contains("1 non lue"))
            #expect(list.body.contains("Tout marquer comme lu"))
        }
    }

    @Test func theEmailChoiceIsSavedAndDecidesTheOutbox() async throws {
        let c = try await Self.committee()
        let first = try await Self.submittedCase(c, title: "First")
        try await c.app.services.caseReviews.assign(caseId: first, userId: c.bob.id, dueOn: "2030-12-31", by: c.sec)
        func outbox() throws -> [String] {
            try c.app.database.writer.read { db in try String.fetchAll(db, sql: "SELECT status FROM email_outbox ORDER BY id") }
        }
        // By default, mail is queued
        #expect(try outbox() == ["pending"])
        try await c.app.test { client in
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            let account = try await bob.get("/account/password")
            #expect(account.body.contains("value=\"on\" checked"))
            #expect(account.body.contains("E-mail is not configured on this server yet"))
            #expect(try await bob.post("/account/notifications", ["email": "off"], csrf: "forged").status == .forbidden)
            #expect(try await bob.post("/account/notifications", ["email": "sometimes"]).status == .badRequest)
            let saved = try await bob.post("/account/notifications", ["email": "off"])
            #expect(saved.location == "/account/password")
            let after = try await bob.get("/account/password")
            #expect(after.body.contains("value=\"off\" checked"))
            #expect(after.body.contains("You will receive notifications in the app only."))
        }
        // Turning mail off drops what was queued, and queues nothing more
        #expect(try outbox() == ["expired"])
        let second = try await Self.submittedCase(c, title: "Second")
        try await c.app.services.caseReviews.assign(caseId: second, userId: c.bob.id, dueOn: "2030-12-31", by: c.sec)
        #expect(try outbox() == ["expired"])
        #expect(try Self.kinds(c.app, for: c.bob) == ["reviewer_assigned", "reviewer_assigned"])
        #expect(try c.app.auditActions().contains("notification.email_choice"))
    }

    @Test func theUnreadCountUsesItsPartialIndex() async throws {
        let app = try await TestApp.make()
        let plan = try await app.database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT count(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL",
                             arguments: [1]).map { $0["detail"] as String }.joined(separator: " ")
        }
        #expect(plan.contains("notifications_unread"))
    }
}
