import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Issue 18, finishing the register: systems overdue for review in the export and the annual report (agreeing with the
/// register's rule for every role), the owner as a typed person field, the reminders before an Art. 73 deadline.
@Suite struct SystemFollowUpTests {
    /// The clock's day (TestClock starts on 2026-11-18).
    static let today = "2026-11-18"

    /// Systems in every situation: open, confidential, confidential but reviewed by the expert, legacy; overdue or not;
    /// in service, suspended, planned, retired.
    struct World {
        let app: TestApp
        let secretary: User, owner: User, other: User, member: User, expert: User, admin: User
    }

    static func world() async throws -> World {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter, name: "Olga Owner")
        let other = try await app.user("other@example.org", role: .submitter)
        let member = try await app.user("ada@example.org", role: .member)
        let expert = try await app.user("turing@uni.example", role: .expert)
        let admin = try await app.user("admin@example.org", role: .admin)
        let open = try await SystemTests.decidedCase(app, owner: owner.id, by: secretary.id, title: "Open case")
        let secret = try await SystemTests.decidedCase(app, owner: owner.id, by: secretary.id, title: "Secret case", confidential: true)
        let reviewed = try await SystemTests.decidedCase(app, owner: other.id, by: secretary.id, title: "Reviewed secret", confidential: true)
        let spare = try await SystemTests.decidedCase(app, owner: other.id, by: secretary.id, title: "Spare case")
        try await app.database.writer.write { db in
            try db.execute(sql: "INSERT INTO case_reviewers (case_id, user_id, assigned_by, assigned_at, due_on) VALUES (?, ?, ?, '2026-01-01', '2026-02-01')",
                           arguments: [reviewed, expert.id, secretary.id])
        }
        let systems: [(Int64?, Int64, String, SystemStatus, String)] = [
            (open, owner.id, "Open overdue", .inService, "2026-01-01"),
            (secret, owner.id, "Secret overdue", .inService, "2026-03-01"),
            (reviewed, other.id, "Reviewed overdue", .inService, "2026-05-01"),
            (nil, other.id, "Legacy overdue", .inService, "2026-11-17"),
            (nil, owner.id, "Legacy due today", .inService, today),
            (spare, other.id, "Suspended overdue", .suspended, "2026-02-01"),
            (nil, owner.id, "Planned past date", .planned, "2026-02-01"),
            (nil, other.id, "Retired past date", .retired, "2026-02-01"),
        ]
        for (caseId, ownerId, name, status, review) in systems {
            let id = try await SystemTests.register(app, caseId: caseId, owner: ownerId, name: name, status: status == .planned ? .planned : .inService)
            try await app.database.writer.write { db in
                try db.execute(sql: "UPDATE systems SET status = ?, next_review_on = ? WHERE id = ?", arguments: [status.rawValue, review, id])
            }
        }
        return World(app: app, secretary: secretary, owner: owner, other: other, member: member, expert: expert, admin: admin)
    }

    @Test func overdueSystemsInTheFiguresTheExportAndTheAnnualReportAgreeWithTheRegistersRule() async throws {
        let w = try await Self.world()
        let store = w.app.services.systems
        let everything = try await store.allFacts()
        let records: [Int64: (String, SystemStatus, String)] = try await w.app.database.writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name, status, next_review_on FROM systems").map {
                ($0["id"] as Int64, ($0["name"] as String, SystemStatus(rawValue: $0["status"])!, $0["next_review_on"] as String))
            })
        }
        var seen: [Role: Int] = [:]
        for user in [w.secretary, w.owner, w.other, w.member, w.expert, w.admin] {
            let actor = Requester(userId: user.id, role: user.role)
            // The register's rule (the policy) and the overdue rule (still followed, review date passed)
            let expected = Set(everything.filter { id, facts in
                guard Policy.decide(actor, .viewSystem(facts)) == .allow, let (_, status, review) = records[id] else { return false }
                return (status == .inService || status == .suspended) && review < Self.today
            }.map(\.0))
            let (count, rows) = try await store.overdueForReview(for: actor, today: Self.today, limit: 100)
            #expect(count == expected.count && Set(rows.map(\.id)) == expected, "\(user.role)")
            let bounded = try await store.overdueForReview(for: actor, today: Self.today, limit: 1)
            #expect(bounded.count == expected.count && bounded.rows.count == min(1, expected.count), "\(user.role)")
            let exported = try await store.exportAll(for: actor, status: nil, overdueOnly: true, today: Self.today)
            #expect(Set(exported.map(\.id)) == expected, "\(user.role)")
            #expect(exported.allSatisfy { $0.reviewOverdue(today: Self.today) })
            // …and the whole export is the register's list
            let visible = Set(everything.filter { Policy.decide(actor, .viewSystem($0.1)) == .allow }.map(\.0))
            #expect(Set(try await store.exportAll(for: actor, status: nil, overdueOnly: false, today: Self.today).map(\.id)) == visible)
            seen[user.role] = expected.count
        }
        // The situations are those meant: the staff see the five overdue; the member not the two confidential ones; the
        // expert only the one she reviews and the legacy ones
        #expect(seen[.secretary] == 5 && seen[.admin] == 5)
        #expect(seen[.member] == 3)
        #expect(seen[.expert] == 2)

        try await w.app.test { client in
            // A member: the CSV holds her three, not the confidential ones; the annual report lists them, dated
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            let csv = try await member.get("/systems/export.csv?overdue=1")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("systems-overdue-\(Self.today).csv") == true)
            for name in ["Open overdue", "Legacy overdue", "Suspended overdue"] { #expect(csv.body.contains(name), "\(name)") }
            for name in ["Secret overdue", "Reviewed overdue", "Legacy due today", "Planned past date", "Retired past date"] {
                #expect(!csv.body.contains(name), "\(name)")
            }
            let all = try await member.get("/systems/export.csv")
            #expect(all.body.contains("Legacy due today") && all.body.contains("Planned past date") && !all.body.contains("Secret overdue"))
            let annual = try await member.get("/reports/annual")
            #expect(annual.status == .ok && annual.body.contains("id=\"annual-systems-overdue\""))
            #expect(annual.body.contains("3 systems overdue for review") && annual.body.contains("Suspended overdue"))
            #expect(!annual.body.contains("Secret overdue"))
            let figures = try await member.get("/figures")
            #expect(figures.body.contains("/systems/export.csv?overdue=1"))
            #expect(try await member.get("/systems").body.contains("/systems/export.csv"))
            // The secretary's annual report has all five; an expert may not export (404, as every export)
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let staffReport = try await secretary.get("/reports/annual")
            #expect(staffReport.body.contains("5 systems overdue for review") && staffReport.body.contains("Secret overdue"))
            let expert = Browser(client)
            try await expert.signIn("turing@uni.example")
            #expect(try await expert.get("/systems/export.csv?overdue=1").status == .notFound)
            #expect(!(try await expert.get("/systems")).body.contains("/systems/export.csv"))
        }
    }

    @Test func theOwnerIsATypedPersonFieldWithBoundedSuggestionsAndNobodyFoundKeepsEverything() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter, name: "Olga Owner")
        let stranger = try await app.user("stranger@example.org", role: .submitter, name: "Sam Stranger")
        for number in 1...40 { _ = try await app.user("member\(number)@example.org", role: .member, name: "Member \(number)") }
        let caseId = try await SystemTests.decidedCase(app, owner: owner.id, by: secretary.id, title: "Secret bot", confidential: true)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            // The form: a text field prefilled with the project owner's e-mail, suggestions bounded
            let form = try await browser.get("/systems/new?case=\(caseId)")
            #expect(form.body.contains("list=\"owner_id-people\"") && form.body.contains("value=\"owner@example.org\""))
            #expect(!form.body.contains("<select id=\"owner_id\""))
            let suggestions = form.body.components(separatedBy: "<datalist id=\"owner_id-people\">")[1].components(separatedBy: "</datalist>")[0]
            let offered = suggestions.components(separatedBy: "<option").count - 1
            #expect(offered > 0 && offered <= CaseShowBuilder.suggestions)
            // Without a case anyone active may own it: 43 accounts, the first 30 suggested
            let legacy = try await browser.get("/systems/new")
            let all = legacy.body.components(separatedBy: "<datalist id=\"owner_id-people\">")[1].components(separatedBy: "</datalist>")[0]
            #expect(all.components(separatedBy: "<option").count - 1 == CaseShowBuilder.suggestions)
            // Nobody by that name: 422, the message by the field, every value kept
            var typed = ["case_id": "\(caseId)", "name": "Secret assistant", "owner_id": "Nobody Known", "vendor": "Parlo AI",
                         "model": "Assist 9", "purpose": "Answers about refunds.", "data_sources": "Orders", "population": "Customers",
                         "status": "in_service", "deployed_on": "2026-11-02"]
            let unknown = try await browser.post("/systems", typed)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.body.contains("Nobody who may be chosen here has this name or e-mail address"))
            for value in ["Nobody Known", "Secret assistant", "Assist 9", "Answers about refunds.", "Orders", "2026-11-02"] {
                #expect(unknown.body.contains(value), "\(value)")
            }
            #expect(unknown.body.contains("id=\"owner_id-error\""))
            // Someone who may not open the confidential case may not own its system
            typed["owner_id"] = "stranger@example.org"
            let refused = try await browser.post("/systems", typed)
            #expect(refused.status == .unprocessableContent && refused.body.contains("value=\"stranger@example.org\""))
            #expect(refused.body.contains("Choose an active account who may open the approving case."))
            // The owner typed by name, in other capitals: registered to her
            typed["owner_id"] = "olga owner"
            let created = try await browser.post("/systems", typed)
            #expect(created.status == .seeOther)
            let id = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let saved = try await app.services.systems.find(id: id, for: Requester(userId: secretary.id, role: .secretary))
            #expect(saved?.0.ownerId == owner.id)
            // The edit form shows her e-mail; an account number still works for scripted clients
            #expect(try await browser.get("/systems/\(id)/edit").body.contains("value=\"owner@example.org\""))
        }
        _ = stranger
    }

    @Test func art73RemindersComeThreeDaysBeforeAndOnTheDayOnceEach() {
        // The pure rule: three days before until the day before, then the day itself; nothing before or after
        let due = "2026-12-03"
        let cases: [(String, Art73Deadline.Reminder?)] = [
            ("2026-11-29", nil), ("2026-11-30", .soon), ("2026-12-01", .soon), ("2026-12-02", .soon), ("2026-12-03", .today), ("2026-12-04", nil),
        ]
        for (today, expected) in cases { #expect(Art73Deadline.reminder(due: due, today: today) == expected, "\(today)") }
        #expect(Art73Deadline.shifted("2026-03-01", days: -1) == "2026-02-28")
    }

    @Test func theReminderSweepReadsThePendingSeriousIncidentsThroughTheirPartialIndex() async throws {
        let app = try await TestApp.make()
        let plan: [String] = try await app.database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + IncidentStore.pendingReports, arguments: ["2026-11-03"]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("incidents_report_pending") }, "\(plan)")
    }

    @Test func theSweepRemindsTheSecretaryAndTheIncidentOwnerBeforeTheArt73DeadlineOnceEach() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let member = try await app.user("ada@example.org", role: .member)
        let systemId = try await SystemTests.register(app, caseId: nil, owner: owner.id, name: "Refund bot")
        // (its review far away, so the sweep opens no re-review of it meanwhile)
        try await app.database.writer.write { db in
            try db.execute(sql: "UPDATE systems SET next_review_on = '2030-01-01' WHERE id = ?", arguments: [systemId])
        }
        let incidents = app.services.incidents
        func report(_ title: String, _ severity: IncidentSeverity, awareOn: String) async throws -> Int64 {
            try await incidents.report(IncidentDraft(title: title, description: "What happened.", occurredOn: awareOn, harmType: .privacy,
                                                     severity: severity, peopleAffected: 3, fallbackUsed: .no, actionsTaken: ""),
                                       systemId: systemId, evidence: [], awareOn: awareOn,
                                       reporter: Requester(userId: owner.id, role: .submitter), by: AuditActor(id: owner.id, label: "owner", client: ""))
        }
        let serious = try await report("Addresses mixed up", .serious, awareOn: "2026-11-18")  // due 2026-12-03
        let told = try await report("Phone numbers read out", .serious, awareOn: "2026-11-18")
        _ = try await report("A typo in an answer", .minor, awareOn: "2026-11-18")
        let staff = Requester(userId: secretary.id, role: .secretary), audit = AuditActor(id: secretary.id, label: "sec", client: "")
        for (id, notified) in [(serious, nil), (told, "2026-11-20")] as [(Int64, String?)] {
            try await incidents.triage(id: id, revision: 1, IncidentTriage(
                systemId: systemId, severity: .serious, ownerId: member.id, rootCause: "", correctiveActions: "", awareOn: "2026-11-18",
                art73Case: .standard, authorityNotifiedOn: notified), triager: staff, by: audit)
        }
        func sweep(_ today: String) async throws -> Int {
            try await app.database.writer.write { db in
                try DueDateSweep.run(db, today: today, soon: today, now: app.clock.now)
            }
        }
        func reminders() async throws -> [String] {
            try await app.database.writer.read { db in
                try String.fetchAll(db, sql: """
                    SELECT n.kind || ':' || u.email || ':' || n.record_id FROM notifications n JOIN users u ON u.id = n.recipient_id
                    WHERE n.kind LIKE 'incident_report_%' ORDER BY n.id
                    """)
            }
        }
        // Four days before: nothing; three days before: the secretary and the owner, once however many sweeps
        _ = try await sweep("2026-11-29")
        #expect(try await reminders().isEmpty)
        _ = try await sweep("2026-11-30")
        _ = try await sweep("2026-11-30")
        _ = try await sweep("2026-12-02")
        #expect(Set(try await reminders()) == ["incident_report_due_soon:sec@example.org:\(serious)",
                                               "incident_report_due_soon:ada@example.org:\(serious)"])
        #expect(try await reminders().count == 2)
        // On the day: once more each; after it, nothing (the page shows the deadline missed)
        _ = try await sweep("2026-12-03")
        _ = try await sweep("2026-12-03")
        _ = try await sweep("2026-12-04")
        let all = try await reminders()
        #expect(all.count == 4)
        #expect(all.filter { $0.hasPrefix("incident_report_due_today:") }.count == 2)
        // The one whose authority was told, and the minor one, remind nobody
        #expect(!all.contains { $0.hasSuffix(":\(told)") })
        // The text names the incident and the date, in the reader's language
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("ada@example.org")
            let page = try await browser.get("/notifications")
            #expect(page.body.contains("Addresses mixed up") && page.body.contains("Art. 73"))
        }
    }
}
