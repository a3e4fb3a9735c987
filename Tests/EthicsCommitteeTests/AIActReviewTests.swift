import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The AI Act in the committee's work through HTTP: obligations offered on the meeting's vote, the obligation dates
/// page, the fundamental-rights impact assessment (Art. 27), re-classification and the figures.
@Suite struct AIActReviewTests {
    static let creditScoring = AIActClassifierTests.plain.merging(["role.operator": "deployer", "annex3.use": "5b", "art6_3.profiling": "yes",
                                                                     "fria.public_service": "no"]) { $1 }
    static let chatbot = AIActClassifierTests.plain.merging(["role.operator": "deployer", "art50.interacts": "yes"]) { $1 }

    struct Setting {
        let app: TestApp
        let secretary: User, ada: User, owner: User
        let caseId: Int64
    }

    /// A secretary, Ada (the chair, voting), a project owner and one submitted case with these AI Act answers, Ada
    /// assigned to review it (so it is in review).
    static func setting(_ aiAct: [String: String], title: String = "Support chatbot",
                        description: String = "Answers customers' questions on the website.") async throws -> Setting {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        let owner = try await app.user("owner@example.org", role: .submitter, name: "Olivia Owner")
        try await app.user("admin@example.org", role: .admin, name: "Claire Admin")
        try await app.user("other@example.org", role: .submitter, name: "Oscar Other")
        try await app.services.members.saveSeat(userId: ada.id, external: false, position: .chair, voting: true, termStart: nil,
                                                termEnd: nil, by: .system())
        var draft = CaseDraft(title: title, team: "Customer care", vendor: "", kind: .tool, customerFacing: false,
                              personalData: true, confidential: false, description: description, answers: ["governance.affected": .partly],
                              notes: ["governance.affected": "Retail customers applying for an instalment plan."])
        draft.aiActAnswers = aiAct
        let id = try await app.services.cases.create(draft, descriptionHTML: "<p>x</p>", submitterId: owner.id, by: .system())
        try await app.services.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        try await app.services.caseReviews.assign(caseId: id, userId: ada.id, dueOn: "2030-12-31",
                                                  by: AuditActor(id: secretary.id, label: secretary.email, client: ""))
        return Setting(app: app, secretary: secretary, ada: ada, owner: owner, caseId: id)
    }

    /// A held meeting with the case on its agenda and Ada present; returns the meeting and the item.
    static func heldMeeting(_ s: Setting, _ browser: Browser) async throws -> (Int64, Int64) {
        try await browser.get("/meetings/new")
        let created = try await browser.postRaw("/meetings", [
            ("title", "December plenary"), ("starts_at", "2026-12-01T14:00"), ("duration", "120"), ("place", "Room 4"),
            ("invitees", "\(s.ada.id)"),
        ])
        let meeting = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
        try await browser.get("/meetings/\(meeting)")
        try await browser.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(s.caseId)"])
        let item = try #require(try await s.app.services.agenda.items(meetingId: meeting).first?.id)
        try await browser.post("/meetings/\(meeting)/hold")
        try await browser.post("/meetings/\(meeting)/attendance", ["attendance_\(s.ada.id)": "present"])
        return (meeting, item)
    }

