import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// What a page offers is exactly what the server allows (issue 13): lists and counts that follow the policy,
/// minutes that fail closed, status-aware actions asked by the page and by the handler, confirmations.
@Suite struct PolicyEdgesTests {
    static func actor(_ user: User) -> AuditActor { AuditActor(id: user.id, label: user.email, client: "") }

    /// The part of a page between `start` and the next `end`.
    static func slice(_ html: String, from start: String, to end: String) -> String? {
        let parts = html.components(separatedBy: start)
        return parts.count > 1 ? parts[1].components(separatedBy: end)[0] : nil
    }

    // MARK: Leaks at the edges

    @Test func aConditionOrDeliverableOnACaseOneMayNotOpenStaysOffTheHomePage() async throws {
        // Given a confidential case of Olivia's, with a condition owned by another project owner (as the vote form
        // used to allow) and a deliverable owned by Ada, a member who does not review it
        let c = try await MeetingFlowTests.committee()
        let s = c.app.services
        let other = try await c.app.user("other@example.org", role: .submitter, name: "Oscar Other")
        try await s.caseDecisions.decide(caseId: c.secret, outcome: .conditions, opinion: "Only with consent.", opinionHTML: "",
                                         charterVersion: nil, articles: "", procedure: "meeting", meetingOn: "2026-11-17",
                                         conditions: [NewCondition(text: "Collect written consent", ownerId: other.id, dueOn: "2027-01-31")],
                                         by: Self.actor(c.secretary))
        _ = try await s.deliverables.create(DeliverableDraft(kind: .other, title: "Report on the cloning pilot", ownerId: c.ada.id,
                                                         dueOn: "2027-02-01", caseId: c.secret, meetingId: nil, body: ""),
                                        bodyHTML: "", by: Self.actor(c.secretary))
        _ = try await s.deliverables.create(DeliverableDraft(kind: .benchmark, title: "Benchmark of vendors", ownerId: c.ada.id,
                                                         dueOn: "2027-02-01", caseId: nil, meetingId: nil, body: ""),
                                        bodyHTML: "", by: Self.actor(c.secretary))
        try await c.app.test { client in
            // Then neither sees it on their home page, as the case answers them 404
            let oscar = Browser(client)
            try await oscar.signIn("other@example.org")
            #expect(try await oscar.get("/cases/\(c.secret)").status == .notFound)
            let oscarHome = try await oscar.get("/")
            #expect(!oscarHome.body.contains("Secret voice cloning") && !oscarHome.body.contains("Collect written consent"))
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let adaHome = try await ada.get("/")
            #expect(!adaHome.body.contains("Report on the cloning pilot"))
            #expect(adaHome.body.contains("Benchmark of vendors"))
            #expect(!(try await ada.get("/deliverables")).body.contains("Report on the cloning pilot"))
            // The case's own submitter sees the condition (she may open the case), whoever owns it
            let olivia = Browser(client)
            try await olivia.signIn("owner@example.org")
            #expect(try await olivia.get("/cases/\(c.secret)").status == .ok)
        }
    }

