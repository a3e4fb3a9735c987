import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The committee's figures, exports and annual report on a known dataset: each figure, the charts carrying
/// the table's numbers, who may see them, a member not counting a confidential case, the CSV and JSON
/// formats, and the year's bounds in the committee's time zone.
@Suite struct ReportTests {
    struct Dataset {
        let app: TestApp
        let secretary: User, ada: User, turing: User, owner: User
        let confidentialTitle = "Voice bot, \"confidential\""
    }

    static func draft(_ title: String, confidential: Bool = false) -> CaseDraft {
        CaseDraft(title: title, team: "Care", vendor: "", kind: .tool, customerFacing: false, personalData: false,
                  confidential: confidential, description: "d", answers: [:], notes: [:])
    }

    static let day: TimeInterval = 86_400

    /// From 18 November 2026 (the test clock), in UTC:
    /// A submitted, Ada late by a day, favourable 10 days after submission; B with Turing on time, two conditions
    /// (one past due), 20 days; C confidential, Turing never writes, unfavourable, 30 days; D a draft;
    /// E with Ada overdue, deferred. The clock ends on 18 December 2026.
    static func dataset() async throws -> Dataset {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary, name: "Sam Secretary")
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace", expertise: [.ethics, .law])
        let turing = try await app.user("turing@uni.example", role: .expert, name: "Alan Turing", expertise: [.ai])
        let owner = try await app.user("owner@example.org", role: .submitter)
        let set = Dataset(app: app, secretary: secretary, ada: ada, turing: turing, owner: owner)
        let cases = app.services.cases, reviews = app.services.caseReviews, decisions = app.services.caseDecisions
        let by = AuditActor(id: secretary.id, label: "sec", client: "")
        func submitted(_ title: String, confidential: Bool = false) async throws -> Int64 {
            let id = try await cases.create(draft(title, confidential: confidential), descriptionHTML: "", submitterId: owner.id, by: .system())
            try await cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
            return id
        }
        func decide(_ id: Int64, _ outcome: DecisionOutcome, conditions: [NewCondition] = []) async throws {
            try await decisions.decide(caseId: id, outcome: outcome, opinion: "o", opinionHTML: "<p>o</p>", charterVersion: nil, articles: "",
                                       procedure: "written", meetingOn: nil, conditions: conditions, by: by)
        }
        let a = try await submitted("Chatbot, FAQ")
        let b = try await submitted("Agent assist")
        let c = try await submitted(set.confidentialTitle, confidential: true)
        let e = try await submitted("E-mail triage")
        _ = try await cases.create(draft("Draft idea"), descriptionHTML: "", submitterId: owner.id, by: .system())
        try await reviews.assign(caseId: a, userId: ada.id, dueOn: "2026-11-20", by: by)
        try await reviews.assign(caseId: b, userId: turing.id, dueOn: "2026-12-31", by: by)
        try await reviews.assign(caseId: c, userId: turing.id, dueOn: "2026-12-31", by: by)
        try await reviews.assign(caseId: e, userId: ada.id, dueOn: "2026-11-19", by: by)
        app.clock.advance(3 * day)  // 21 November
        try await reviews.review(caseId: a, reviewerId: ada.id, recommendation: .favourable, reasoning: "r", reasoningHTML: "r", by: by)
        try await reviews.review(caseId: b, reviewerId: turing.id, recommendation: .conditions, reasoning: "r", reasoningHTML: "r", by: by)
        app.clock.advance(7 * day)  // 28 November
        try await decide(a, .favourable)
        app.clock.advance(10 * day)  // 8 December
        try await decide(b, .conditions, conditions: [NewCondition(text: "DPA signed", ownerId: owner.id, dueOn: "2026-12-01"),
                                                      NewCondition(text: "Fallback", ownerId: owner.id, dueOn: "2027-03-01")])
        app.clock.advance(10 * day)  // 18 December
        try await decide(c, .unfavourable)
        try await decide(e, .deferred)
        return set
    }

    func figures(_ set: Dataset, _ user: User, year: Int = 2026, zone: String = "UTC") async throws -> ReportFigures {
        try await ReportStore(db: set.app.database).figures(for: Requester(userId: user.id, role: user.role),
                                                            period: ReportPeriod(year: year, timeZone: zone),
                                                            today: "2026-12-18", localOffset: "+0 minutes")
    }

    @Test func theFiguresOfAKnownDataset() async throws {
        let set = try await Self.dataset()
        let staff = try await figures(set, set.secretary)
        #expect(staff.casesByStatus == [.draft: 1, .submitted: 0, .needsInfo: 0, .inReview: 1, .decided: 3, .closed: 0, .withdrawn: 0])
        #expect(staff.decisions[0].isEmpty && staff.decisions[1].isEmpty && staff.decisions[2].isEmpty)
        #expect(staff.decisions[3] == [.favourable: 1, .conditions: 1, .unfavourable: 1, .deferred: 1])
        #expect(staff.decidedCount == [0, 0, 0, 3])
        #expect(staff.medianDays.year == 20 && staff.medianDays.quarters == [nil, nil, nil, 20])
        #expect(staff.reviews == [.onTime: 1, .late: 1, .overdue: 1, .pending: 0, .notWritten: 1])
        let coverage = Dictionary(uniqueKeysWithValues: staff.expertise.map { ($0.area, [$0.internal, $0.external]) })
        #expect(coverage == [.data: [0, 0], .ai: [0, 1], .law: [1, 0], .ethics: [1, 0], .customerRelations: [0, 0], .security: [0, 0]])

        // A member counts neither the confidential case they do not review nor drafts
        let member = try await figures(set, set.ada)
        #expect(member.casesByStatus[.decided] == 2 && member.casesByStatus[.draft] == 0 && member.casesByStatus[.inReview] == 1)
        #expect(member.decisions[3] == [.favourable: 1, .conditions: 1, .deferred: 1])
        #expect(member.medianDays.year == 15)
        #expect(member.reviews == [.onTime: 1, .late: 1, .overdue: 1, .pending: 0, .notWritten: 0])

        // The annual report's other figures
        let annual = try await ReportStore(db: set.app.database).annual(for: Requester(userId: set.secretary.id, role: .secretary),
                                                                        period: ReportPeriod(year: 2026, timeZone: "UTC"), today: "2026-12-18")
        #expect(annual.casesReceived == 4 && annual.casesDecided == 3)
        #expect(annual.conditionsSet == 2 && annual.conditionsMet == 0 && annual.conditionsOpen == 2 && annual.conditionsOverdue == 1)
        // The three opinions are counted by kind (a decision each), not listed one by one
        #expect(annual.deliverableKinds == [.opinion: 3] && annual.deliverables.isEmpty && annual.deliverablesMore == 0)
        let memberAnnual = try await ReportStore(db: set.app.database).annual(for: Requester(userId: set.ada.id, role: .member),
                                                                              period: ReportPeriod(year: 2026, timeZone: "UTC"), today: "2026-12-18")
        #expect(memberAnnual.casesDecided == 2 && memberAnnual.deliverableKinds == [.opinion: 2])

        // Other deliverables are listed, at most `listLimit`, and the rest counted ("… and N more")
        try await set.app.database.writer.write { db in
            for index in 1...3 {
                try db.execute(sql: """
                    INSERT INTO deliverables (kind, title, owner_id, due_on, status, body, body_html, created_at, updated_at, delivered_at)
                    VALUES ('benchmark', ?, ?, '2026-06-01', 'delivered', '', '', '2026-06-01T10:00:00.000Z', '2026-06-01T10:00:00.000Z',
                            '2026-06-0\(index)T10:00:00.000Z')
                    """, arguments: ["Benchmark \(index)", set.ada.id])
            }
        }
        let bounded = try await ReportStore(db: set.app.database).annual(for: Requester(userId: set.secretary.id, role: .secretary),
                                                                         period: ReportPeriod(year: 2026, timeZone: "UTC"), today: "2026-12-18",
                                                                         listLimit: 2)
        #expect(bounded.deliverableKinds == [.opinion: 3, .benchmark: 3])
        #expect(bounded.deliverables.map(\.title) == ["Benchmark 1", "Benchmark 2"] && bounded.deliverablesMore == 1)
    }

    /// The `data-value`s of the bars and of the table cells of one chart, in order.
    static func chartNumbers(_ html: String, id: String) throws -> (bars: [String], cells: [String]) {
        let start = try #require(html.range(of: "aria-labelledby=\"\(id)-caption\""))
        let end = try #require(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
        let figure = String(html[start.upperBound..<end.lowerBound])
        let svgEnd = try #require(figure.range(of: "</svg>"))
        func values(_ text: Substring, _ tag: String) -> [String] {
            text.components(separatedBy: "<\(tag) ").dropFirst().compactMap { part in
                guard let range = part.range(of: "data-value=\""), part.prefix(while: { $0 != ">" }).contains("data-value") else { return nil }
                return String(part[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        return (values(figure[..<svgEnd.lowerBound], "rect"), values(figure[svgEnd.upperBound...], "td"))
    }

    @Test func theChartsCarryTheTablesNumbersAndOnlyStaffAndMembersSeeThem() async throws {
        let set = try await Self.dataset()
        try await set.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/figures?year=2026")
            #expect(page.status == .ok)
            for id in ["chart-status", "chart-decisions", "chart-median", "chart-reviews", "chart-expertise"] {
                let (bars, cells) = try Self.chartNumbers(page.body, id: id)
                #expect(!bars.isEmpty && bars == cells, "\(id): \(bars) vs \(cells)")
            }
            #expect(try Self.chartNumbers(page.body, id: "chart-decisions").bars == ["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "1", "1", "1"])
            #expect(try Self.chartNumbers(page.body, id: "chart-median").bars == ["20", "20"])
            #expect(page.body.contains("role=\"img\"") && page.body.contains("<desc id=\"chart-status-desc\">"))
            #expect(page.body.contains("Decided: 3"))
            #expect(page.body.contains("0 — nobody"))
            #expect(page.body.contains("href=\"/figures\"") && page.body.contains(">Figures</a>"))

            // In French: labels and numbers in the reader's language
            let french = Browser(client)
            french.acceptLanguage = "fr"
            try await french.signIn("sec@example.org")
            try await french.post("/language", ["language": "fr", "next": "/figures"])
            let chiffres = try await french.get("/figures?year=2026")
            #expect(chiffres.body.contains("Chiffres") && chiffres.body.contains("T4") && chiffres.body.contains("Décidé"))

            // A member sees the page without the confidential case; an expert and a project owner get 404
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            let memberPage = try await member.get("/figures?year=2026")
            #expect(memberPage.status == .ok)
            #expect(try Self.chartNumbers(memberPage.body, id: "chart-status").bars.reduce(0) { $0 + Int($1)! } == 3)
            for email in ["turing@uni.example", "owner@example.org"] {
                let other = Browser(client)
                try await other.signIn(email)
                for path in ["/figures", "/cases/export.csv", "/cases/export.json", "/reports/annual?year=2026"] {
                    #expect(try await other.get(path).status == .notFound, "\(email) \(path)")
                }
                #expect(!(try await other.get("/")).body.contains("href=\"/figures\""))
            }
            // Visitors are sent to sign in
            let visitor = try await Browser(client).get("/figures")
            #expect(visitor.location?.hasPrefix("/login") == true, "\(visitor.status)")
        }
    }

    @Test func theCSVExport() async throws {
        let set = try await Self.dataset()
        try await set.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let response = try await secretary.get("/cases/export.csv")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"cases-2026-12-18.csv\"")
            #expect(Array(secretary.lastBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = response.body.dropFirst().components(separatedBy: "\r\n")
            #expect(lines[0] == "Number,Title,Submitting team,Status,Risk tier,Confidential,Created on,First submitted on,Decision,Decided on,Conditions,Conditions met,Conditions open,Conditions overdue,AI Act class,AI Act labels")
            #expect(lines.count == 7 && lines[6] == "")  // five cases and the final line end
            #expect(lines.contains { $0.hasPrefix("1,\"Chatbot, FAQ\",Care,Decided,High,no,2026-11-18,2026-11-18,Favourable,2026-11-28,0,0,0,0") }, "\(lines)")
            #expect(lines.contains { $0.contains("\"Voice bot, \"\"confidential\"\"\"") && $0.contains(",yes,") })
            #expect(lines.contains { $0.hasPrefix("2,Agent assist,") && $0.hasSuffix(",2,0,2,1,,") })
            // Filters of the case list apply
            let decided = try await secretary.get("/cases/export.csv?status=in_review")
            #expect(decided.body.components(separatedBy: "\r\n").count == 3)
            // A member's export leaves out the confidential case
            let member = Browser(client)
            try await member.signIn("ada@example.org")
            let memberCSV = try await member.get("/cases/export.csv")
            #expect(!memberCSV.body.contains("Voice bot"))
            #expect(memberCSV.body.components(separatedBy: "\r\n").count == 5)
            // The case list links to the export with its filters
            #expect(try await secretary.get("/cases?status=decided").body.contains("href=\"/cases/export.csv?status=decided\""))
        }
    }

    @Test func theJSONExport() async throws {
        let set = try await Self.dataset()
        try await set.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let response = try await secretary.get("/cases/export.json")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"cases-2026-12-18.json\"")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(secretary.lastBytes)) as? [String: Any])
            #expect(Set(document.keys) == ["generated_at", "cases"])
            let cases = try #require(document["cases"] as? [[String: Any]])
            #expect(cases.count == 5)
            for item in cases {
                #expect(Set(item.keys) == ["id", "title", "team", "status", "risk_tier", "confidential", "created_at", "submitted_at", "decision", "conditions", "ai_act"])
            }
            let agent = try #require(cases.first { $0["title"] as? String == "Agent assist" })
            #expect(agent["status"] as? String == "decided" && agent["risk_tier"] as? String == "high")
            let decision = try #require(agent["decision"] as? [String: Any])
            #expect(decision["outcome"] as? String == "conditions" && decision["procedure"] as? String == "written")
            #expect((decision["decided_at"] as? String).map(Timestamp.date) != nil)
            let conditions = try #require(agent["conditions"] as? [[String: Any]])
            #expect(conditions.map { $0["due_on"] as? String } == ["2026-12-01", "2027-03-01"])
            #expect(conditions.map { $0["overdue"] as? Bool } == [true, false])
            #expect(conditions.allSatisfy { $0["met_at"] is NSNull && $0["status"] as? String == "open" })
            let draft = try #require(cases.first { $0["title"] as? String == "Draft idea" })
            #expect(draft["decision"] is NSNull && draft["submitted_at"] is NSNull)
        }
    }

    @Test func theYearFollowsTheCommitteesTimeZone() async throws {
        // Paris is an hour ahead of UTC in winter: its 2027 begins at 23:00 UTC on 31 December 2026
        let paris = ReportPeriod(year: 2027, timeZone: "Europe/Paris")
        #expect(paris.start == "2026-12-31T23:00:00.000Z" && paris.end == "2027-12-31T23:00:00.000Z")
        #expect(paris.bounds[1] == "2027-03-31T22:00:00.000Z")  // summer time from the second quarter
        #expect(ReportPeriod(year: 2026, timeZone: "UTC").start == "2026-01-01T00:00:00.000Z")

        // Given a decision at 23:30 UTC on 31 December 2026, which is already 2027 in Paris
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let id = try await app.services.cases.create(Self.draft("New year"), descriptionHTML: "", submitterId: owner.id, by: .system())
        try await app.services.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        try await app.services.cases.move(id: id, from: .submitted, to: .inReview, transition: .startReview, by: .system())
        app.clock.advance(try #require(Timestamp.date("2026-12-31T23:30:00.000Z")).timeIntervalSince(app.clock.now))
        try await app.services.caseDecisions.decide(caseId: id, outcome: .favourable, opinion: "o", opinionHTML: "o", charterVersion: nil,
                                                    articles: "", procedure: "written", meetingOn: nil, conditions: [],
                                                    by: AuditActor(id: secretary.id, label: "sec", client: ""))
        let store = ReportStore(db: app.database), actor = Requester(userId: secretary.id, role: .secretary)
        func decided(_ year: Int, _ zone: String) async throws -> [[DecisionOutcome: Int]] {
            try await store.figures(for: actor, period: ReportPeriod(year: year, timeZone: zone), today: "2027-01-01", localOffset: "+60 minutes").decisions
        }
        // Then it counts in Paris's 2027 (first quarter), not in its 2026; in UTC it is still 2026
        #expect(try await decided(2027, "Europe/Paris")[0] == [.favourable: 1])
        #expect(try await decided(2026, "Europe/Paris")[3].isEmpty)
        #expect(try await decided(2026, "UTC")[3] == [.favourable: 1])

        // And the annual report defaults to the committee's current year: 2027 in Paris
        var settings = app.services.settings.current
        settings.timeZone = "Europe/Paris"
        try await app.services.settings.save(settings, by: AuditActor(id: secretary.id, label: "sec", client: ""))
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let report = try await browser.get("/reports/annual")
            #expect(report.status == .ok)
            #expect(report.body.contains("<h1>Annual report 2027</h1>"))
            #expect(report.body.contains("Favourable</th><td>1</td>"))
            let last = try await browser.get("/reports/annual?year=2026")
            #expect(last.body.contains("<h1>Annual report 2026</h1>") && last.body.contains("Favourable</th><td>0</td>"))
        }
    }
}
