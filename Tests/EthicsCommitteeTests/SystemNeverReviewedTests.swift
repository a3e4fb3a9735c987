import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// "Never reviewed" says that no review of the system was ever completed: it stays while its first re-review runs (the
/// start-up sweep opens one at once for a system registered without a case) and goes when that review is decided.
@Suite struct SystemNeverReviewedTests {
    @Test func theBadgeStaysWhileTheFirstReviewRunsAndGoesWhenItIsDecided() async throws {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let owner = try await app.user("owner@example.org", role: .submitter)
        let id = try await SystemTests.register(app, caseId: nil, owner: owner.id, name: "Legacy FAQ bot")
        try await DueDateSweep(db: app.database, formats: app.services.formats).run()
        let reReview = try #require(try await app.database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT case_id FROM system_cases WHERE system_id = ? AND kind = 're_review'", arguments: [id])
        })
        @Sendable func shown(_ browser: Browser) async throws -> (page: Bool, list: Bool, csv: String?) {
            let page = try await browser.get("/systems/\(id)").body.contains("Never reviewed")
            let list = try await browser.get("/systems").body.contains("Legacy FAQ bot</a> <span class=\"badge warn\">Never reviewed</span>")
            let csv = try await browser.get("/systems/export.csv").body.components(separatedBy: "\r\n").first { $0.contains("Legacy FAQ bot") }
            return (page, list, csv)
        }
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let running = try await shown(browser)
            #expect(running.page && running.list)
            #expect(running.csv?.hasSuffix(",yes") == true)
        }
        // The re-review is decided: a review was completed
        var status = try #require(try await app.services.cases.find(id: reReview)).0.status
        if status == .draft {
            try await app.services.cases.move(id: reReview, from: .draft, to: .submitted, transition: .submit, by: .system())
            status = .submitted
        }
        if status == .submitted {
            try await app.services.cases.move(id: reReview, from: .submitted, to: .inReview, transition: .startReview, by: .system())
        }
        try await app.services.caseDecisions.decide(caseId: reReview, outcome: .favourable, opinion: "Fine.", opinionHTML: "<p>Fine.</p>",
                                                    charterVersion: nil, articles: "", procedure: "written", meetingOn: nil, conditions: [],
                                                    by: AuditActor(id: secretary.id, label: "sec", client: ""))
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("sec@example.org")
            let decided = try await shown(browser)
            #expect(!decided.page && !decided.list)
            #expect(decided.csv?.hasSuffix(",no") == true)
        }
    }
}
