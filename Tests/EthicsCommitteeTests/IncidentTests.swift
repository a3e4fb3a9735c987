import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Incidents and feedback (issue 18): reporting on a system one may see (404 otherwise), evidence checked like case
/// attachments, the list agreeing with the policy, triage and its audit, critical notifications, the public form.
@Suite struct IncidentTests {
    struct World {
        let c: MeetingFlowTests.Committee
        /// Linked to the open case (Bob is recused from it, Turing reviews it), owned by Olivia.
        let openSystem: Int64
        /// Linked to the confidential case (only Carol reviews it).
        let secretSystem: Int64
        /// Predates the committee: no case; owned by Olivia.
        let legacySystem: Int64
        let stranger: User
    }

    /// Systems written directly (fixtures; the register's own forms are tested with it).
    static func system(_ app: TestApp, name: String, owner: Int64, createdBy: Int64, caseId: Int64?) async throws -> Int64 {
        try await app.database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO systems (name, owner_id, risk_tier, status, next_review_on, created_by, created_at, updated_at)
                VALUES (?, ?, 'high', 'in_service', '2031-01-01', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                """, arguments: [name, owner, createdBy])
            let id = db.lastInsertedRowID
            if let caseId {
                try db.execute(sql: "INSERT INTO system_cases (system_id, case_id, kind, linked_at) VALUES (?, ?, 'approval', '2026-01-01T00:00:00Z')",
                               arguments: [id, caseId])
            }
            return id
        }
    }

    static func world() async throws -> World {
        let c = try await MeetingFlowTests.committee()
        let stranger = try await c.app.user("stranger@example.org", role: .submitter, name: "Other Owner")
        return World(c: c,
                     openSystem: try await system(c.app, name: "Claims assistant", owner: c.owner.id, createdBy: c.secretary.id, caseId: c.open),
                     secretSystem: try await system(c.app, name: "Voice clone", owner: c.owner.id, createdBy: c.secretary.id, caseId: c.secret),
                     legacySystem: try await system(c.app, name: "Old FAQ bot", owner: c.owner.id, createdBy: c.secretary.id, caseId: nil),
                     stranger: stranger)
    }

    static let report: [String: String] = [
        "title": "Wrong refund policy", "description": "The assistant quoted a refund policy we withdrew in March.",
        "occurred_on": "2026-11-10", "harm_type": "wrong_answer", "severity": "minor", "people_affected": "12",
        "fallback_used": "yes", "actions_taken": "Answer corrected.",
    ]

    static func id(_ page: Browser.Page) -> Int64? { page.location.flatMap { Int64($0.split(separator: "/").last ?? "") } }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

    @Test func aReportNeedsASystemOneMaySeeAndEvidenceIsCheckedWithTheFormKept() async throws {
        let w = try await Self.world()
        try await w.c.app.test { client in
            // A member recused from the open case cannot see its system: the form and the post answer 404
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            #expect(try await bob.get("/systems/\(w.openSystem)/incidents/new").status == .notFound)
            try await bob.get("/incidents")
            #expect(try await bob.uploadFiles("/systems/\(w.openSystem)/incidents", fields: Self.report, files: []).status == .notFound)
            // nor may another project owner report on Olivia's systems
            let other = Browser(client)
            try await other.signIn("stranger@example.org")
            #expect(try await other.get("/systems/\(w.legacySystem)/incidents/new").status == .notFound)

            // The project owner reports on her system; a file that is not an accepted type is refused with the rest kept
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            #expect(try await owner.get("/systems/\(w.openSystem)/incidents/new").status == .ok)
            let refused = try await owner.uploadFiles("/systems/\(w.openSystem)/incidents", fields: Self.report,
                                                      files: [("evidence", "trace.exe", Array("MZ\u{90}binary".utf8))])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("This type of file is not accepted"))
            #expect(refused.body.contains("value=\"Wrong refund policy\""))
            #expect(refused.body.contains("we withdrew in March.</textarea>"))
            #expect(refused.body.contains("Answer corrected.</textarea>"))
            #expect(refused.body.contains("<option value=\"wrong_answer\" selected>"))
            #expect(refused.body.contains("id=\"fallback-yes\" name=\"fallback_used\" value=\"yes\" checked"))
            #expect(try w.c.app.auditActions().filter { $0 == "incident.reported" }.isEmpty)

            let sent = try await owner.uploadFiles("/systems/\(w.openSystem)/incidents", fields: Self.report,
                                                   files: [("evidence", "screen.png", Self.png)])
            #expect(sent.status == .seeOther)
            let id = try #require(Self.id(sent))
            let page = try await owner.get("/incidents/\(id)")
            #expect(page.body.contains("Wrong refund policy") && page.body.contains("Claims assistant") && page.body.contains("screen.png"))
            // The owner sees no triage form; the evidence downloads as an attachment
            #expect(!page.body.contains("id=\"triage-form\""))
            let file = try await owner.get("/incidents/\(id)/attachments/1")
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            // Bob still cannot open it; Turing, who reviews the open case, can
            #expect(try await bob.get("/incidents/\(id)").status == .notFound)
            #expect(try await bob.get("/incidents/\(id)/attachments/1").status == .notFound)
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            #expect(try await turing.get("/incidents/\(id)").status == .ok)
        }
    }

    @Test func theListAndItsCountsAgreeWithThePolicyForEveryone() async throws {
        let w = try await Self.world()
        let s = w.c.app.services
        let owner = Requester(userId: w.c.owner.id, role: .submitter)
        let by = AuditActor(id: w.c.owner.id, label: "owner", client: "")
        let draft = IncidentDraft(title: "t", description: "d", occurredOn: nil, harmType: .outage, severity: .minor, peopleAffected: nil,
                                  fallbackUsed: .unknown, actionsTaken: "")
        for system in [w.openSystem, w.secretSystem, w.legacySystem] {
            var one = draft
            // The confidential system's incident is critical: the chair reads it without seeing the system
            if system == w.secretSystem { one.severity = .critical }
            _ = try await s.incidents.report(one, systemId: system, evidence: [], awareOn: "2026-11-20", reporter: owner, by: by)
        }
        _ = try await s.incidents.receivePublic(draft, awareOn: "2026-11-20", by: .system("public"))
        let all = try await s.incidents.all()
        #expect(all.count == 4)
        for user in [w.c.secretary, w.c.ada, w.c.bob, w.c.carol, w.c.turing, w.c.owner, w.stranger] {
            let actor = Requester(userId: user.id, role: user.role)
            let allowed = Set(all.filter { Policy.decide(actor, .viewIncident($0.1)) == .allow }.map(\.0.id))
            let (page, byStatus) = try await s.incidents.list(for: actor, filter: IncidentFilter())
            #expect(Set(page.rows.map(\.id)) == allowed, Comment(rawValue: user.name))
            #expect(byStatus.values.reduce(0, +) == allowed.count, Comment(rawValue: user.name))
            let figures = try await IncidentFigureStore(db: s.database).figures(
                for: actor, period: ReportPeriod(year: 2026, timeZone: "UTC"), localOffset: "+0 seconds")
            #expect(figures.total == all.filter { allowed.contains($0.0.id) && $0.0.reportedAt.hasPrefix("2026") }.count)
        }
        // Spelled out: the secretary sees all four, Carol (who reviews the confidential case) three, Bob one, the stranger none
        func count(_ user: User) async throws -> Int {
            try await s.incidents.list(for: Requester(userId: user.id, role: user.role), filter: IncidentFilter()).page.total
        }
        #expect(try await count(w.c.secretary) == 4)
        #expect(try await count(w.c.carol) == 3)  // all three systems' (she reviews the confidential case)
        #expect(try await count(w.c.bob) == 1)    // the legacy one only (recused from the open case)
        #expect(try await count(w.c.ada) == 3)    // the chair: the open and legacy ones, and the critical one
        #expect(try await count(w.c.owner) == 3)  // her three systems, not the unassigned public report
        #expect(try await count(w.stranger) == 0)
    }

    @Test func triageIsAuditedARaisedSeverityToCriticalNotifiesTheChairAndClosingAsksFirst() async throws {
        let w = try await Self.world()
        try await w.c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/systems/\(w.openSystem)/incidents/new")
            let id = try #require(Self.id(try await owner.uploadFiles("/systems/\(w.openSystem)/incidents", fields: Self.report, files: [])))

            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/incidents/\(id)")
            #expect(page.body.contains("id=\"triage-form\""))
            let triage: [String: String] = ["system_id": "\(w.openSystem)", "severity": "minor", "owner_id": "\(w.c.owner.id)",
                                            "root_cause": "", "corrective_actions": "", "aware_on": "2026-11-21",
                                            "art73_case": "standard", "authority_notified_on": "", "revision": "1"]
            #expect(try await secretary.post("/incidents/\(id)/triage", triage).status == .seeOther)
            // A second save from the same (stale) page is refused, with what was typed
            var stale = triage
            stale["root_cause"] = "Stale knowledge base"
            let refused = try await secretary.post("/incidents/\(id)/triage", stale)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Someone changed this incident meanwhile") && refused.body.contains("Stale knowledge base</textarea>"))

            // Raising the severity after triage is its own audit entry, and critical notifies the chair and the secretary
            var raised = triage
            raised["severity"] = "critical"
            raised["revision"] = "2"
            #expect(try await secretary.post("/incidents/\(id)/triage", raised).status == .seeOther)
            let actions = try w.c.app.auditActions()
            #expect(actions.contains("incident.triaged") && actions.contains("incident.triage_updated"))
            #expect(actions.contains("incident.severity_raised"))
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let notifications = try await ada.get("/notifications")
            #expect(notifications.body.contains("Critical incident on “Claims assistant”: “Wrong refund policy”."))
            let queued = try await w.c.app.database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM email_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.kind = 'incident_critical'") ?? 0
            }
            #expect(queued == 1)  // the chair's; the secretary raised it himself
            // The serious incident shows its Art. 73 deadline: 15 days from 21 November
            let critical = try await secretary.get("/incidents/\(id)")
            #expect(critical.body.contains("id=\"art73-deadline\"") && critical.body.contains("6 December 2026"))
            #expect(critical.body.contains("href=\"/systems/\(w.openSystem)\""))

            // Closing needs the root cause and corrective actions, and asks first
            #expect(try await secretary.get("/incidents/\(id)/close").status == .ok)
            let incomplete = try await secretary.post("/incidents/\(id)/close", ["confirm": "1"])
            #expect(incomplete.status == .unprocessableContent)
            #expect(incomplete.body.contains("Record the root cause and the corrective actions"))
            var complete = raised
            complete["revision"] = "3"
            complete["root_cause"] = "Stale knowledge base"
            complete["corrective_actions"] = "Nightly sync of the policy pages."
            #expect(try await secretary.post("/incidents/\(id)/triage", complete).status == .seeOther)
            #expect(try await secretary.post("/incidents/\(id)/close", [:]).status == .ok)  // the confirmation again, nothing done
            #expect(try await secretary.post("/incidents/\(id)/close", ["confirm": "1"]).status == .seeOther)
            let closed = try await secretary.get("/incidents/\(id)")
            #expect(closed.body.contains("Closed") && !closed.body.contains("id=\"triage-form\""))
            #expect(try await secretary.post("/incidents/\(id)/triage", complete).status == .notFound)
        }
    }

    @Test func aCriticalReportNotifiesTheChairAndTheSecretaryAtOnce() async throws {
        let w = try await Self.world()
        try await w.c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/systems/\(w.legacySystem)/incidents/new")
            var fields = Self.report
            fields["severity"] = "critical"
            #expect(try await owner.uploadFiles("/systems/\(w.legacySystem)/incidents", fields: fields, files: []).status == .seeOther)
            let recipients = try await w.c.app.database.writer.read { db in
                try Int64.fetchAll(db, sql: "SELECT recipient_id FROM notifications WHERE kind = 'incident_critical' ORDER BY recipient_id")
            }
            #expect(Set(recipients) == [w.c.secretary.id, w.c.ada.id])
        }
    }

    @Test func thePublicFormIsOffByDefaultThenThrottledHoneypottedAndShowsOnlyAReceipt() async throws {
        let w = try await Self.world()
        let s = w.c.app.services
        try await w.c.app.test { client async throws in
            let visitor = Browser(client)
            #expect(try await visitor.get("/feedback").status == .notFound)
            try await visitor.get("/login")  // a visitor's form token, so the POST reaches the route
            #expect(try await visitor.post("/feedback", ["title": "x"]).status == .notFound)
        }
        var settings = s.settings.current
        settings.publicFeedback = true
        try await s.settings.save(settings, by: .system())
        let fields: [String: String] = ["service": "The chat on the website", "title": "It insulted me",
                                        "description": "The bot called me a liar when I asked about my order.",
                                        "harm_type": "wrong_answer", "fallback_used": "no"]
        try await w.c.app.test { client in
            let visitor = Browser(client)
            #expect(try await visitor.get("/feedback").status == .ok)
            // An incomplete report comes back with what was typed
            var missing = fields
            missing["description"] = ""
            let refused = try await visitor.post("/feedback", missing)
            #expect(refused.status == .unprocessableContent && refused.body.contains("value=\"It insulted me\""))
            // A report: a receipt, and nothing of what was sent
            let sent = try await visitor.post("/feedback", fields)
            #expect(sent.status == .ok)
            let start = try #require(sent.body.range(of: "id=\"receipt\">"))
            let receipt = sent.body[start.upperBound...].prefix { $0 != "<" }
            #expect(!sent.body.contains("It insulted me") && !sent.body.contains("called me a liar"))
            let stored = try await s.incidents.all()
            let incident = try #require(stored.first { $0.0.source == .public })
            #expect(incident.0.receipt == String(receipt) && String(receipt) != String(incident.0.id) && receipt.count == 14)
            #expect(incident.0.systemId == nil && incident.0.severity == nil)
            // A visitor cannot read it back
            #expect(try await visitor.get("/incidents/\(incident.0.id)").status == .found)
            #expect(try await visitor.get("/incidents").status == .found)
            // The honeypot: the same kind of answer, nothing kept
            var robot = fields
            robot["website"] = "http://spam.example"
            let trapped = try await visitor.post("/feedback", robot)
            #expect(trapped.status == .ok && trapped.body.contains("id=\"receipt\""))
            #expect(try await s.incidents.all().filter { $0.0.source == .public }.count == 1)
            // Throttled per address: five an hour (the robot's counted too); the sixth comes back with what was typed
            for _ in 0..<3 { #expect(try await visitor.post("/feedback", fields).status == .ok) }
            let throttled = try await visitor.post("/feedback", fields)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.body.contains("Too many reports") && throttled.body.contains("value=\"It insulted me\""))
            #expect(try await s.incidents.all().filter { $0.0.source == .public }.count == 4)
            // The secretary sees the public report, tied to no system, and the members do not
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/incidents/\(incident.0.id)")
            #expect(page.status == .ok && page.body.contains("The chat on the website") && page.body.contains(String(receipt)))
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            #expect(try await ada.get("/incidents/\(incident.0.id)").status == .notFound)
        }
    }

    @Test(arguments: [
        (IncidentSeverity.serious, "2026-11-21", Art73Case.standard, "2026-12-06"),
        (.critical, "2026-12-30", .widespread, "2027-01-01"),
        (.serious, "2026-02-20", .death, "2026-03-02"),
    ])
    func art73DeadlinesCountCalendarDaysFromAwareness(severity: IncidentSeverity, aware: String, period: Art73Case, due: String) {
        #expect(Art73Deadline.due(severity: severity, awareOn: aware, case: period) == due)
        #expect(Art73Deadline.due(severity: .minor, awareOn: aware, case: period) == nil)
        #expect(Art73Deadline.due(severity: nil, awareOn: aware, case: period) == nil)
        #expect(Art73Deadline.missed(due: due, today: due, notifiedOn: nil) == false)
        #expect(Art73Deadline.missed(due: due, today: "2099-01-01", notifiedOn: nil))
        #expect(Art73Deadline.missed(due: due, today: "2099-01-01", notifiedOn: due) == false)
    }

    @Test func thePolicyTable() {
        let system = SystemFacts(ownerId: 5, status: .inService, cases: [CaseFacts(submitterId: 5, confidential: true, status: .decided, reviewers: [7])])
        let onSystem = IncidentFacts(system: system, status: .triaged)
        let unassigned = IncidentFacts(system: nil, status: .reported)
        func decide(_ id: Int64, _ role: Role, _ action: Action) -> Decision { Policy.decide(Requester(userId: id, role: role), action) }
        #expect(decide(5, .submitter, .reportIncident(system)) == .allow)
        #expect(decide(6, .submitter, .reportIncident(system)) == .notFound)
        #expect(decide(7, .expert, .viewIncident(onSystem)) == .allow)
        #expect(decide(8, .member, .viewIncident(onSystem)) == .notFound)
        #expect(decide(1, .secretary, .viewIncident(unassigned)) == .allow)
        #expect(decide(8, .member, .viewIncident(unassigned)) == .notFound)
        #expect(decide(5, .submitter, .triageIncident(onSystem)) == .notFound)
        #expect(decide(1, .secretary, .closeIncident(onSystem)) == .allow)
        #expect(decide(1, .secretary, .closeIncident(unassigned)) == .notFound)
        #expect(decide(1, .secretary, .triageIncident(IncidentFacts(system: system, status: .closed))) == .notFound)
        // The chair reads a critical incident on a system she may not see, not a lesser one
        let critical = IncidentFacts(system: system, status: .reported, critical: true, chairId: 8)
        #expect(decide(8, .member, .viewIncident(critical)) == .allow)
        #expect(decide(8, .member, .viewIncident(IncidentFacts(system: system, status: .reported, critical: false, chairId: 8))) == .notFound)
        #expect(decide(9, .member, .viewIncident(critical)) == .notFound)
        #expect(Policy.decide(nil, .sendPublicFeedback(enabled: false)) == .notFound)
        #expect(Policy.decide(nil, .sendPublicFeedback(enabled: true)) == .allow)
        #expect(Policy.decide(nil, .viewIncidents) == .signInRequired)
    }
}