    @Test func theMeetingVoteOffersEachObligationWithItsOwnerAndDueDateAndKeepsThemOnRefusal() async throws {
        let s = try await Self.setting(Self.chatbot)
        try await s.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let (meeting, item) = try await Self.heldMeeting(s, secretary)
            let page = try await secretary.get("/meetings/\(meeting)")
            // Given the chatbot's obligations offered on the roll, each with its own owner and due date
            #expect(page.body.contains("name=\"aiact_obligation\" type=\"checkbox\" value=\"art50_1_inform\""))
            #expect(page.body.contains("name=\"aiact_obligation\" type=\"checkbox\" value=\"art4_literacy\""))
            #expect(page.body.contains("id=\"aiact_owner_art50_1_inform-1\" name=\"aiact_owner_art50_1_inform\""))
            #expect(page.body.contains("id=\"aiact_due_art4_literacy-1\" name=\"aiact_due_art4_literacy\""))
            let vote: [(String, String)] = [
                ("vote_\(s.ada.id)", "for"), ("outcome", "conditions"), ("decision", "Favourable if people are told."),
                ("aiact_obligation", "art50_1_inform"), ("aiact_owner_art50_1_inform", "\(s.owner.id)"),
                ("aiact_due_art50_1_inform", "2027-03-31"),
                ("aiact_obligation", "art4_literacy"), ("aiact_owner_art4_literacy", "\(s.secretary.id)"), ("aiact_due_art4_literacy", ""),
            ]
            // When one ticked obligation has no due date, the vote comes back with everything typed (422)
            let refused = try await secretary.postRaw("/meetings/\(meeting)/items/\(item)/vote", vote)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("value=\"art50_1_inform\" checked"))
            #expect(refused.body.contains("value=\"art4_literacy\" checked"))
            #expect(refused.body.contains("id=\"aiact_due_art50_1_inform-1\" name=\"aiact_due_art50_1_inform\" type=\"date\" value=\"2027-03-31\""))
            #expect(refused.body.contains("aiact_due_art4_literacy-1-error"))
            #expect(refused.body.contains("Favourable if people are told."))
            #expect(try await s.app.services.agenda.votes(meetingId: meeting).isEmpty)
            // An obligation the classification does not bring is refused, not ignored
            let crafted = try await secretary.postRaw("/meetings/\(meeting)/items/\(item)/vote", [
                ("vote_\(s.ada.id)", "for"), ("outcome", "conditions"), ("decision", "Favourable."), ("aiact_obligation", "art26_logs"),
                ("aiact_owner_art26_logs", "\(s.owner.id)"), ("aiact_due_art26_logs", "2027-03-31"),
            ])
            #expect(crafted.status == .unprocessableContent)
            #expect(crafted.body.contains("is not one this case"))
            // A ticked obligation whose owner may not open the case is refused on its own field
            var strangers = vote.filter { !$0.0.hasPrefix("aiact_") || $0.0.contains("art50") || $0.1 == "art50_1_inform" }
            strangers = strangers.map { $0.0 == "aiact_owner_art50_1_inform" ? ($0.0, "999") : $0 }
            let stranger = try await secretary.postRaw("/meetings/\(meeting)/items/\(item)/vote", strangers)
            #expect(stranger.status == .unprocessableContent)
            #expect(stranger.body.contains("aiact_owner_art50_1_inform-1-error"))
            // Then, dated, both become conditions, each with its owner and due date
            let dated = vote.map { $0.0 == "aiact_due_art4_literacy" ? ($0.0, "2027-01-31") : $0 }
            let voted = try await secretary.postRaw("/meetings/\(meeting)/items/\(item)/vote", dated)
            #expect(voted.status == .seeOther)
        }
        let conditions = try await s.app.services.caseDecisions.conditions(caseId: s.caseId)
        #expect(conditions.map(\.text) == [
            "Tell people they are interacting with an AI system, unless it is obvious (Art. 50(1)).",
            Catalog.messages(.en)[.aiact_obligation_art4_literacy],
        ])
        #expect(conditions.map(\.ownerId) == [s.owner.id, s.secretary.id])
        #expect(conditions.map(\.dueOn) == ["2027-03-31", "2027-01-31"])
        #expect(try await s.app.services.caseDecisions.decision(caseId: s.caseId)?.outcome == .conditions)
    }

    @Test func aProhibitedCaseIsRefusedAFavourableVoteAtTheOutcomeWithTheFormKept() async throws {
        let s = try await Self.setting(AIActClassifierTests.plain.merging(["role.operator": "deployer", "art5.emotion_workplace": "yes"]) { $1 },
                                       title: "Mood monitor for agents")
        try await s.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let (meeting, item) = try await Self.heldMeeting(s, secretary)
            // No obligation is offered for a prohibited practice
            #expect(!(try await secretary.get("/meetings/\(meeting)")).body.contains("name=\"aiact_obligation\""))
            for outcome in ["favourable", "conditions"] {
                let refused = try await secretary.post("/meetings/\(meeting)/items/\(item)/vote", [
                    "vote_\(s.ada.id)": "for", "outcome": outcome, "decision": "We like it.",
                    "condition_text_1": "Tell the agents.", "condition_owner_1": "\(s.owner.id)", "condition_due_1": "2027-01-31"])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.body.contains("id=\"outcome-1-error\">This case is classified as a prohibited practice under Art. 5 of the AI Act (Art. 5(1)(f))"))
                #expect(refused.body.contains("We like it."))
            }
            #expect(try await s.app.services.agenda.votes(meetingId: meeting).isEmpty)
        }
        #expect(try await s.app.services.caseDecisions.decision(caseId: s.caseId) == nil)
    }

    @Test func theAdministratorUpdatesADateAndCasesShowWhatAppliesLater() async throws {
        let s = try await Self.setting(Self.chatbot)
        try await s.app.test { client in
            // Only the administrator has the page; others get 404
            for email in ["sec@example.org", "ada@example.org", "owner@example.org"] {
                let other = Browser(client)
                try await other.signIn(email)
                #expect(try await other.get("/admin/ai-act-dates").status == .notFound)
                #expect(try await other.post("/admin/ai-act-dates/transparency", ["applies_on": "2027-01-01", "source": "x"]).status == .notFound)
            }
            let admin = Browser(client)
            try await admin.signIn("admin@example.org")
            let page = try await admin.get("/admin/ai-act-dates")
            #expect(page.status == .ok)
            #expect(page.body.contains("Transparency towards people (Art. 50)"))
            #expect(page.body.contains("value=\"2026-08-02\""))
            #expect((try await admin.get("/admin/settings")).body.contains("href=\"/admin/ai-act-dates\""))
            // Given the case page: Art. 50(1) applies already (the clock is in November 2026)
            let before = try await admin.get("/cases/\(s.caseId)")
            let already = try #require(before.body.range(of: "ai-act-obligations-now")).lowerBound
            #expect(before.body[already...].contains("Tell people they are interacting"))
            // A date that does not parse comes back with what was typed, in its row (422), nothing changed
            let refused = try await admin.post("/admin/ai-act-dates/transparency", ["applies_on": "2027-02-30", "source": "Digital omnibus, Art. 1(12)"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("value=\"2027-02-30\""))
            #expect(refused.body.contains(">Digital omnibus, Art. 1(12)</textarea>"))
            #expect(refused.body.contains("applies_on-transparency-error"))
            let empty = try await admin.post("/admin/ai-act-dates/transparency", ["applies_on": "2027-12-02", "source": " "])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("source-transparency-error"))
            #expect(try await admin.post("/admin/ai-act-dates/unknown", ["applies_on": "2027-12-02", "source": "x"]).status == .notFound)
            // When the administrator moves the date, with its source
            let saved = try await admin.post("/admin/ai-act-dates/transparency", ["applies_on": "2027-12-02", "source": "Digital omnibus, Art. 1(12)"])
            #expect(saved.status == .seeOther)
            let after = try await admin.get("/admin/ai-act-dates")
            #expect(after.body.contains("value=\"2027-12-02\""))
            #expect(after.body.contains("Changed by Claire Admin"))
            // Then the case shows Art. 50(1) among the obligations that apply later, with the new source
            let later = try await admin.get("/cases/\(s.caseId)")
            let from = try #require(later.body.range(of: "ai-act-obligations-later")).lowerBound
            #expect(later.body[from...].contains("Tell people they are interacting"))
            #expect(later.body.contains("Digital omnibus, Art. 1(12)"))
        }
        #expect(try s.app.auditActions().contains("aiact.date_updated"))
        #expect(try await s.app.services.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT detail FROM audit_log WHERE action = 'aiact.date_updated'")
        } == "from=2026-08-02 to=2027-12-02 source_changed")
    }

    @Test func theFundamentalRightsImpactAssessmentIsWrittenByItsOwnerReadByTheCommitteeAndPinnedToTheDecision() async throws {
        let s = try await Self.setting(Self.creditScoring, title: "Instalment plan eligibility",
                                       description: "Scores customers' creditworthiness before an instalment plan.")
        try await s.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let casePage = try await owner.get("/cases/\(s.caseId)")
            #expect(casePage.body.contains("requires a fundamental-rights impact assessment (Art. 27)"))
            #expect(casePage.body.contains("href=\"/cases/\(s.caseId)/fria\""))
            // The owner's form starts from the case's description and readiness notes (not asked again)
            let page = try await owner.get("/cases/\(s.caseId)/fria")
            #expect(page.status == .ok)
            #expect(page.body.contains("Required by this case"))
            #expect(page.body.contains("creditworthiness before an instalment plan.</textarea>"))
            #expect(page.body.contains("Retail customers applying for an instalment plan."))
            #expect(page.body.contains("Data-protection answers already given"))
            // Another project owner, and anyone else who may not open the case, get 404
            let other = Browser(client)
            try await other.signIn("other@example.org")
            #expect(try await other.get("/cases/\(s.caseId)/fria").status == .notFound)
            #expect(try await other.post("/cases/\(s.caseId)/fria", ["processes": "x"]).status == .notFound)
            #expect(try await other.get("/cases/\(s.caseId)/fria/print").status == .notFound)
            // The committee reads it but does not write it: no form, and a post answers 404
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let read = try await ada.get("/cases/\(s.caseId)/fria")
            #expect(read.status == .ok)
            #expect(!read.body.contains("id=\"fria-form\""))
            #expect(try await ada.post("/cases/\(s.caseId)/fria", ["processes": "x"]).status == .notFound)
            // A decision is refused until it is written, naming Art. 27
            let decisions = s.app.services.caseDecisions
            await #expect(throws: CaseLifecycle.Refusal(key: "aiact_refusal_fria_missing")) {
                try await decisions.decide(caseId: s.caseId, outcome: .favourable, opinion: "Fine.", opinionHTML: "<p>Fine.</p>",
                                           charterVersion: nil, articles: "", procedure: "meeting", meetingOn: nil, conditions: [],
                                           by: AuditActor(id: s.ada.id, label: "chair", client: ""))
            }
            #expect(Catalog.messages(.en)[.aiact_refusal_fria_missing].contains("Art. 27") == true)
            #expect(Catalog.messages(.fr)[.aiact_refusal_fria_missing].contains("art. 27") == true)
            // An element left empty comes back with every text typed (422)
            try await owner.get("/cases/\(s.caseId)/fria")
            var fields = ["processes": "Instalment plans above €500.", "period": "Every application, for three years.",
                          "persons": "Retail customers.", "risks": "Unfair refusals of credit.", "oversight": "An analyst checks every refusal.",
                          "measures": "", "base_version": "0"]
            let refused = try await owner.post("/cases/\(s.caseId)/fria", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains(">Unfair refusals of credit.</textarea>"))
            #expect(refused.body.contains("fria-measures-error"))
            fields["measures"] = "Complaints to the credit desk within 30 days; the model is paused."
            let saved = try await owner.post("/cases/\(s.caseId)/fria", fields)
            #expect(saved.status == .seeOther)
            // A save from a stale page is refused (409) with the text kept
            fields["risks"] = "A newer view of the risks."
            let stale = try await owner.post("/cases/\(s.caseId)/fria", fields)
            #expect(stale.status == .conflict)
            #expect(stale.body.contains(">A newer view of the risks.</textarea>"))
            #expect(stale.body.contains("Someone saved a new version"))
            // The print view of the version
            let print = try await ada.get("/cases/\(s.caseId)/fria/print?version=1")
            #expect(print.status == .ok)
            #expect(print.body.contains("(f) If the risks materialise"))
            #expect(print.body.contains("Complaints to the credit desk within 30 days"))
            #expect(try await ada.get("/cases/\(s.caseId)/fria/print?version=7").status == .notFound)
            // Then the decision is taken on version 1 and says so
            try await decisions.decide(caseId: s.caseId, outcome: .favourable, opinion: "Fine.", opinionHTML: "<p>Fine.</p>",
                                       charterVersion: nil, articles: "", procedure: "meeting", meetingOn: nil, conditions: [],
                                       by: AuditActor(id: s.ada.id, label: "chair", client: ""))
            #expect(try await decisions.decision(caseId: s.caseId)?.friaVersion == 1)
            let decided = try await owner.get("/cases/\(s.caseId)")
            #expect(decided.body.contains("Decided on the fundamental-rights impact assessment, version 1 (Art. 27)."))
            let letter = try await owner.get("/cases/\(s.caseId)/opinion-letter")
            #expect(letter.body.contains("id=\"letter-fria\">Decided on the fundamental-rights impact assessment, version 1 (Art. 27)."))
            // Once decided, the assessment no longer changes: the owner gets no form, and a post answers 409 with the text kept
            let frozen = try await owner.get("/cases/\(s.caseId)/fria")
            #expect(!frozen.body.contains("id=\"fria-form\""))
            fields["base_version"] = "1"
            let late = try await owner.post("/cases/\(s.caseId)/fria", fields)
            #expect(late.status == .conflict)
        }
        #expect(try s.app.auditActions().filter { $0 == "aiact.fria_written" }.count == 1)
    }

    @Test func staffSeeTheCasesAnEarlierQuestionnaireClassifiedAndReclassifyThem() async throws {
        let s = try await Self.setting(Self.chatbot)
        // Given a case classified with an earlier version whose stored class no longer matches its answers
        try await s.app.services.database.writer.write { db in
            try db.execute(sql: "UPDATE case_ai_act SET risk_class = 'minimal' WHERE case_id = ?", arguments: [s.caseId])
        }
        let store = AIActReclassifyStore(db: s.app.services.database, clock: s.app.clock.appClock)
        #expect(try await store.outdated(page: 1, size: 25).total == 0)
        let listed = try await store.outdated(current: AIActQuestionnaire.version + 1, page: 1, size: 25)
        #expect(listed.rows.map(\.caseId) == [s.caseId])
        let view = AIActReclassifyPage(listed, language: .en)
        #expect(view.rows.first?.changes == true)
        #expect(view.rows.first?.then.hasPrefix("Transparency") == true)
        #expect(view.rows.first?.now.hasPrefix("version 1 — Minimal") == true)
        try await s.app.test { client in
            for email in ["ada@example.org", "owner@example.org"] {
                let other = Browser(client)
                try await other.signIn(email)
                #expect(try await other.get("/cases/ai-act-reclassify").status == .notFound)
                #expect(try await other.post("/cases/\(s.caseId)/ai-act-reclassify").status == .notFound)
            }
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let list = try await secretary.get("/cases/ai-act-reclassify")
            #expect(list.status == .ok)
            #expect(list.body.contains("Every open and approved case was classified with the current questionnaire."))
            #expect((try await secretary.get("/cases")).body.contains("href=\"/cases/ai-act-reclassify\""))
            #expect(try await secretary.post("/cases/999999/ai-act-reclassify").status == .notFound)
            let done = try await secretary.post("/cases/\(s.caseId)/ai-act-reclassify")
            #expect(done.status == .seeOther)
        }
        // Then the stored class follows the answers again, and the audit trail says from what to what
        #expect(try await AIActStore(db: s.app.services.database).record(caseId: s.caseId).riskClass == .transparency)
        #expect(try await s.app.services.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT detail FROM audit_log WHERE action = 'aiact.reclassified'")
        } == "from=v1:minimal to=v1:transparency")
    }

    @Test func theFiguresCountTheCasesByAIActClassAndRole() async throws {
        let s = try await Self.setting(Self.chatbot)
        let secretary = Requester(userId: s.secretary.id, role: .secretary)
        let period = ReportPeriod(year: 2026, timeZone: "Europe/Paris")
        let figures = try await ReportStore(db: s.app.services.database).figures(for: secretary, period: period, today: "2026-11-18",
                                                                                localOffset: "+0 hours")
        #expect(figures.aiActClasses["transparency"] == 1)
        #expect(figures.aiActClasses["high_risk"] == 0)
        #expect(figures.aiActRoles["deployer"] == 1)
        try await s.app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let page = try await browser.get("/figures?year=2026")
            #expect(page.body.contains("AI Act class of the cases opened in 2026"))
            #expect(page.body.contains("Operator role of the cases opened in 2026 (AI Act)"))
            let annual = try await browser.get("/reports/annual?year=2026")
            #expect(annual.body.contains("Under the EU AI Act"))
        }
    }

    @Test func closingTheMembersVoteRecordsATickedObligationWithItsOwnerAndDueDate() async throws {
        let s = try await Self.setting(Self.chatbot)
        try await s.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let (meeting, item) = try await Self.heldMeeting(s, secretary)
            let base = "/meetings/\(meeting)/items/\(item)"
            #expect(try await secretary.post("\(base)/vote/open").status == .seeOther)
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            try await ada.get("/meetings/\(meeting)")
            #expect(try await ada.post("\(base)/ballot", ["choice": "for"]).status == .seeOther)
            // The close form offers the obligations (ids suffixed for the close form)
            let page = try await secretary.get("/meetings/\(meeting)")
            #expect(page.body.contains("id=\"aiact_owner_art50_1_inform-close-1\" name=\"aiact_owner_art50_1_inform\""))
            let close = ["outcome": "conditions", "decision": "Favourable if people are told.", "confirm": "1",
                         "aiact_obligation": "art50_1_inform", "aiact_owner_art50_1_inform": "\(s.owner.id)", "aiact_due_art50_1_inform": "20270331"]
            let refused = try await secretary.post("\(base)/vote/close", close)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("value=\"art50_1_inform\" checked"))
            #expect(refused.body.contains("value=\"20270331\""))
            var dated = close
            dated["aiact_due_art50_1_inform"] = "2027-03-31"
            #expect(try await secretary.post("\(base)/vote/close", dated).status == .seeOther)
        }
        let conditions = try await s.app.services.caseDecisions.conditions(caseId: s.caseId)
        #expect(conditions.map(\.text) == ["Tell people they are interacting with an AI system, unless it is obvious (Art. 50(1))."])
        #expect(conditions.map(\.ownerId) == [s.owner.id])
        #expect(conditions.map(\.dueOn) == ["2027-03-31"])
    }

    @Test func theMeetingVoteRefusesAFavourableOpinionWhileTheRequiredAssessmentIsMissing() async throws {
        let s = try await Self.setting(Self.creditScoring, title: "Instalment plan eligibility")
        try await s.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let (meeting, item) = try await Self.heldMeeting(s, secretary)
            let refused = try await secretary.post("/meetings/\(meeting)/items/\(item)/vote", [
                "vote_\(s.ada.id)": "for", "outcome": "favourable", "decision": "Go ahead with the scoring."])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"outcome-1-error\">This case"))
            #expect(refused.body.contains("(Art. 27 of the AI Act)"))
            #expect(refused.body.contains("Go ahead with the scoring."))
            // An unfavourable opinion needs no assessment
            let voted = try await secretary.post("/meetings/\(meeting)/items/\(item)/vote", [
                "vote_\(s.ada.id)": "for", "outcome": "unfavourable", "decision": "No assessment, no scoring."])
            #expect(voted.status == .seeOther)
        }
        #expect(try await s.app.services.caseDecisions.decision(caseId: s.caseId)?.friaVersion == nil)
    }

    @Test func aCaseNoLongerOpenIsNotReclassified() async throws {
        let s = try await Self.setting(Self.chatbot)
        try await s.app.services.cases.move(id: s.caseId, from: .inReview, to: .withdrawn, transition: .withdraw, by: .system())
        try await s.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/ai-act-reclassify")
            let refused = try await secretary.post("/cases/\(s.caseId)/ai-act-reclassify")
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("no longer open or approved"))
        }
        #expect(!(try s.app.auditActions().contains("aiact.reclassified")))
    }
}
