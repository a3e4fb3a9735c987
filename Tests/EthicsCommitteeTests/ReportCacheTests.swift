import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// A year's figures are kept until the archive changes (issue 19): the key holds the last audit entry that records a
/// change, and every change writes an audit entry; a sign-in or a read does not retire them.
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

    /// Entries that record a session or a read leave the kept figures (case and incident ones) in place; the first
    /// entry that records a change retires them.
    @Test func signInsAndReadsKeepTheFiguresAChangeRetiresThem() async throws {
        let set = try await ReportTests.dataset()
        let store = ReportStore(db: set.app.database)
        let staff = Requester(userId: set.secretary.id, role: .secretary)
        let year = ReportPeriod(year: 2026, timeZone: "UTC")
        func figures() async throws -> (ReportFigures, IncidentFigures) {
            (try await store.figures(for: staff, period: year, today: "2026-12-18", localOffset: "+0 minutes"),
             try await store.incidentFigures(for: staff, period: year, localOffset: "+0 minutes"))
        }
        let first = try await figures()
        // Written around the stores, so only a new key would show them
        try await set.app.database.writer.write { db in
            try db.execute(sql: "UPDATE cases SET status = 'closed' WHERE id = (SELECT min(case_id) FROM case_decisions)")
            try db.execute(sql: """
                INSERT INTO incidents (source, receipt, title, description, harm_type, aware_on, reported_at, updated_at)
                VALUES ('public', 'AAAA-BBBB-CCCC', 'Seen', 'd', 'other', '2026-06-01', '2026-06-01T10:00:00.000Z', '2026-06-01T10:00:00.000Z')
                """)
        }
        let by = AuditActor(id: set.secretary.id, label: "sec", client: "")
        for action in ["auth.sign_in", "auth.sign_out", "case.viewed", "meeting.minutes_viewed", "case.attachment_downloaded",
                       "incident.attachment_downloaded", "meeting.pack_generated", "notification.read", "two_factor.enabled", "audit.verified"] {
            try await set.app.database.writer.write { db in try AuditStore.append(db, by: by, action: action, at: Date()) }
            let kept = try await figures()
            #expect(kept.0 == first.0 && kept.1 == first.1, "\(action) retired the figures")
        }
        // A review is a change, though its name ends like a read's
        try await set.app.database.writer.write { db in try AuditStore.append(db, by: by, action: "case.reviewed", at: Date()) }
        let fresh = try await figures()
        #expect(fresh.0.casesByStatus[.closed] == 1 && fresh.0 != first.0)
        #expect(fresh.1.total == first.1.total + 1)
    }
}
