import Foundation
import GRDB
import Testing
@testable import EthicsCommittee
@testable import EthicsDemo

/// Every SQL copy of an access rule (`CaseStore.visibility`, `MeetingStore.visibility`, `DeliverableStore.visibility`,
/// `SystemStore.visibility`, `IncidentStore.visibility`, `WrittenProcedureStore.visibility`, `NotificationStore.visibility`) answers as the Swift
/// policy does, for every person of the small demo committee and every record it holds: drafts, confidential cases,
/// recusals, agenda items, running written procedures, confidential systems, critical incidents. A list that offered
/// a record answering 404, or hid one the person may open, fails here.
@Suite struct SQLRuleAgreementTests {
    /// The small demo, and everyone in it as the policy sees them (onboarded: the lists do not look at onboarding).
    static func demo() async throws -> (TestApp, [(User, Requester)]) {
        let app = try await TestApp.make()
        var options = DemoOptions(scale: .small, size: .large)
        options.today = app.clock.now
        options.passwordCost = 4
        options.seed = 2026
        _ = try await Demo.generate(db: app.database, options: options)
        let people = try await app.services.users.all().map { ($0, Requester(userId: $0.id, role: $0.role)) }
        #expect(Set(people.map { $0.0.role }) == Set(Role.allCases))
        return (app, people)
    }

    func ids(_ app: TestApp, _ table: String) throws -> [Int64] {
        try app.database.writer.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM \(table) ORDER BY id") }
    }

