import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The case journey through HTTP, access on every page and list, and the audit trail.
@Suite struct CaseFlowTests {
    /// A complete form for a case; every readiness question answered "yes" unless overridden.
    static func form(title: String = "Customer-service chatbot", customerFacing: Bool = true, personalData: Bool = true,
                     confidential: Bool = false, vendor: String = "ChatVendor Inc",
                     overrides: [String: String] = ["crisis.fallback": "no"],
                     aiAct: [String: String] = AIActClassifierTests.plain) -> [String: String] {
        var fields = ["title": title, "team": "Customer care", "vendor": vendor, "kind": "tool",
                      "description": "A **chatbot**.\n\n<script>alert(1)</script>"]
        if customerFacing { fields["customer_facing"] = "1" }
        if personalData { fields["personal_data"] = "1" }
        if confidential { fields["confidential"] = "1" }
        for question in Readiness.questionIds { fields["answer." + question] = overrides[question] ?? "yes" }
        for (question, answer) in aiAct { fields["aiact." + question] = answer }
        return fields
    }

    /// Creates and submits a case as `owner`; returns its id.
    static func submitted(_ browser: Browser, _ fields: [String: String] = form()) async throws -> Int64 {
        try await browser.get("/cases/new")
        let created = try await browser.post("/cases", fields)
        let id = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
        try await browser.get("/cases/\(id)")
        let moved = try await browser.post("/cases/\(id)/move/submit")
        #expect(moved.status == .seeOther)
        return id
    }

    struct Committee {
        let app: TestApp
        let ada: User, turing: User, arendt: User, owner: User
    }

    static func committee() async throws -> Committee {
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        let turing = try await app.user("turing@uni.example", role: .expert, name: "Alan Turing")
        let arendt = try await app.user("arendt@uni.example", role: .expert, name: "Hannah Arendt")
        let owner = try await app.user("owner@example.org", role: .submitter, name: "Olivia Owner")
        try await app.services.members.addInterest(userId: turing.id, organisation: "ChatVendor", nature: "Adviser", since: nil, by: .system())
        return Committee(app: app, ada: ada, turing: turing, arendt: arendt, owner: owner)
    }

