import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Two people acting on the same record at once get one result and a clear refusal, never an error page.
@Suite struct DecisionRaceTests {
    @Test func sixSimultaneousWrittenVotesOpenOneAndFiveAreRefused() async throws {
        let c = try await CaseFlowTests.committee()
        let statuses = try await c.app.test { client in
            // Given a low-risk case in review with its one review written
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let id = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(customerFacing: false, personalData: false, overrides: [:]))
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.ada.id)", "due_on": "2030-12-31"])
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            try await ada.get("/cases/\(id)")
            #expect(try await ada.post("/cases/\(id)/review", ["recommendation": "favourable", "reasoning": "Fine."]).status == .seeOther)

            // When six sessions of the secretary send the decision at the same moment
            var sessions: [Browser] = []
            for _ in 0..<6 {
                let browser = Browser(client)
                try await browser.signIn("sec@example.org")
                try await browser.get("/cases/\(id)")
                sessions.append(browser)
            }
            return try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for (index, browser) in sessions.enumerated() {
                    group.addTask {
                        let page = try await browser.post("/cases/\(id)/written-procedure", [
                            "outcome": "favourable", "opinion": "Favourable, by session \(index).", "text": "In writing.", "deadline": "2030-06-30T12:00"])
                        return (Int(page.status.code), page.body)
                    }
                }
                var all: [(Int, String)] = []
                for try await result in group { all.append(result) }
                return all
            }
        }
        // Then one written vote is opened, and the five others are told one already runs
        #expect(statuses.filter { $0.0 == 303 }.count == 1)
        let refused = statuses.filter { $0.0 != 303 }
        #expect(refused.count == 5)
        for (status, body) in refused {
            #expect(status < 500)
            #expect(body.contains("A written procedure is already running on this case") || body.contains("The case changed meanwhile"),
                    Comment(rawValue: "status \(status)"))
        }
        let procedures = try await c.app.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM written_procedures") }
        #expect(procedures == 1)
    }
}