    @Test func everySQLCopyOfARuleAgreesWithThePolicyForEveryDemoPersonAndRecord() async throws {
        let (app, people) = try await Self.demo()
        let s = app.services
        // Every record with the facts the policy is asked with, read once
        var cases: [(Int64, CaseFacts)] = []
        for id in try ids(app, "cases") { if let (_, facts) = try await s.cases.find(id: id) { cases.append((id, facts)) } }
        var meetings: [(Int64, MeetingFacts)] = []
        for id in try ids(app, "meetings") { if let (_, facts) = try await s.meetings.find(id: id) { meetings.append((id, facts)) } }
        let deliverables = try await s.deliverables.all()
        let systems = try await s.systems.allFacts()
        let incidents = try await s.incidents.all()
        var written: [(Int64, WrittenFacts)] = []
        for id in try ids(app, "written_procedures") {
            if let (_, _, facts) = try await s.written.find(id: id, objectionAllowed: true) { written.append((id, facts)) }
        }
        // The demo holds every kind of record the rules distinguish
        #expect(cases.contains { $0.1.confidential } && cases.contains { $0.1.status == .draft } && cases.contains { !$0.1.recused.isEmpty })
        #expect(cases.contains { !$0.1.voters.isEmpty })
        #expect(!meetings.isEmpty && !deliverables.isEmpty && !systems.isEmpty && !incidents.isEmpty && !written.isEmpty)
        let big = 100_000

        for (user, actor) in people {
            let who = Comment(rawValue: "\(user.role.rawValue) \(user.email)")
            // Cases: the list and its count
            let allowedCases = Set(cases.filter { Policy.decide(actor, .viewCase($0.1)) == .allow }.map(\.0))
            let (caseRows, caseTotal) = try await s.cases.list(for: actor, filter: CaseFilter(), today: "2026-11-26", offset: 0, limit: big)
            #expect(Set(caseRows.map(\.id)) == allowedCases, who)
            #expect(caseTotal == allowedCases.count, who)
            // Meetings: the whole list and its paged halves
            let allowedMeetings = Set(meetings.filter { Policy.decide(actor, .viewMeeting($0.1)) == .allow }.map(\.0))
            #expect(Set(try await s.meetings.list(for: actor).map(\.id)) == allowedMeetings, who)
            let now = Timestamp.string(app.clock.now)
            var paged: Set<Int64> = []
            for upcoming in [true, false] {
                var page = 1
                while true {
                    let half = try await s.meetings.list(for: actor, upcoming: upcoming, now: now, page: page)
                    paged.formUnion(half.rows.map(\.id))
                    guard half.hasNext else { break }
                    page += 1
                }
            }
            #expect(paged == allowedMeetings, who)
            // Deliverables
            let allowedDeliverables = Set(deliverables.filter {
                Policy.decide(actor, .viewDeliverable($0.1)) == .allow
            }.map(\.0.id))
            let deliverablePage = try await s.deliverables.list(for: actor, status: nil, ownerId: nil, page: 1, size: big)
            #expect(Set(deliverablePage.rows.map(\.id)) == allowedDeliverables, who)
            #expect(deliverablePage.total == allowedDeliverables.count, who)
            // Systems: the register and its counts
            let allowedSystems = Set(systems.filter { Policy.decide(actor, .viewSystem($0.1)) == .allow }.map(\.0))
            let (systemPage, systemCounts) = try await s.systems.list(for: actor, status: nil, page: 1, size: big)
            #expect(Set(systemPage.rows.map(\.id)) == allowedSystems, who)
            #expect(systemCounts.total == allowedSystems.count, who)
            // Incidents: the list and its status tabs
            let allowedIncidents = Set(incidents.filter { Policy.decide(actor, .viewIncident($0.1)) == .allow }.map(\.0.id))
            let (incidentPage, byStatus) = try await s.incidents.list(for: actor, filter: IncidentFilter(), page: 1, size: big)
            #expect(Set(incidentPage.rows.map(\.id)) == allowedIncidents, who)
            #expect(byStatus.values.reduce(0, +) == allowedIncidents.count, who)
            // Written procedures
            let allowedWritten = Set(written.filter { Policy.decide(actor, .viewWrittenProcedure($0.1)) == .allow }.map(\.0))
            let writtenPage = try await s.written.list(for: actor, page: 1, size: big)
            #expect(Set(writtenPage.rows.map(\.id)) == allowedWritten, who)
            #expect(writtenPage.total == allowedWritten.count, who)
            // Notifications: the list and the header's count leave out what the person may no longer open (the
            // meeting clause is `MeetingStore.visibility` again); only an active account is told anything
            guard user.active else { continue }
            let mine = try await app.database.writer.read { db in
                try AppNotification.fetchAll(db, sql: "SELECT * FROM notifications WHERE recipient_id = ?", arguments: [user.id])
                    .filter { try Notifier.mayOpen(db, userId: user.id, record: $0.recordType, recordId: $0.recordId) }
            }
            let (notificationPage, unread) = try await s.notifications.list(for: actor, page: 1, size: big)
            #expect(Set(notificationPage.rows.map(\.id)) == Set(mine.map(\.id)), who)
            #expect(unread == mine.filter { $0.readAt == nil }.count, who)
        }
    }

    /// The case list's tabs are the scopes the list answers: a scope the page does not offer, typed in the address,
    /// starts from the person's first tab instead of answering a list the page never links to.
    @Test func theCaseListAnswersOnlyTheTabsItOffers() async throws {
        let (app, people) = try await Self.demo()
        let member = try #require(people.first { $0.0.active && $0.0.role == .member })
        let owner = try #require(people.first { $0.0.active && $0.0.role == .submitter })
        try await app.test { client in
            for ((user, actor), odd) in [(member, "mine"), (owner, "all")] {
                let browser = Browser(client)
                _ = try await browser.signIn(user.email, Demo.password)
                let scopes = Policy.caseListScopes(actor)
                #expect(!scopes.map(\.rawValue).contains(odd))
                let page = try await browser.get("/cases?scope=\(odd)")
                #expect(page.status == .ok)
                // The first tab is the current one, and no tab the policy does not offer is linked
                #expect(page.body.contains("href=\"/cases?scope=\(scopes[0].rawValue)\" aria-current=\"page\""), Comment(rawValue: user.email))
                #expect(!page.body.contains("href=\"/cases?scope=\(odd)\""), Comment(rawValue: user.email))
            }
        }
    }
}