    @Test func theUnreadCountCountsOnlyWhatTheListShows() async throws {
        // Given Ada notified about four cases she may open and four confidential ones she may not
        let c = try await MeetingFlowTests.committee()
        var visible: [Int64] = [c.open], hidden: [Int64] = [c.secret]
        for index in 1...3 {
            visible.append(try await CommitteeFixture.caseInReview(c.app, title: "Open \(index)", confidential: false, owner: c.owner,
                                                                   reviewers: [], by: c.secretary))
            hidden.append(try await CommitteeFixture.caseInReview(c.app, title: "Hidden \(index)", confidential: true, owner: c.owner,
                                                                  reviewers: [c.carol], by: c.secretary))
        }
        let ids = visible + hidden
        try await c.app.database.writer.write { db in
            for id in ids {
                try db.execute(sql: """
                    INSERT INTO notifications (recipient_id, kind, record_type, record_id, params, created_at)
                    VALUES (?, 'case_decided', 'case', ?, '{"title":"x"}', '2026-11-17T10:00:00.000Z')
                    """, arguments: [c.ada.id, id])
            }
        }
        try await c.app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let list = try await ada.get("/notifications")
            // Then the header says 4, as the list shows 4
            #expect(list.body.contains("<span class=\"unread-count\">4</span>"))
            #expect(list.body.components(separatedBy: "notifications/").count > 1)
        }
        let count = try await NotificationStore(db: c.app.database, clock: c.app.clock.appClock)
            .unreadCount(for: Actor(userId: c.ada.id, role: .member))
        let listed = try await NotificationStore(db: c.app.database, clock: c.app.clock.appClock).latest(userId: c.ada.id)
        #expect(count == 4 && listed.count == 4)
        // The secretary, who may open every case, would count all eight of hers
        try await c.app.database.writer.write { db in
            try db.execute(sql: "UPDATE notifications SET recipient_id = ? WHERE recipient_id = ?", arguments: [c.secretary.id, c.ada.id])
        }
        #expect(try await NotificationStore(db: c.app.database, clock: c.app.clock.appClock)
            .unreadCount(for: Actor(userId: c.secretary.id, role: .secretary)) == 8)
    }

    // MARK: Minutes fail closed

    /// Saves `markdown` as the minutes of the search world's meeting (item 1: the open case; item 2: the hidden one).
    static func saveMinutes(_ w: SearchTests.World, _ markdown: String) async throws -> [AgendaItem] {
        let items = try await w.app.services.agenda.items(meetingId: w.meeting)
        try await w.app.services.minutes.save(meetingId: w.meeting, markdown: markdown, html: try Markdown.html(markdown),
                                              parts: try MinutesDraft.parts(markdown, items: items), by: Self.actor(w.sec))
        return items
    }

    @Test func partsAreTiedByTheirHeadingsAndTheRestStaysGeneral() async throws {
        let w = try await SearchTests.world()
        let items = try await w.app.services.agenda.items(meetingId: w.meeting)
        let (one, two) = (items[0].id, items[1].id)
        func ties(_ markdown: String) throws -> [Int64?] { try MinutesDraft.parts(markdown, items: items).map(\.itemId) }
        #expect(try ties("# Minutes\n\nPreamble.\n\n## 1. Open\n\nA.\n\n## 2. Secret\n\nB.") == [nil, one, two])
        #expect(try ties("## 1) Open\n\nA.\n\n## 2) Secret\n\nB.") == [one, two])
        #expect(try ties("### 2. Secret\n\nB.\n\n## Closing\n\nC.") == [two, nil])
        // A numbered sub-heading naming another item makes the rest of the section general
        #expect(try ties("## 1. Open\n\nA.\n\n### 2. Secret\n\nB.\n\n### Details\n\nD.\n\n## 2. Secret\n\nE.") == [one, nil, two])
        // A sub-heading without a number stays with its item; a heading without a number is general
        #expect(try ties("## 2. Secret\n\nB.\n\n### Discussion\n\nD.\n\n## Secret pilot\n\nE.") == [two, nil])
        // Setext headings, headings indented by up to three spaces and CRLF line ends are headings too
        #expect(try ties("## 1. Open\r\n\r\nA.\r\n\r\nSecret pilot\r\n------------\r\n\r\nB.") == [one, nil])
        #expect(try ties("## 1. Open\n\nA.\n\n   ## 2. Secret\n\nB.") == [one, two])
        // A heading inside a code block is text of its part; a number beyond the agenda ties to nothing
        #expect(try ties("## 1. Open\n\n```\n## 2. not a heading\n```\n\n## 7. Unknown\n\nC.") == [one, nil])
    }

    @Test(arguments: [
        "## 1. Open chatbot\n\nvisible omega\n\n## 2) Secret pilot\n\nquokka alpha",
        "## 1. Open chatbot\n\nvisible omega\n\n### 2. Secret pilot\n\nquokka alpha",
        "## 1. Open chatbot\n\nvisible omega\n\n## Secret pilot\n\nquokka alpha",
        "Preamble: quokka alpha.\n\n## 1. Open chatbot\n\nvisible omega",
        "## 1. Open chatbot\n\nvisible omega\n\nSecret pilot\n============\n\nquokka alpha",
        "## 2. Secret pilot\n\n### Discussion\n\nquokka alpha\n\n## 1. Open chatbot\n\nvisible omega",
    ])
    func textNotTiedToAVisibleItemIsWithheldOnThePageAndInSearch(_ markdown: String) async throws {
        let w = try await SearchTests.world()
        _ = try await Self.saveMinutes(w, markdown)
        let alpha = try SearchTests.query("alpha"), omega = try SearchTests.query("omega")
        // Ada (member) and Turing (invited expert) may not see item 2: the text is not shown nor found
        for user in [w.ada, w.turing] {
            #expect(try await w.store.search(alpha, for: w.actor(user), offset: 0, limit: 10).1 == 0, "\(user.email)")
            #expect(try await w.store.search(omega, for: w.actor(user), offset: 0, limit: 10).1 == 1, "\(user.email)")
        }
        // The secretary sees and finds everything
        #expect(try await w.store.search(alpha, for: w.actor(w.sec), offset: 0, limit: 10).1 == 1)
        try await w.app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            for path in ["/meetings/\(w.meeting)/minutes", "/meetings/\(w.meeting)/minutes/print"] {
                let page = try await ada.get(path)
                #expect(page.status == .ok)
                #expect(!page.body.contains("quokka alpha") && !page.body.contains("Secret pilot"), "\(path)")
                #expect(page.body.contains("visible omega"), "\(path)")
            }
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            #expect(try await secretary.get("/meetings/\(w.meeting)/minutes").body.contains("quokka alpha"))
        }
    }

    // MARK: The deliverables list in SQL

    /// For every role over deliverables in every situation (no case, an open case, a confidential case reviewed or
    /// not, a case one is recused from, a draft; owned by the reader or not), the list is what the policy allows.
    @Test func theDeliverablesListAgreesWithThePolicy() async throws {
        let app = try await TestApp.make()
        let sec = try await app.user("sec@example.org", role: .secretary)
        let admin = try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member)
        let grace = try await app.user("grace@example.org", role: .member)
        let turing = try await app.user("turing@uni.example", role: .expert)
        let arendt = try await app.user("arendt@uni.example", role: .expert)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let s = app.services
        let by = Self.actor(sec)
        var cases: [Int64?] = [nil]
        for (index, confidential) in [false, true, false, true].enumerated() {
            let id = try await s.cases.create(SearchTests.draft("Case \(index)", "d", confidential: confidential), descriptionHTML: "",
                                              submitterId: owner.id, by: by)
            if index > 0 { try await s.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: by) }
            cases.append(id)
        }
        // Case 1 (a draft): nobody but the staff and its owner; Ada reviews confidential 2; Turing reviews 3 and is
        // recused from it, Arendt reviews it; 4 is confidential with no reviewer
        try await s.caseReviews.assign(caseId: cases[2]!, userId: ada.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.assign(caseId: cases[3]!, userId: turing.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.assign(caseId: cases[3]!, userId: arendt.id, dueOn: "2030-01-01", by: by)
        try await s.caseReviews.recuse(caseId: cases[3]!, userId: turing.id, reason: "r", by: by)
        for caseId in cases {
            for ownerId in [ada.id, grace.id, turing.id, arendt.id, sec.id] {
                _ = try await s.deliverables.create(DeliverableDraft(kind: .other, title: "D \(caseId ?? 0) \(ownerId)", ownerId: ownerId,
                                                                 dueOn: "2027-01-01", caseId: caseId, meetingId: nil, body: ""),
                                                bodyHTML: "", by: by)
            }
        }
        let all = try await s.deliverables.all()
        for user in [admin, sec, ada, grace, turing, arendt, owner] {
            let actor = Actor(userId: user.id, role: user.role)
            let expected = all.filter { Policy.decide(actor, .viewDeliverable($0.1)) == .allow }.map(\.0.id)
            let page = try await s.deliverables.list(for: actor, status: nil, ownerId: nil)
            #expect(page.rows.map(\.id) == expected, "\(user.role) \(user.email)")
            #expect(page.total == expected.count)
            let mine = try await s.deliverables.list(for: actor, status: .planned, ownerId: ada.id)
            #expect(mine.rows.map(\.id) == all.filter { expected.contains($0.0.id) && $0.0.ownerId == ada.id }.map(\.0.id))
            // The home page's "deliverables I own" follows the same rule
            let home = try await HomeStore(db: app.database).deliverablesOwned(by: actor)
            let owned = all.filter { expected.contains($0.0.id) && $0.0.ownerId == user.id }.map(\.0.id)
            #expect(home.map(\.id) == Array(owned.prefix(HomeStore.fetched)), "\(user.role)")
        }
    }

    // MARK: Rules shown and enforced

    @Test func commentsAndRecusalFollowTheCaseStatus() async throws {
        let c = try await MeetingFlowTests.committee()
        let s = c.app.services
        // Given a case Turing reviews, decided, and another one withdrawn
        let decided = try await CommitteeFixture.caseInReview(c.app, title: "Decided bot", confidential: false, owner: c.owner,
                                                              reviewers: [c.turing], by: c.secretary)
        try await s.caseDecisions.decide(caseId: decided, outcome: .favourable, opinion: "Fine.", opinionHTML: "", charterVersion: nil,
                                         articles: "", procedure: "written", meetingOn: nil, conditions: [], by: Self.actor(c.secretary))
        let withdrawn = try await CommitteeFixture.caseInReview(c.app, title: "Withdrawn bot", confidential: false, owner: c.owner,
                                                                reviewers: [c.turing], by: c.secretary)
        try await s.cases.move(id: withdrawn, from: .inReview, to: .withdrawn, transition: .withdraw, by: Self.actor(c.secretary))
        try await c.app.test { client in
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            // Recusal: not offered after the decision, and refused by the server
            let page = try await turing.get("/cases/\(decided)")
            #expect(!page.body.contains("/cases/\(decided)/recuse"))
            let late = try await turing.post("/cases/\(decided)/recuse", ["reason": "Too late", "confirm": "1"])
            #expect(late.status == .unprocessableContent && late.body.contains("no longer open to recusal"))
            // Comments: not offered on a withdrawn case, and refused by the server
            let closed = try await turing.get("/cases/\(withdrawn)")
            #expect(closed.status == .ok && !closed.body.contains("/cases/\(withdrawn)/comments"))
            let comment = try await turing.post("/cases/\(withdrawn)/comments", ["body": "Late remark"])
            #expect(comment.status == .unprocessableContent && comment.body.contains("discussion of a closed or withdrawn case is closed"))
            // While the review runs, recusal asks for the confirmation box first
            let open = try await CommitteeFixture.caseInReview(c.app, title: "Open bot", confidential: false, owner: c.owner,
                                                               reviewers: [c.turing], by: c.secretary)
            let form = try await turing.get("/cases/\(open)")
            #expect(form.body.contains("name=\"confirm\" type=\"checkbox\" value=\"1\" required"))
            let unconfirmed = try await turing.post("/cases/\(open)/recuse", ["reason": "I advise the vendor."])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(try await turing.get("/cases/\(open)").status == .ok)
            #expect(try await turing.post("/cases/\(open)/recuse", ["reason": "I advise the vendor.", "confirm": "1"]).status == .seeOther)
            #expect(try await turing.get("/cases/\(open)").status == .notFound)
        }
        #expect(try await s.caseReviews.comments(caseId: withdrawn).isEmpty)
        #expect(try await s.cases.find(id: decided)?.1.recused.isEmpty == true)
    }

    @Test func conditionOwnersAreThoseWhoMayOpenTheCase() async throws {
        // Given the confidential case (Carol reviews it) on a held meeting's agenda, and a second project owner
        let c = try await MeetingFlowTests.committee()
        let s = c.app.services
        let other = try await c.app.user("other@example.org", role: .submitter, name: "Oscar Other")
        let by = Self.actor(c.secretary)
        let meeting = try await s.meetings.create(MeetingDraft(title: "Plenary", startsAt: "2026-11-24T13:00:00.000Z", duration: 120,
                                                               place: "Room 1", videoURL: "",
                                                               invitees: [c.ada.id, c.bob.id, c.carol.id, c.turing.id]), by: by)
        try await s.agenda.add(meetingId: meeting, kind: .case, caseId: c.secret, by: by)
        try await s.meetings.hold(meetingId: meeting, by: by)
        try await s.meetings.recordAttendance(meetingId: meeting, [c.ada.id: .present, c.bob.id: .present, c.carol.id: .present,
                                                                   c.turing.id: .present], by: by)
        let item = try #require(try await s.agenda.items(meetingId: meeting).first)
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            // Then the vote form offers as owners only those who may open the case
            let page = try await secretary.get("/meetings/\(meeting)")
            let owners = try #require(Self.slice(page.body, from: "id=\"condition_owner_1-1\"", to: "</datalist>"))
            for name in ["Olivia Owner", "Sam Secretary", "Carol Shaw"] { #expect(owners.contains(name), "\(name)") }
            for name in ["Oscar Other", "Ada Lovelace", "Bob Babbage", "Alan Turing"] { #expect(!owners.contains(name), "\(name)") }
            // And the server refuses anyone else
            var vote: [String: String] = ["outcome": "conditions", "decision": "Only with consent.",
                                          "condition_text_1": "Collect written consent", "condition_due_1": "2027-01-31"]
            for voter in [c.ada, c.bob, c.carol, c.turing] { vote["vote_\(voter.id)"] = "for" }
            vote["condition_owner_1"] = "\(other.id)"
            let refused = try await secretary.post("/meetings/\(meeting)/items/\(item.id)/vote", vote)
            #expect(refused.status == .unprocessableContent)
            #expect(try await s.caseDecisions.decision(caseId: c.secret) == nil)
            #expect(refused.body.contains("id=\"condition_owner_1-1-error\">Nobody who may be chosen here"))
            #expect(refused.body.contains("value=\"\(other.id)\""))
            vote["condition_owner_1"] = c.carol.email  // the field takes an e-mail, as suggested
            #expect(try await secretary.post("/meetings/\(meeting)/items/\(item.id)/vote", vote).status == .seeOther)
            #expect(try await s.caseDecisions.conditions(caseId: c.secret).map(\.ownerId) == [c.carol.id])

            // The case page's decision form (a medium-risk case) follows the same rule
            let ready = Dictionary(uniqueKeysWithValues: Readiness.questionIds.map { ($0, Readiness.Answer.yes) })
            let medium = try await s.cases.create(
                CaseDraft(title: "Medium bot", team: "Care", vendor: "", kind: .tool, customerFacing: true, personalData: false,
                          confidential: true, description: "", answers: ready, notes: [:]),
                descriptionHTML: "", submitterId: c.owner.id, by: by)
            try await s.cases.move(id: medium, from: .draft, to: .submitted, transition: .submit, by: by)
            try await s.caseReviews.assign(caseId: medium, userId: c.turing.id, dueOn: "2030-12-31", by: by)
            #expect(try await s.cases.find(id: medium)?.0.riskTier == .medium)
            try await s.caseReviews.review(caseId: medium, reviewerId: c.turing.id, recommendation: .favourable, reasoning: "ok",
                                           reasoningHTML: "", by: Self.actor(c.turing))
            let casePage = try await secretary.get("/cases/\(medium)")
            let caseOwners = try #require(Self.slice(casePage.body, from: "id=\"condition_owner_1\"", to: "</datalist>"))
            for name in ["Olivia Owner", "Sam Secretary", "Alan Turing"] { #expect(caseOwners.contains(name), "\(name)") }
            for name in ["Oscar Other", "Ada Lovelace", "Carol Shaw"] { #expect(!caseOwners.contains(name), "\(name)") }
            var decision = ["outcome": "conditions", "opinion": "Fine with a condition.", "text": "In writing.", "deadline": "2030-06-30T12:00",
                            "condition_text_1": "Log every answer",
                            "condition_owner_1": "\(other.id)", "condition_due_1": "2027-01-31"]
            #expect(try await secretary.post("/cases/\(medium)/written-procedure", decision).status == .unprocessableContent)
            decision["condition_owner_1"] = "\(c.ada.id)"
            #expect(try await secretary.post("/cases/\(medium)/written-procedure", decision).status == .unprocessableContent)
            #expect(try await s.caseDecisions.decision(caseId: medium) == nil)
            decision["condition_owner_1"] = "\(c.turing.id)"
            #expect(try await secretary.post("/cases/\(medium)/written-procedure", decision).status == .seeOther)
        }
    }

    @Test func aSecretaryNeitherReadsNorRevokesAnAdministratorsInvitation() async throws {
        let app = try await TestApp.make()
        let admin = try await app.user("admin@example.org", role: .admin)
        try await app.user("sec@example.org", role: .secretary)
        let (adminInvite, _) = try await app.services.invitations.invite(email: "next-admin@example.org", name: "Next", role: .admin,
                                                                         message: "", days: 7, by: Self.actor(admin))
        let (expertInvite, _) = try await app.services.invitations.invite(email: "expert@uni.example", name: "Expert", role: .expert,
                                                                          message: "", days: 7, by: Self.actor(admin))
        try await app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let members = try await secretary.get("/members")
            #expect(!members.body.contains("/invitations/\(adminInvite.id)") && members.body.contains("/invitations/\(expertInvite.id)"))
            #expect(try await secretary.get("/invitations/\(adminInvite.id)").status == .notFound)
            #expect(try await secretary.post("/invitations/\(adminInvite.id)/revoke").status == .notFound)
            #expect(try await secretary.post("/invitations/\(adminInvite.id)/resend").status == .notFound)
            #expect(try await secretary.get("/invitations/\(expertInvite.id)").status == .ok)
        }
        #expect(try await app.services.invitations.find(id: adminInvite.id)?.revokedAt == nil)
    }

    // MARK: Smaller

    @Test func aSecondPendingInvitationIsRefusedAndPointsToReSending() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            try await admin.get("/invitations/new")
            let fields = ["email": "expert@uni.example", "name": "Expert", "role": "expert", "days": "7"]
            let first = try await admin.post("/invitations", fields)
            #expect(first.status == .seeOther)
            let firstPath = try #require(first.location)
            try await admin.get("/invitations/new")
            var again = fields
            again["email"] = "Expert@Uni.example"
            let second = try await admin.post("/invitations", again)
            #expect(second.status == .unprocessableContent)
            #expect(second.body.contains("An invitation to this address is still pending"))
            #expect(second.body.contains("href=\"\(firstPath)\""))
            // Once revoked, a new one may be made
            try await admin.get(firstPath)
            try await admin.post(firstPath + "/revoke")
            try await admin.get("/invitations/new")
            #expect(try await admin.post("/invitations", fields).status == .seeOther)
        }
        #expect(try await app.services.invitations.open().count == 1)
    }

    @Test func aPlannedMeetingMustBeInTheFuture() async throws {
        let c = try await MeetingFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/meetings/new")
            // The test clock reads 2026-11-17 (Paris): a meeting the day before is refused, values kept
            let past = try await secretary.postRaw("/meetings", [
                ("title", "Missed plenary"), ("starts_at", "2026-11-16T14:00"), ("duration", "120"), ("place", "Room 4"),
                ("invitees", "\(c.ada.id)")])
            #expect(past.status == .unprocessableContent)
            #expect(past.body.contains("A planned meeting must be in the future"))
            #expect(past.body.contains("value=\"Missed plenary\"") && past.body.contains("value=\"2026-11-16T14:00\""))
            #expect(try await c.app.services.meetings.list(for: Actor(userId: c.secretary.id, role: .secretary)).isEmpty)
            let future = try await secretary.postRaw("/meetings", [
                ("title", "Next plenary"), ("starts_at", "2026-11-24T14:00"), ("duration", "120"), ("place", "Room 4"),
                ("invitees", "\(c.ada.id)")])
            #expect(future.status == .seeOther)
        }
    }

    // MARK: Confirmations

    @Test func withdrawingACaseAsksFirst() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Voice bot"))
            // The case page links to a confirmation page rather than posting
            let page = try await owner.get("/cases/\(id)")
            #expect(page.body.contains("<a class=\"button danger\" href=\"/cases/\(id)/move/withdraw\">"))
            let ask = try await owner.get("/cases/\(id)/move/withdraw")
            #expect(ask.status == .ok)
            #expect(ask.body.contains("Withdraw the case “Voice bot”?") && ask.body.contains("cannot be undone"))
            #expect(ask.body.contains("name=\"confirm\" value=\"1\"") && ask.body.contains("name=\"_csrf\""))
            // A POST without the confirmation performs nothing and asks again
            let unconfirmed = try await owner.post("/cases/\(id)/move/withdraw")
            #expect(unconfirmed.status == .ok && unconfirmed.body.contains("Withdraw the case “Voice bot”?"))
            #expect(try await c.app.services.cases.find(id: id)?.0.status == .submitted)
            #expect(try await owner.post("/cases/\(id)/move/withdraw", ["confirm": "1"]).status == .seeOther)
            #expect(try await c.app.services.cases.find(id: id)?.0.status == .withdrawn)
            // Nothing left to confirm
            #expect(try await owner.get("/cases/\(id)/move/withdraw").status == .notFound)
        }
        #expect(try c.app.auditActions().filter { $0 == "case.withdraw" }.count == 1)
    }

    @Test func deactivatingAnAccountAsksFirst() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        try await app.test { client in
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            let page = try await admin.get("/admin/users/\(ada.id)")
            #expect(page.body.contains("href=\"/admin/users/\(ada.id)/deactivate\""))
            let ask = try await admin.get("/admin/users/\(ada.id)/deactivate")
            #expect(ask.body.contains("Deactivate the account of Ada Lovelace?"))
            #expect(try await admin.post("/admin/users/\(ada.id)/deactivate").status == .ok)
            await #expect(try app.services.users.find(id: ada.id)?.active == true)
            #expect(try await admin.post("/admin/users/\(ada.id)/deactivate", ["confirm": "1"]).status == .seeOther)
            await #expect(try app.services.users.find(id: ada.id)?.active == false)
        }
    }

    @Test func markingDeliveredAndApprovingMinutesAndPublishingAskFirst() async throws {
        let c = try await MeetingFlowTests.committee()
        let s = c.app.services
        let by = Self.actor(c.secretary)
        let deliverable = try await s.deliverables.create(DeliverableDraft(kind: .benchmark, title: "Benchmark", ownerId: c.ada.id,
                                                                           dueOn: "2027-01-01", caseId: nil, meetingId: nil, body: ""),
                                                          bodyHTML: "", by: by)
        let meeting = try await s.meetings.create(MeetingDraft(title: "Plenary", startsAt: "2026-11-24T13:00:00.000Z", duration: 120,
                                                               place: "Room 1", videoURL: "", invitees: [c.ada.id]), by: by)
        try await s.meetings.hold(meetingId: meeting, by: by)
        try await s.minutes.save(meetingId: meeting, markdown: "# Minutes", html: "<h1>Minutes</h1>",
                                 parts: try MinutesDraft.parts("# Minutes", items: []), by: by)
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            // Delivered: a link to the confirmation page; a POST without confirmation changes nothing
            let page = try await secretary.get("/deliverables/\(deliverable)")
            #expect(page.body.contains("href=\"/deliverables/\(deliverable)/status?status=delivered\""))
            let ask = try await secretary.get("/deliverables/\(deliverable)/status?status=delivered")
            #expect(ask.body.contains("Mark “Benchmark” as delivered?") && ask.body.contains("name=\"status\" value=\"delivered\""))
            #expect(try await secretary.post("/deliverables/\(deliverable)/status", ["status": "delivered"]).status == .ok)
            #expect(try await s.deliverables.find(id: deliverable)?.0.status == .planned)
            #expect(try await secretary.post("/deliverables/\(deliverable)/status", ["status": "delivered", "confirm": "1"]).status == .seeOther)
            #expect(try await s.deliverables.find(id: deliverable)?.0.status == .delivered)

            // Minutes: the chair confirms the approval
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let minutes = try await ada.get("/meetings/\(meeting)/minutes")
            #expect(minutes.body.contains("href=\"/meetings/\(meeting)/minutes/approve\""))
            #expect(try await ada.get("/meetings/\(meeting)/minutes/approve").body.contains("Approve the minutes of “Plenary”?"))
            #expect(try await ada.post("/meetings/\(meeting)/minutes/approve").status == .ok)
            #expect(try await s.minutes.minutes(meetingId: meeting)?.approved == false)
            #expect(try await ada.post("/meetings/\(meeting)/minutes/approve", ["confirm": "1"]).status == .seeOther)
            #expect(try await s.minutes.minutes(meetingId: meeting)?.approved == true)
        }
        // Publishing a version: the form's box is required, and the server refuses without it
        let admin = try await c.app.user("admin@example.org", role: .admin)
        let document = try #require(try await s.charter.document(kind: GovernanceDocument.charter))
        _ = try await s.charter.saveDraft(documentId: document.id, markdown: "# Charter", basedOn: 0, by: Self.actor(admin))
        try await c.app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            let draft = try await browser.get("/documents/charter/draft")
            // (Not "required" in the page: the box belongs to the editor's form, which Save sends too.)
            #expect(draft.body.contains("id=\"publish_confirm\" name=\"confirm\" type=\"checkbox\" value=\"1\" form=\"draft-form\""))
            let revision = try #require(Self.slice(draft.body, from: "name=\"revision\" value=\"", to: "\""))
            let unconfirmed = try await browser.post("/documents/charter/publish", ["change_note": "First", "change_kind": "substantive",
                                                                                   "revision": revision])
            #expect(unconfirmed.status == .unprocessableContent && unconfirmed.body.contains("Tick the box to confirm"))
            #expect(try await s.charter.currentVersion(documentId: document.id) == nil)
            let published = try await browser.post("/documents/charter/publish", ["change_note": "First", "change_kind": "substantive",
                                                                                 "revision": revision, "confirm": "1"])
            #expect(published.status == .seeOther)
        }
    }
}