    @Test func theWholeJourneyOfAHighRiskCase() async throws {
        let c = try await Self.committee()
        try await c.app.test { client in
            // Given a project owner who submits a customer-facing chatbot with personal data and no fallback plan
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await Self.submitted(owner)
            let page = try await owner.get("/cases/\(id)")
            #expect(page.body.contains("Submitted"))
            #expect(page.body.contains("High"))
            #expect(page.body.contains("has no fallback plan"))
            #expect(!page.body.contains("<script>alert(1)</script>"))

            // When the secretary assigns an internal member and an external expert
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let triage = try await secretary.get("/cases/\(id)")
            #expect(triage.body.contains("Alan Turing (External) — declared interest: ChatVendor"))
            try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.ada.id)", "due_on": "2030-12-31"])
            let unchecked = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.turing.id)", "due_on": "2030-12-31"])
            #expect(unchecked.status == .unprocessableContent)
            #expect(unchecked.body.contains("declared an interest that names the team or the vendor"))
            try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.turing.id)", "due_on": "2030-12-31", "conflict_checked": "1"])
            #expect(try await secretary.get("/cases/\(id)").body.contains("In review"))

            // Then the expert declares a conflict and loses access at once
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            #expect(try await turing.get("/cases/\(id)").status == .ok)
            let recused = try await turing.post("/cases/\(id)/recuse", ["reason": "I advise ChatVendor.", "confirm": "1"])
            #expect(recused.location == "/cases")
            #expect(try await turing.get("/cases/\(id)").status == .notFound)
            #expect(try await turing.post("/cases/\(id)/review", ["recommendation": "favourable", "reasoning": "x"]).status == .notFound)
            #expect(try await turing.post("/cases/\(id)/comments", ["body": "x"]).status == .notFound)
            #expect(!(try await turing.get("/cases?scope=to_review")).body.contains("Customer-service chatbot"))

            // Another expert is assigned and reviews; so does the member
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.arendt.id)", "due_on": "2030-12-31"])
            for email in ["arendt@uni.example", "ada@example.org"] {
                let reviewer = Browser(client)
                try await reviewer.signIn(email)
                try await reviewer.get("/cases/\(id)")
                let reviewed = try await reviewer.post("/cases/\(id)/review", ["recommendation": "conditions", "reasoning": "Needs a fallback from \(email)."])
                #expect(reviewed.status == .seeOther)
                #expect(try await reviewer.post("/cases/\(id)/review", ["recommendation": "favourable", "reasoning": "again"]).status == .unprocessableContent)
                try await reviewer.post("/cases/\(id)/comments", ["body": "Internal remark by \(email)"])
            }

            // The secretary asks the submitter a question and gets the answer
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/questions", ["question": "What happens when the bot fails?"])
            let asked = try await owner.get("/cases/\(id)")
            #expect(asked.body.contains("Information requested"))
            #expect(asked.body.contains("What happens when the bot fails?"))
            let questionId = try #require(try await c.app.services.caseReviews.questions(caseId: id).first?.id)
            let empty = try await owner.post("/cases/\(id)/answers", [:])
            #expect(empty.status == .unprocessableContent)
            try await owner.post("/cases/\(id)/answers", ["answer.\(questionId)": "A human takes over within two minutes."])
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/move/startReview")

            // A high-risk case is decided only in a meeting: the case page offers no decision form, and refuses one
            let inReview = try await secretary.get("/cases/\(id)")
            #expect(!inReview.body.contains("/cases/\(id)/written-procedure") && inReview.body.contains("decided only in a meeting"))
            let outside = try await secretary.post("/cases/\(id)/written-procedure", [
                "outcome": "conditions", "opinion": "Favourable if a fallback exists.", "text": "In writing.", "deadline": "2030-06-30T12:00"])
            #expect(outside.status == .unprocessableContent && outside.body.contains("decided only in a meeting"))
            #expect(try await c.app.services.caseDecisions.decision(caseId: id) == nil)
            // The meeting's vote decides it (MeetingFlowTests goes through the vote; here its decision is recorded as it would)
            let sec = try #require(try await c.app.services.users.credentials(email: "sec@example.org")?.0)
            try await c.app.services.caseDecisions.decide(
                caseId: id, outcome: .conditions, opinion: "Favourable **if a fallback exists**.",
                opinionHTML: "<p>Favourable <strong>if a fallback exists</strong>.</p>", charterVersion: 2, articles: "Art. 3",
                procedure: "meeting", meetingOn: "2026-11-17",
                conditions: [NewCondition(text: "Deploy a fallback to human agents", ownerId: c.owner.id, dueOn: "2027-01-31"),
                             NewCondition(text: "Tell customers they talk to an AI", ownerId: c.owner.id, dueOn: "2027-01-31")],
                by: AuditActor(id: sec.id, label: sec.email, client: ""))

            // The submitter sees the opinion and the conditions, never a review, the discussion or the reviewers
            let opinion = try await owner.get("/cases/\(id)")
            #expect(opinion.body.contains("Favourable with conditions"))
            #expect(opinion.body.contains("<strong>if a fallback exists</strong>"))
            #expect(opinion.body.contains("Deploy a fallback to human agents"))
            for hidden in ["Needs a fallback from", "Internal remark", "Hannah Arendt", "Alan Turing", "Ada Lovelace", "recused"] {
                #expect(!opinion.body.contains(hidden), "\(hidden)")
            }

            // The conditions are met and the case closes
            let conditions = try await c.app.services.caseDecisions.conditions(caseId: id)
            try await secretary.get("/cases/\(id)")
            #expect(try await secretary.post("/cases/\(id)/move/close").status == .unprocessableContent)
            try await secretary.post("/cases/\(id)/conditions/\(conditions[0].id)/met", ["evidence": "Runbook v2"])
            #expect(try await secretary.get("/cases/\(id)").body.contains("Decided"))
            try await secretary.post("/cases/\(id)/conditions/\(conditions[1].id)/met", ["evidence": "Banner shipped"])
            #expect(try await secretary.get("/cases/\(id)").body.contains("Closed"))
        }
        let actions = try c.app.auditActions()
        for action in ["case.created", "case.submit", "case.reviewer_assigned", "case.startReview", "case.recused", "case.reviewed",
                       "case.commented", "case.askInfo", "case.resubmit", "case.decide", "case.condition_met", "case.close"] {
            #expect(actions.contains(action), "\(action)")
        }
        #expect(try await c.app.services.audit.verify().holds)
    }

    @Test func submittingNeedsEveryReadinessAnswer() async throws {
        let c = try await Self.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/cases/new")
            var fields = Self.form()
            fields["answer.data.dpo"] = nil
            let created = try await owner.post("/cases", fields)
            let id = try #require(created.location)
            try await owner.get(id)
            let refused = try await owner.post(id + "/move/submit")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Answer every readiness question before submitting."))
        }
    }

    @Test func caseFormValidatesAndKeepsValues() async throws {
        let c = try await Self.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/cases/new")
            var fields = Self.form(title: "")
            fields["team"] = "Care <b>team</b>"
            fields["description"] = String(repeating: "a", count: Markdown.maxBytes + 1)
            let page = try await owner.post("/cases", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("This field is required."))
            #expect(page.body.contains("This text is too long (at most 256 KB)."))
            #expect(page.body.contains("value=\"Care &lt;b&gt;team&lt;/b&gt;\""))
            #expect(page.body.contains("value=\"no\" checked"))
        }
        #expect(try c.app.auditActions().contains("case.created") == false)
    }

    @Test func illegalMovesAreRefusedWithAMessage() async throws {
        let c = try await Self.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await Self.submitted(owner)
            try await owner.get("/cases/\(id)")
            let again = try await owner.post("/cases/\(id)/move/submit")
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("This action is not possible in the case"))
            let start = try await owner.post("/cases/\(id)/move/startReview")
            #expect(start.status == .unprocessableContent)
            #expect(start.body.contains("You may not make this change to the case."))
            #expect(try await owner.post("/cases/\(id)/move/teleport").status == .notFound)
            // Withdrawing is the owner's right until the decision
            #expect(try await owner.post("/cases/\(id)/move/withdraw", ["confirm": "1"]).status == .seeOther)
            #expect(try await owner.get("/cases/\(id)").body.contains("Withdrawn"))
        }
    }

    @Test func reviewersMustHaveAcknowledgedTheCharter() async throws {
        let c = try await Self.committee()
        let document = try #require(try await c.app.services.charter.document(kind: GovernanceDocument.charter))
        let admin = try await c.app.user("admin@example.org", role: .admin)
        let actor = AuditActor(id: admin.id, label: admin.email, client: "")
        let revision = try await c.app.services.charter.saveDraft(documentId: document.id, markdown: "# Charter", basedOn: 0, by: actor)
        _ = try await c.app.services.charter.publish(documentId: document.id, changeNote: "First", change: .substantive,
                                                     basedOn: revision, by: actor)
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await Self.submitted(owner)
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(id)")
            let refused = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.ada.id)", "due_on": "2030-12-31"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("has not yet acknowledged the current charter"))
            try await c.app.services.charter.acknowledge(documentId: document.id, number: 1, userId: c.ada.id,
                                                         by: AuditActor(id: c.ada.id, label: "ada", client: ""))
            #expect(try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.ada.id)", "due_on": "2030-12-31"]).status == .seeOther)
        }
    }

    /// Lists and counts apply the same rule as the case page, for every role, over cases in every situation.
    @Test func listsAgreeWithThePolicy() async throws {
        let c = try await Self.committee()
        let owner2 = try await c.app.user("owner2@example.org", role: .submitter)
        let store = c.app.services.cases
        let sec = try #require(try await c.app.services.users.credentials(email: "sec@example.org")?.0)
        let actor = AuditActor(id: sec.id, label: sec.email, client: "")
        var ids: [Int64] = []
        for (index, confidential) in [false, true, false, true, false].enumerated() {
            let draft = CaseDraft(title: "Case \(index)", team: "T", vendor: "", kind: .tool, customerFacing: false, personalData: false,
                                  confidential: confidential, description: "d", answers: [:], notes: [:])
            ids.append(try await store.create(draft, descriptionHTML: "d", submitterId: index % 2 == 0 ? c.owner.id : owner2.id, by: actor))
        }
        // 0 stays a draft; the others are submitted; Ada reviews 3, Turing reviews 2 and is recused from 4
        for id in ids.dropFirst() { try await store.move(id: id, from: .draft, to: .submitted, transition: .submit, by: actor) }
        try await c.app.services.caseReviews.assign(caseId: ids[3], userId: c.ada.id, dueOn: "2030-01-01", by: actor)
        try await c.app.services.caseReviews.assign(caseId: ids[2], userId: c.turing.id, dueOn: "2030-01-01", by: actor)
        try await c.app.services.caseReviews.assign(caseId: ids[4], userId: c.turing.id, dueOn: "2030-01-01", by: actor)
        try await c.app.services.caseReviews.assign(caseId: ids[4], userId: c.ada.id, dueOn: "2030-01-01", by: actor)
        try await c.app.services.caseReviews.recuse(caseId: ids[4], userId: c.turing.id, reason: "r", by: actor)
        try await c.app.services.caseReviews.recuse(caseId: ids[4], userId: c.ada.id, reason: "r", by: actor)

        for user in [sec, c.ada, c.turing, c.arendt, c.owner, owner2] {
            let actor = Requester(userId: user.id, role: user.role)
            let (rows, total) = try await store.list(for: actor, filter: CaseFilter(), today: "2026-11-24", offset: 0, limit: 100)
            var expected: [Int64] = []
            for id in ids {
                let (_, facts) = try #require(try await store.find(id: id))
                if Policy.decide(actor, .viewCase(facts)) == .allow { expected.append(id) }
            }
            #expect(Set(rows.map(\.id)) == Set(expected), "\(user.role)")
            #expect(total == expected.count)
        }
        // Spot checks of the rule itself
        let ada = Requester(userId: c.ada.id, role: .member)
        let adaRows = try await store.list(for: ada, filter: CaseFilter(), today: "2026-11-24", offset: 0, limit: 100).0.map(\.id)
        #expect(Set(adaRows) == [ids[2], ids[3]])  // not the draft, not the confidential 1, not 4 (recused)
        let turingRows = try await store.list(for: Requester(userId: c.turing.id, role: .expert), filter: CaseFilter(), today: "2026-11-24",
                                              offset: 0, limit: 100).0.map(\.id)
        #expect(turingRows == [ids[2]])
    }

    @Test func listFiltersAndPaging() async throws {
        let c = try await Self.committee()
        let store = c.app.services.cases
        for index in 0..<30 {
            let draft = CaseDraft(title: "Case \(index)", team: "T", vendor: "", kind: .tool, customerFacing: index % 3 == 0,
                                  personalData: false, confidential: false, description: "d",
                                  answers: CaseRulesTests.answers(.yes), notes: [:])
            _ = try await store.create(draft, descriptionHTML: "d", submitterId: c.owner.id, by: .system())
        }
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let first = try await secretary.get("/cases")
            #expect(first.body.contains("30 cases"))
            #expect(first.body.contains("Page 1 / 2"))
            let medium = try await secretary.get("/cases?scope=all&tier=medium")
            #expect(medium.body.contains("10 cases"))
            let second = try await secretary.get("/cases?scope=all&page=2")
            #expect(second.body.contains("Page 2 / 2"))
            #expect(second.body.contains(">Case 0<"))
        }
    }

    @Test func submittersSeeOnlyTheirOwnCases() async throws {
        let c = try await Self.committee()
        try await c.app.user("other@example.org", role: .submitter)
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await Self.submitted(owner)
            let other = Browser(client)
            try await other.signIn("other@example.org")
            #expect(try await other.get("/cases/\(id)").status == .notFound)
            #expect(try await other.get("/cases/\(id)/edit").status == .notFound)
            #expect(try await other.post("/cases/\(id)/move/withdraw").status == .notFound)
            #expect(try await other.get("/cases").body.contains("0 cases"))
            // Members and experts cannot file cases
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            #expect(try await ada.get("/cases/new").status == .notFound)
        }
    }

    @Test func confidentialCasesAreHiddenFromMembersUntilAssigned() async throws {
        let c = try await Self.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await Self.submitted(owner, Self.form(title: "Secret HR scoring", confidential: true))
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            #expect(try await ada.get("/cases/\(id)").status == .notFound)
            #expect(!(try await ada.get("/cases")).body.contains("Secret HR scoring"))
            let sec = try #require(try await c.app.services.users.credentials(email: "sec@example.org")?.0)
            try await c.app.services.caseReviews.assign(caseId: id, userId: c.ada.id, dueOn: "2030-01-01",
                                                        by: AuditActor(id: sec.id, label: sec.email, client: ""))
            #expect(try await ada.get("/cases/\(id)").status == .ok)
            #expect(try await ada.get("/cases?scope=to_review").body.contains("Secret HR scoring"))
        }
    }

    @Test func commentsCanBeCorrectedByTheirAuthorForFifteenMinutes() async throws {
        let c = try await Self.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await Self.submitted(owner)
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/comments", ["body": "First thougth"])
            let comment = try #require(try await c.app.services.caseReviews.comments(caseId: id).first)
            // Someone else may not correct it
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            try await ada.get("/cases/\(id)")
            let other = try await ada.post("/cases/\(id)/comments/\(comment.id)/edit", ["body": "Hijacked"])
            #expect(other.status == .unprocessableContent)
            // The author may, within 15 minutes
            try await secretary.get("/cases/\(id)")
            #expect(try await secretary.post("/cases/\(id)/comments/\(comment.id)/edit", ["body": "First thought"]).status == .seeOther)
            #expect(try await secretary.get("/cases/\(id)").body.contains("First thought"))
            // Not after
            c.app.clock.advance(16 * 60)
            let page = try await secretary.get("/cases/\(id)")
            #expect(!page.body.contains("Correct my comment"))
            let late = try await secretary.post("/cases/\(id)/comments/\(comment.id)/edit", ["body": "Too late"])
            #expect(late.body.contains("within 15 minutes"))
        }
        let comments = try await c.app.services.caseReviews.comments(caseId: 1)
        #expect(comments.first?.body == "First thought" && comments.first?.editedAt != nil)
        #expect(try c.app.auditActions().contains("case.comment_edited"))
    }
}
