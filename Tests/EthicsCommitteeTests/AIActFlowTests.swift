import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The AI Act section through HTTP: intake, submission, the case page and list, the decision rule.
@Suite struct AIActFlowTests {
    static func chatbot() -> [String: String] {
        CaseFlowTests.form(title: "Support chatbot", customerFacing: false, personalData: false, overrides: [:],
                           aiAct: AIActClassifierTests.plain.merging(["art50.interacts": "yes", "role.operator": "deployer"]) { $1 })
    }

    @Test func aContradictionIsRefusedWithEveryAnswerKept() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/cases/new")
            let fields = CaseFlowTests.form(title: "CV ranking", aiAct: AIActClassifierTests.plain.merging([
                "annex3.use": "4a", "art6_3.profiling": "yes", "art6_3.derogation": "yes", "art6_3.justification": "Only sorts <CVs>.",
            ]) { $1 })
            let refused = try await owner.post("/cases", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("never applies to a system that profiles natural persons"))
            // What was typed and chosen comes back
            #expect(refused.body.contains("<option value=\"4a\" selected>"))
            #expect(refused.body.contains("id=\"aiact-art6_3-derogation-yes\" name=\"aiact.art6_3.derogation\" value=\"yes\" checked"))
            #expect(refused.body.contains("Only sorts &lt;CVs&gt;."))
            #expect(refused.body.contains("value=\"CV ranking\""))
            // A derogation without its justification is refused too
            var bare = fields
            bare["aiact.art6_3.profiling"] = "no"; bare["aiact.art6_3.justification"] = ""
            let unjustified = try await owner.post("/cases", bare)
            #expect(unjustified.status == .unprocessableContent)
            #expect(unjustified.body.contains("needs its written justification"))
        }
        #expect(try c.app.auditActions().contains("case.created") == false)
    }

    @Test func submissionNamesTheFirstUnansweredQuestionAndKeepsTheAnswers() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/cases/new")
            var fields = Self.chatbot()
            fields["aiact.art5.social_scoring"] = nil
            let created = try await owner.post("/cases", fields)
            let id = try #require(created.location)
            let page = try await owner.get(id)
            #expect(page.body.contains("Not classified yet: 1 question(s) to answer."))
            let refused = try await owner.post(id + "/move/submit")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Answer the AI Act question before submitting: Does it score people on their social behaviour"))
            #expect(refused.body.contains("(Art. 5(1)(c))"))
            // The answers given are still there to complete
            let edit = try await owner.get(id + "/edit")
            #expect(edit.body.contains("name=\"aiact.art50.interacts\" value=\"yes\" checked"))
            var complete = Self.chatbot()
            complete["aiact.art5.social_scoring"] = "no"
            #expect(try await owner.post(id + "/edit", complete).status == .seeOther)
            try await owner.get(id)
            #expect(try await owner.post(id + "/move/submit").status == .seeOther)
        }
    }

    @Test func theCasePageAndListShowTheLabelsAndTheFilterFollowsVisibility() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.user("other@example.org", role: .submitter)
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await CaseFlowTests.submitted(owner, Self.chatbot())
            let page = try await owner.get("/cases/\(id)")
            #expect(page.body.contains("AI Act: Transparency"))
            #expect(page.body.contains("Transparency obligations</strong> — Art. 50(1)"))
            #expect(page.body.contains("Tell people they are interacting with an AI system"))
            #expect(page.body.contains("applies since 2 August 2026") || page.body.contains("applies from 2 August 2026"))

            let someoneElse = Browser(client)
            try await someoneElse.signIn("other@example.org")
            try await someoneElse.get("/cases/new")
            var otherForm = Self.chatbot()
            otherForm["title"] = "Other chatbot"
            #expect(try await someoneElse.post("/cases", otherForm).status == .seeOther)
            // The filter finds the owner's chatbot, and never the other owner's draft
            let filtered = try await owner.get("/cases?scope=mine&ai_act=transparency")
            #expect(filtered.body.contains("Support chatbot"))
            #expect(!filtered.body.contains("Other chatbot"))
            #expect(!(try await owner.get("/cases?scope=mine&ai_act=high_risk")).body.contains("Support chatbot"))
            // The secretary sees both with the filter, as without it
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let all = try await secretary.get("/cases?scope=all&ai_act=transparency")
            let unfiltered = try await secretary.get("/cases?scope=all")
            #expect(all.body.contains("Support chatbot") && unfiltered.body.contains("Support chatbot"))
            // The exports carry the class and the labels
            let csv = try await secretary.get("/cases/export.csv")
            #expect(csv.body.contains(",Transparency,deployer; transparency Art. 50(1)"))
            let json = try await secretary.get("/cases/export.json")
            #expect(json.body.contains("\"class\" : \"transparency\""))
        }
    }

    @Test func aHighRiskClassificationTakesTheHighRiskPath() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            // Ready in every area, internal, no personal data: only the AI Act makes it high-risk
            let id = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(
                title: "CV screening", customerFacing: false, personalData: false, overrides: [:],
                aiAct: AIActClassifierTests.plain.merging(["role.operator": "deployer", "annex3.use": "4a", "art6_3.profiling": "yes"]) { $1 }))
            let page = try await owner.get("/cases/\(id)")
            #expect(page.body.contains("The AI Act classification is high-risk or prohibited"))
            #expect(page.body.contains("High-risk</strong> — Annex III 4(a)"))
            let (found, _) = try #require(try await c.app.services.cases.find(id: id))
            #expect(found.riskTier == .high)
            #expect(ReviewPath(tier: found.riskTier).decisionInMeeting)
        }
    }

    @Test func aProhibitedCaseIsNeverFavourableWhicheverPathDecides() async throws {
        let c = try await CaseFlowTests.committee()
        let id = try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(
                title: "Mood monitor for agents", customerFacing: false, personalData: true, overrides: [:],
                aiAct: AIActClassifierTests.plain.merging(["role.operator": "deployer", "art5.emotion_workplace": "yes"]) { $1 }))
            let page = try await owner.get("/cases/\(id)")
            #expect(page.body.contains("Prohibited</strong> — Art. 5(1)(f)"))
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.ada.id)", "due_on": "2030-12-31"])
            return id
        }
        // The one place decisions are recorded refuses both favourable outcomes, naming the article
        let decisions = c.app.services.caseDecisions
        for outcome in [DecisionOutcome.favourable, .conditions] {
            await #expect(throws: CaseLifecycle.Refusal(key: "aiact_refusal_prohibited_f")) {
                try await decisions.decide(caseId: id, outcome: outcome, opinion: "Fine.", opinionHTML: "<p>Fine.</p>", charterVersion: nil,
                                           articles: "", procedure: "meeting", meetingOn: nil, conditions: [], by: AuditActor(id: c.ada.id, label: "chair", client: ""))
            }
        }
        #expect(Catalog.messages(.en)[.aiact_refusal_prohibited_f].contains("Art. 5(1)(f)") == true)
        #expect(Catalog.messages(.fr)[.aiact_refusal_prohibited_f].contains("art. 5, par. 1, point f)") == true)
        try await decisions.decide(caseId: id, outcome: .unfavourable, opinion: "Prohibited.", opinionHTML: "<p>Prohibited.</p>",
                                   charterVersion: nil, articles: "", procedure: "meeting", meetingOn: nil, conditions: [], by: AuditActor(id: c.ada.id, label: "chair", client: ""))
        #expect(try await decisions.decision(caseId: id)?.outcome == .unfavourable)
    }

    @Test func theChatbotObligationIsOfferedAndRecordedAsACondition() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await CaseFlowTests.submitted(owner, Self.chatbot())
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.ada.id)", "due_on": "2030-12-31"])
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            try await ada.get("/cases/\(id)")
            try await ada.post("/cases/\(id)/review", ["recommendation": "conditions", "reasoning": "Say it is a bot."])
            let form = try await secretary.get("/cases/\(id)")
            #expect(form.body.contains("name=\"aiact_obligation\" type=\"checkbox\" value=\"art50_1_inform\""))
            // Without a due date the ticked obligation comes back ticked, with the message
            // (Outside a meeting the decision is proposed to a written procedure: the obligation is part of the proposal.)
            let written = ["outcome": "conditions", "opinion": "Favourable if people are told.", "aiact_obligation": "art50_1_inform",
                           "aiact_owner_art50_1_inform": "\(c.owner.id)", "text": "Please vote on this chatbot.", "deadline": "2030-01-15T12:00"]
            var undated = written
            undated["aiact_due_art50_1_inform"] = ""
            let refused = try await secretary.post("/cases/\(id)/written-procedure", undated)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("value=\"art50_1_inform\" checked"))
            var dated = written
            dated["aiact_due_art50_1_inform"] = "2030-06-30"
            let opened = try await secretary.post("/cases/\(id)/written-procedure", dated)
            #expect(opened.status == .seeOther)
            let procedure = try await secretary.get(try #require(opened.location))
            #expect(procedure.body.contains("Tell people they are interacting with an AI system, unless it is obvious (Art. 50(1))."))
        }
    }

    @Test func theMeetingVoteRefusesAFavourableOpinionOnAProhibitedCaseNamingTheArticle() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        let owner = try await app.user("owner@example.org", role: .submitter)
        try await app.services.members.saveSeat(userId: ada.id, external: false, position: .chair, voting: true, termStart: nil,
                                                termEnd: nil, by: .system())
        var draft = CaseDraft(title: "Mood monitor for agents", team: "Quality", vendor: "", kind: .tool, customerFacing: false,
                              personalData: true, confidential: false, description: "Infers agents' emotions.", answers: [:], notes: [:])
        draft.aiActAnswers = AIActClassifierTests.plain.merging(["role.operator": "deployer", "art5.emotion_workplace": "yes"]) { $1 }
        let id = try await app.services.cases.create(draft, descriptionHTML: "<p>x</p>", submitterId: owner.id, by: .system())
        try await app.services.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        try await app.services.caseReviews.assign(caseId: id, userId: ada.id, dueOn: "2030-12-31",
                                                  by: AuditActor(id: secretary.id, label: secretary.email, client: ""))
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            try await browser.get("/meetings/new")
            let created = try await browser.postRaw("/meetings", [
                ("title", "December plenary"), ("starts_at", "2026-12-01T14:00"), ("duration", "120"), ("place", "Room 4"),
                ("invitees", "\(ada.id)"),
            ])
            let meeting = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            try await browser.get("/meetings/\(meeting)")
            try await browser.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(id)"])
            let item = try #require(try await app.services.agenda.items(meetingId: meeting).first?.id)
            try await browser.post("/meetings/\(meeting)/hold")
            try await browser.post("/meetings/\(meeting)/attendance", ["attendance_\(ada.id)": "present"])
            let refused = try await browser.post("/meetings/\(meeting)/items/\(item)/vote", [
                "vote_\(ada.id)": "for", "outcome": "favourable", "decision": "Go ahead."])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("prohibited practice under Art. 5 of the AI Act (Art. 5(1)(f))"))
            #expect(try await app.services.agenda.votes(meetingId: meeting).isEmpty)
            let voted = try await browser.post("/meetings/\(meeting)/items/\(item)/vote", [
                "vote_\(ada.id)": "for", "outcome": "unfavourable", "decision": "Prohibited by Art. 5(1)(f)."])
            #expect(voted.status == .seeOther)
        }
        #expect(try await app.services.caseDecisions.decision(caseId: id)?.outcome == .unfavourable)
    }
}
