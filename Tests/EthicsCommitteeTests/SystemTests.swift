import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The register of AI systems (issue 18): registering from a decided case, access following the case (lists, counts
/// and lookups agree with the policy), refusals keeping what was typed, suspension bringing the system back before the
/// committee, substantive changes shown as a diff, attestations, the review sweep, the decision that supersedes.
@Suite struct SystemTests {
    /// A case through to a favourable decision, with readiness answers.
    static func decidedCase(_ app: TestApp, owner: Int64, by secretary: Int64, title: String = "Website chatbot", confidential: Bool = false,
                            answers: [String: Readiness.Answer] = ["governance.purpose": .yes, "crisis.fallback": .partly]) async throws -> Int64 {
        let draft = CaseDraft(title: title, team: "Care", vendor: "Parlo AI", kind: .tool, customerFacing: true, personalData: false,
                              confidential: confidential, description: "Answers customers.", answers: answers, notes: [:])
        let id = try await app.services.cases.create(draft, descriptionHTML: "<p>Answers customers.</p>", submitterId: owner, by: .system())
        try await app.services.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        try await app.services.cases.move(id: id, from: .submitted, to: .inReview, transition: .startReview, by: .system())
        try await app.services.caseDecisions.decide(caseId: id, outcome: .conditions, opinion: "Fine.", opinionHTML: "<p>Fine.</p>",
                                                    charterVersion: nil, articles: "", procedure: "written", meetingOn: nil,
                                                    conditions: [NewCondition(text: "Keep a person reachable", ownerId: owner, dueOn: "2027-06-30")],
                                                    by: AuditActor(id: secretary, label: "sec", client: ""))
        return id
    }

    static func register(_ app: TestApp, caseId: Int64?, owner: Int64, name: String = "Chatbot", status: SystemStatus = .inService) async throws -> Int64 {
        try await app.services.systems.register(SystemDraft(name: name, ownerId: owner, vendor: "Parlo AI", model: "Assist 3",
                                                            purpose: "Answers customers.", status: status, deployedOn: "2026-11-01"),
                                                caseId: caseId, today: "2026-11-18", by: .system())
    }

    @Test func aDecidedCaseRegistersItsSystemAndARefusedFormKeepsWhatWasTyped() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter, name: "Olga Owner")
        let caseId = try await Self.decidedCase(app, owner: owner.id, by: secretary.id)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            // Given a decided favourable case, its page offers to register its system, prefilled from the case
            let casePage = try await browser.get("/cases/\(caseId)")
            #expect(casePage.body.contains("href=\"/systems/new?case=\(caseId)\""))
            let form = try await browser.get("/systems/new?case=\(caseId)")
            #expect(form.body.contains("value=\"Website chatbot\""))
            #expect(form.body.contains("maxlength=\"200\""))
            // When the form is refused (no name, a bad date), every value comes back with the message by its field
            let refused = try await browser.post("/systems", ["case_id": "\(caseId)", "name": "", "owner_id": "\(owner.id)", "vendor": "Parlo AI",
                                                              "model": "Assist 3", "purpose": "Answers customers.", "deployed_on": "soon",
                                                              "data_sources": "Help centre", "status": "in_service"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("action=\"/systems#system-form\""))
            #expect(refused.body.contains("value=\"Assist 3\"") && refused.body.contains("value=\"Help centre\"") && refused.body.contains("value=\"soon\""))
            #expect(refused.body.contains("Enter a date as YYYY-MM-DD."))
            #expect(refused.body.contains("<option value=\"in_service\" selected>"))
            // Then valid, it is registered with the case's tier, conditions and next review
            let created = try await browser.post("/systems", ["case_id": "\(caseId)", "name": "Website chatbot", "owner_id": "\(owner.id)",
                                                              "vendor": "Parlo AI", "model": "Assist 3", "purpose": "Answers customers.",
                                                              "deployed_on": "2026-11-01", "status": "in_service"])
            #expect(created.status == .seeOther)
            let id = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let page = try await browser.get("/systems/\(id)")
            #expect(page.body.contains("Keep a person reachable"))
            #expect(page.body.contains("In force"))
            #expect(!page.body.contains("Never reviewed"))
            // The case is registered once: a second registration is refused, and the case no longer offers it
            let again = try await browser.post("/systems", ["case_id": "\(caseId)", "name": "Twice", "owner_id": "\(owner.id)", "purpose": "x"])
            #expect(again.status == .unprocessableContent)
            #expect(!(try await browser.get("/cases/\(caseId)")).body.contains("/systems/new?case="))
            // A project without a case is flagged never reviewed, and due for review at once
            let legacy = try await browser.post("/systems", ["name": "Legacy FAQ bot", "owner_id": "\(owner.id)", "purpose": "Old.",
                                                             "risk_tier": "low", "status": "in_service"])
            let legacyId = try #require(legacy.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let legacyPage = try await browser.get("/systems/\(legacyId)")
            #expect(legacyPage.body.contains("Never reviewed"))
        }
        let actions = try app.auditActions()
        #expect(actions.filter { $0 == "system.registered" }.count == 2)
    }

    @Test func aSystemOfAConfidentialCaseAnswers404ToWhoeverMayNotOpenTheCase() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        try await app.user("other@example.org", role: .submitter)
        try await app.user("ada@example.org", role: .member)
        try await app.user("turing@uni.example", role: .expert)
        let caseId = try await Self.decidedCase(app, owner: owner.id, by: secretary.id, title: "Secret refunds", confidential: true)
        let id = try await Self.register(app, caseId: caseId, owner: owner.id, name: "Refund assistant")
        try await app.test { client in
            for email in ["ada@example.org", "turing@uni.example", "other@example.org"] {
                let browser = Browser(client)
                try await browser.signIn(email)
                #expect(try await browser.get("/systems/\(id)").status == .notFound)
                #expect(try await browser.get("/systems/\(id)/status/suspend").status == .notFound)
                #expect(try await browser.post("/systems/\(id)/status/suspend", ["reason": "x", "confirm": "1"]).status == .notFound)
                #expect(try await browser.post("/systems/\(id)/attest", ["outcome": "as_approved"]).status == .notFound)
                #expect(try await browser.post("/systems/\(id)/change", ["model": "New", "purpose": "x", "explanation": "y"]).status == .notFound)
                let list = try await browser.get("/systems")
                #expect(list.status == .ok && !list.body.contains("Refund assistant"))
            }
            // The owner sees it but may not suspend it; the staff may
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            #expect(try await owner.get("/systems/\(id)").status == .ok)
            #expect(!(try await owner.get("/systems/\(id)")).body.contains("/status/suspend"))
            #expect(try await owner.post("/systems/\(id)/status/suspend", ["reason": "x", "confirm": "1"]).status == .notFound)
            #expect(try await owner.get("/systems/\(id)/edit").status == .notFound)
            let staff = Browser(client)
            try await staff.signIn("sec@example.org")
            #expect(try await staff.get("/systems/\(id)").body.contains("/systems/\(id)/status/suspend"))
        }
    }

    @Test func listsCountsAndLookupsAgreeWithThePolicyForEveryRole() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let other = try await app.user("other@example.org", role: .submitter)
        let ada = try await app.user("ada@example.org", role: .member)
        let expert = try await app.user("turing@uni.example", role: .expert)
        let admin = try await app.user("admin@example.org", role: .admin)
        let open = try await Self.decidedCase(app, owner: owner.id, by: secretary.id, title: "Open case")
        let secret = try await Self.decidedCase(app, owner: owner.id, by: secretary.id, title: "Secret case", confidential: true)
        let reviewed = try await Self.decidedCase(app, owner: other.id, by: secretary.id, title: "Reviewed secret", confidential: true)
        try await app.database.writer.write { db in
            try db.execute(sql: "INSERT INTO case_reviewers (case_id, user_id, assigned_by, assigned_at, due_on) VALUES (?, ?, ?, '2026-01-01', '2026-02-01')",
                           arguments: [reviewed, expert.id, secretary.id])
        }
        _ = try await Self.register(app, caseId: open, owner: owner.id, name: "A open")
        _ = try await Self.register(app, caseId: secret, owner: owner.id, name: "B secret", status: .planned)
        _ = try await Self.register(app, caseId: reviewed, owner: other.id, name: "C reviewed")
        _ = try await Self.register(app, caseId: nil, owner: other.id, name: "D legacy")
        _ = try await Self.register(app, caseId: nil, owner: owner.id, name: "E legacy of owner", status: .planned)
        let everything = try await app.services.systems.allFacts()
        for user in [secretary, owner, other, ada, expert, admin] {
            let actor = Requester(userId: user.id, role: user.role)
            let expected = Set(everything.filter { Policy.decide(actor, .viewSystem($0.1)) == .allow }.map(\.0))
            let (page, counts) = try await app.services.systems.list(for: actor, status: nil, page: 1, size: 2)
            var listed = Set<Int64>()
            for number in 1...page.pageCount {
                listed.formUnion(try await app.services.systems.list(for: actor, status: nil, page: number, size: 2).0.rows.map(\.id))
            }
            #expect(listed == expected, "\(user.role)")
            #expect(page.total == expected.count && counts.total == expected.count, "\(user.role)")
            let planned = try await app.services.systems.list(for: actor, status: .planned, page: 1, size: 50).0
            #expect(planned.total == counts.byStatus[.planned, default: 0], "\(user.role)")
            for (id, _) in everything {
                #expect((try await app.services.systems.find(id: id, for: actor) != nil) == expected.contains(id), "\(user.role) \(id)")
            }
        }
        // The rule itself: the owner always, a confidential case's system only for who may open that case
        #expect(everything.count == 5)
    }

    @Test func suspendingPutsAReReviewCaseOnTheNextAgendaOrSaysItIsToBeScheduled() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let caseId = try await Self.decidedCase(app, owner: owner.id, by: secretary.id)
        let first = try await Self.register(app, caseId: caseId, owner: owner.id, name: "Chatbot")
        let second = try await Self.register(app, caseId: nil, owner: owner.id, name: "Legacy bot")
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            // Without a planned meeting: suspended, and the re-review is to be scheduled
            #expect(try await browser.get("/systems/\(second)/status/suspend").body.contains("id=\"suspend-form\""))
            let unconfirmed = try await browser.post("/systems/\(second)/status/suspend", ["reason": "Wrong answers on refunds", "incident": "INC-7"])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.body.contains("Wrong answers on refunds") && unconfirmed.body.contains("value=\"INC-7\""))
            #expect(try await app.services.systems.find(id: second, for: Requester(userId: secretary.id, role: .secretary))?.0.status == .inService)
            let done = try await browser.post("/systems/\(second)/status/suspend", ["reason": "Wrong answers on refunds", "incident": "INC-7", "confirm": "1"])
            #expect(done.status == .seeOther)
            let page = try await browser.get("/systems/\(second)")
            #expect(page.body.contains("To be scheduled"))
            // With a planned meeting: the re-review case is in review and on its agenda
            let meeting = try await app.services.meetings.create(
                MeetingDraft(title: "December meeting", startsAt: Timestamp.string(app.clock.now + 20 * 86400), duration: 90, place: "Room 1",
                             videoURL: "", invitees: []), by: AuditActor(id: secretary.id, label: "sec", client: ""))
            #expect(try await browser.post("/systems/\(first)/status/suspend", ["reason": "Critical incident", "confirm": "1"]).status == .seeOther)
            let suspended = try await browser.get("/systems/\(first)")
            #expect(suspended.body.contains("December meeting"))
            #expect(suspended.body.contains("Critical incident"))
            let reReview = try #require(try await app.database.writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT case_id FROM system_cases WHERE system_id = ? AND kind = 're_review'", arguments: [first])
            })
            let items = try await app.services.agenda.items(meetingId: meeting)
            #expect(items.contains { $0.caseId == reReview })
            let (found, _) = try #require(try await app.services.cases.find(id: reReview))
            #expect(found.status == .inReview && found.submitterId == owner.id)
            #expect(found.description.contains("Critical incident"))
            // A second suspension of a suspended system is refused; resuming puts it back in service
            #expect(try await browser.post("/systems/\(first)/status/suspend", ["reason": "Again", "confirm": "1"]).status == .notFound)
            #expect(try await browser.post("/systems/\(first)/status/resume").status == .seeOther)
            // Retiring asks first, without JavaScript
            let ask = try await browser.post("/systems/\(first)/status/retire")
            #expect(ask.status == .ok && ask.body.contains("name=\"confirm\" value=\"1\""))
            #expect(try await browser.post("/systems/\(first)/status/retire", ["confirm": "1"]).status == .seeOther)
        }
        let actions = try app.auditActions()
        for action in ["system.suspended", "system.re_review_opened", "system.resumed", "system.retired"] { #expect(actions.contains(action)) }
    }

    @Test func aSubstantiveChangeOpensAReReviewShowingTheDiffAndItsDecisionSupersedes() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let caseId = try await Self.decidedCase(app, owner: owner.id, by: secretary.id)
        let id = try await Self.register(app, caseId: caseId, owner: owner.id)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("owner@example.org")
            try await browser.get("/systems/\(id)")
            // Nothing changed: refused, typed text kept
            let same = try await browser.post("/systems/\(id)/change", ["model": "Assist 3", "purpose": "Answers customers.", "explanation": "Just checking"])
            #expect(same.status == .unprocessableContent && same.body.contains("Just checking"))
            let reported = try await browser.post("/systems/\(id)/change", ["model": "Assist 4", "data_sources": "Order history",
                                                                            "purpose": "Answers customers.", "population": "",
                                                                            "explanation": "The vendor moved us to a new model."])
            #expect(reported.status == .seeOther)
        }
        let reReview = try #require(try await app.database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT case_id FROM system_cases WHERE system_id = ? AND kind = 're_review'", arguments: [id])
        })
        // The owner brings the answers up to date: the fallback is now in place
        var (found, _) = try #require(try await app.services.cases.find(id: reReview))
        #expect(found.status == .draft && found.title.contains("Chatbot"))
        let draft = CaseDraft(title: found.title, team: found.team, vendor: found.vendor, kind: found.kind, customerFacing: true, personalData: false,
                              confidential: false, description: found.description,
                              answers: ["governance.purpose": .yes, "crisis.fallback": .yes], notes: [:])
        try await app.services.cases.update(id: reReview, draft, descriptionHTML: "<p>x</p>", by: .system())
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let page = try await browser.get("/cases/\(reReview)")
            #expect(page.body.contains("Assist 3") && page.body.contains("Assist 4"))
            #expect(page.body.contains("id=\"answers-diff\""))
            #expect(page.body.contains("Partly") && page.body.contains("Yes"))
            // A second change while the re-review is under way is refused (no form offered)
            #expect(!(try await browser.get("/systems/\(id)")).body.contains("id=\"change-form\""))
        }
        // The re-review decided: it supersedes the first decision and the next review counts from it
        try await app.services.cases.move(id: reReview, from: .draft, to: .submitted, transition: .submit, by: .system())
        try await app.services.cases.move(id: reReview, from: .submitted, to: .inReview, transition: .startReview, by: .system())
        app.clock.advance(40 * 86400)
        try await app.services.caseDecisions.decide(caseId: reReview, outcome: .favourable, opinion: "Still fine.", opinionHTML: "<p>ok</p>",
                                                    charterVersion: nil, articles: "", procedure: "written", meetingOn: nil, conditions: [],
                                                    by: AuditActor(id: secretary.id, label: "sec", client: ""))
        let detail = try await app.services.systems.detail(systemId: id)
        #expect(detail.inForce?.caseId == reReview)
        #expect(detail.conditions.isEmpty)
        let system = try #require(try await app.services.systems.find(id: id, for: Requester(userId: secretary.id, role: .secretary))).0
        #expect(system.nextReviewOn == SystemSchedule().nextReview(after: String(Timestamp.string(app.clock.now).prefix(10)), tier: system.riskTier))
        #expect(system.model == "Assist 4")
        (found, _) = try #require(try await app.services.cases.find(id: caseId))
        _ = found
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            #expect(try await browser.get("/systems/\(id)").body.contains("Superseded"))
        }
    }

    @Test func aMissedAttestationShowsOnTheSecretarysHomeAndTheSweepOpensDueReviews() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let caseId = try await Self.decidedCase(app, owner: owner.id, by: secretary.id)
        let id = try await Self.register(app, caseId: caseId, owner: owner.id, name: "Attested bot")
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("owner@example.org")
            try await browser.get("/systems/\(id)")
            // A refused attestation ("changed" without saying what) keeps the choice
            let refused = try await browser.post("/systems/\(id)/attest", ["outcome": "changed", "note": ""])
            #expect(refused.status == .unprocessableContent && refused.body.contains("Say what changed."))
            #expect(refused.body.contains("value=\"changed\" checked"))
            #expect(try await browser.post("/systems/\(id)/attest", ["outcome": "as_approved"]).status == .seeOther)
        }
        // Seven months later nobody attested again: the secretary's home page flags it
        app.clock.advance(215 * 86400)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let home = try await browser.get("/")
            #expect(home.body.contains("Missed attestations") && home.body.contains("Attested bot"))
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            #expect(try await owner.get("/").body.contains("Attestations due on your systems"))
        }
        // Two years on, the review is due: the sweep opens one re-review, once
        app.clock.advance(800 * 86400)
        let sweep = DueDateSweep(db: app.database, formats: app.services.formats)
        try await sweep.run()
        try await sweep.run()
        let opened = try await app.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM system_cases WHERE system_id = ? AND kind = 're_review' AND reason = 'due'", arguments: [id])
        }
        #expect(opened == 1)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let figures = try await browser.get("/figures")
            #expect(figures.body.contains("id=\"systems-overdue\"") && figures.body.contains("Attested bot"))
        }
    }

    @Test func theSettingsHoldTheIntervalsAndARefusedValueIsKept() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("admin@example.org")
            let page = try await browser.get("/admin/settings")
            #expect(page.body.contains("name=\"review_months_high\"") && page.body.contains("value=\"12\""))
            var form = ["committee_name": "AI Ethics Committee", "time_zone": "UTC", "declaration_text": "text", "default_language": "en",
                        "quorum_rule": "majority", "review_months_high": "0", "review_months_medium": "24", "review_months_low": "36",
                        "attestation_months": "3"]
            let refused = try await browser.post("/admin/settings", form)
            #expect(refused.status == .unprocessableContent && refused.body.contains("value=\"0\"") && refused.body.contains("from 1 to 120"))
            form["review_months_high"] = "6"
            #expect(try await browser.post("/admin/settings", form).status == .seeOther)
        }
        #expect(app.services.settings.current.systemSchedule == SystemSchedule(reviewMonthsHigh: 6, attestationMonths: 3))
    }

    @Test func anEditRefusedOrOverwrittenMeanwhileKeepsWhatWasTyped() async throws {
        let app = try await TestApp.make()
        try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let id = try await Self.register(app, caseId: nil, owner: owner.id, name: "Legacy bot")
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let form = try await browser.get("/systems/\(id)/edit")
            #expect(form.body.contains("name=\"revision\" value=\"1\""))
            // A name over the limit: refused by its field, the rest kept
            let long = String(repeating: "x", count: 201)
            let refused = try await browser.post("/systems/\(id)/edit", ["name": long, "owner_id": "\(owner.id)", "purpose": "Kept purpose",
                                                                          "risk_tier": "high", "revision": "1"])
            #expect(refused.status == .unprocessableContent && refused.body.contains("Kept purpose"))
            #expect(refused.body.contains("action=\"/systems/\(id)/edit#system-form\""))
            // Someone saved meanwhile: 409, what this person typed still on the form
            try await app.services.systems.update(id: id, SystemDraft(name: "Saved by another", ownerId: owner.id, purpose: "x"), revision: 1,
                                                  by: .system())
            let stale = try await browser.post("/systems/\(id)/edit", ["name": "My name", "owner_id": "\(owner.id)", "purpose": "My purpose",
                                                                        "risk_tier": "high", "revision": "1"])
            #expect(stale.status == .conflict && stale.body.contains("value=\"My name\"") && stale.body.contains("Someone saved this record"))
            #expect(try await browser.post("/systems/\(id)/edit", ["name": "My name", "owner_id": "\(owner.id)", "purpose": "My purpose",
                                                                    "risk_tier": "high", "revision": "2"]).status == .seeOther)
        }
        let system = try #require(try await app.services.systems.find(id: id, for: Requester(userId: owner.id, role: .submitter))).0
        #expect(system.name == "My name" && system.riskTier == .high && system.revision == 3)
    }

    @Test func thePolicyTableOfSystemActions() {
        let confidential = CaseFacts(submitterId: 6, confidential: true, status: .decided, reviewers: [9])
        let open = CaseFacts(submitterId: 6, confidential: false, status: .decided)
        #expect(Policy.decide(nil, .viewSystems) == .signInRequired)
        for role in Role.allCases {
            let me = Requester(userId: 7, role: role)
            let staff = role == .admin || role == .secretary
            func allowed(_ action: Action) -> Bool { Policy.decide(me, action) == .allow }
            let secret = SystemFacts(ownerId: 6, status: .inService, cases: [confidential])
            let shared = SystemFacts(ownerId: 6, status: .inService, cases: [open])
            let legacy = SystemFacts(ownerId: 6, status: .inService)
            let mine = SystemFacts(ownerId: 7, status: .inService, cases: [confidential])
            // Seeing: the case's readers, the owner; a system without a case, every committee account
            #expect(allowed(.viewSystem(secret)) == staff, "\(role)")
            #expect(allowed(.viewSystem(shared)) == (staff || role == .member), "\(role)")
            #expect(allowed(.viewSystem(legacy)) == (role != .submitter), "\(role)")
            #expect(allowed(.viewSystem(mine)), "\(role)")
            // Acting: the staff register, edit and change the status; the owner attests and reports changes
            #expect(allowed(.registerSystem) == staff)
            #expect(allowed(.editSystem(shared)) == staff)
            #expect(allowed(.suspendSystem(mine)) == staff)
            #expect(!allowed(.suspendSystem(secret)) || staff)
            #expect(allowed(.attestSystem(mine)))
            #expect(!allowed(.attestSystem(shared)))
            #expect(allowed(.reportSystemChange(mine)))
            #expect(allowed(.reportSystemChange(shared)) == staff)
            // By status: suspend from planned or in service, resume from planned or suspended, nothing once retired
            for status in SystemStatus.allCases {
                let facts = SystemFacts(ownerId: 7, status: status, cases: [open])
                #expect(allowed(.suspendSystem(facts)) == (staff && [.planned, .inService].contains(status)))
                #expect(allowed(.resumeSystem(facts)) == (staff && [.planned, .suspended].contains(status)))
                #expect(allowed(.retireSystem(facts)) == (staff && status != .retired))
                #expect(allowed(.attestSystem(facts)) == (status == .inService))
                #expect(allowed(.reportSystemChange(facts)) == (status != .retired))
            }
        }
    }

    @Test func monthsAreCalendarMonthsAndTheDiffListsOnlyWhatChanged() {
        #expect(SystemSchedule.adding(months: 1, to: "2027-01-31") == "2027-02-28")
        #expect(SystemSchedule.adding(months: 12, to: "2026-11-18") == "2027-11-18")
        #expect(SystemSchedule().nextReview(after: "2026-01-10", tier: .low) == "2029-01-10")
        let before = ReReviewDiff.Answers(readiness: ["governance.purpose": .yes, "crisis.fallback": .no], aiAct: ["scope.ai_system": "yes"])
        var after = before
        after.readiness["crisis.fallback"] = .yes
        after.notes["crisis.fallback"] = "Agents take over"
        let lines = ReReviewDiff.lines(before: before, after: after)
        #expect(lines == [ReReviewDiff.Line(question: "readiness:crisis.fallback", before: "no", after: "yes · Agents take over")])
        #expect(ReReviewDiff.lines(before: before, after: before).isEmpty)
    }
}
