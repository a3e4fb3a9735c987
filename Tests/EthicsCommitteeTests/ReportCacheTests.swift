import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// A year's figures are kept until the archive changes (issue 19): the key holds the audit trail's head, and every
/// change writes an audit entry.
@Suite struct ReportCacheTests {
    @Test func theFiguresAreKeptUntilAnAuditEntryIsWritten() async throws {
        let set = try await ReportTests.dataset()
        let store = ReportStore(db: set.app.database)
        let staff = Requester(userId: set.secretary.id, role: .secretary)
        func figures() async throws -> ReportFigures {
            try await store.figures(for: staff, period: ReportPeriod(year: 2026, timeZone: "UTC"), today: "2026-12-18", localOffset: "+0 minutes")
        }
        let first = try await figures()
        #expect(first.casesByStatus[.decided] == 3)
        // A change written around the stores (no audit entry) is not seen: the kept figures are served
        try await set.app.database.writer.write { db in
            try db.execute(sql: "UPDATE cases SET status = 'closed' WHERE id = (SELECT min(case_id) FROM case_decisions)")
        }
        #expect(try await figures() == first)
        // Any audited change retires them
        _ = try await set.app.services.cases.create(ReportTests.draft("Another bot"), descriptionHTML: "", submitterId: set.owner.id, by: .system())
        let fresh = try await figures()
        #expect(fresh.casesByStatus[.decided] == 2 && fresh.casesByStatus[.closed] == 1)
        // Another reader's scope is computed apart: a member does not get the staff's figures
        let member = try await store.figures(for: Requester(userId: set.ada.id, role: .member), period: ReportPeriod(year: 2026, timeZone: "UTC"),
                                             today: "2026-12-18", localOffset: "+0 minutes")
        #expect(member != fresh)
    }
}
