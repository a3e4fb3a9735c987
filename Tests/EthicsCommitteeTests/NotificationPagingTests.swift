import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The notifications list is paged in SQL (issue 19): its filter is `Notifier.mayOpen` written in SQL, applied before
/// the page is cut, so every page is full, the count is the rows, and nothing listed is a record the person may not open.
@Suite struct NotificationPagingTests {
    /// 70 notifications for each of `people`, cycling over an open case, a confidential one, a meeting nobody is
    /// invited to and a published version.
    static func notify(_ c: MeetingFlowTests.Committee, _ people: [User]) async throws {
        let records: [(String, Int64)] = [("case", c.open), ("case", c.secret), ("meeting", 999), ("document_version", 1)]
        try await c.app.database.writer.write { db in
            for person in people {
                for index in 0..<70 {
                    let (type, id) = records[index % records.count]
                    try db.execute(sql: """
                        INSERT INTO notifications (recipient_id, kind, record_type, record_id, params, created_at, read_at)
                        VALUES (?, 'case_decided', ?, ?, '{"title":"x"}', '2026-11-17T10:00:00.000Z', ?)
                        """, arguments: [person.id, type, id, index % 3 == 0 ? "2026-11-18T10:00:00.000Z" : nil])
                }
            }
        }
    }

    @Test func everyPageListsOnlyWhatThePolicyAllowsAndTheCountIsTheRows() async throws {
        let c = try await MeetingFlowTests.committee()
        let people = [c.secretary, c.ada, c.carol, c.turing, c.owner]
        try await Self.notify(c, people)
        let store = c.app.services.notifications
        for person in people {
            let actor = Requester(userId: person.id, role: person.role)
            let allowed = try await store.allWithAccess(userId: person.id).filter(\.1).map(\.0.id)
            var listed: [Int64] = []
            let first = try await store.list(for: actor, page: 1, size: 20)
            for number in 1...first.page.pageCount {
                let page = try await store.list(for: actor, page: number, size: 20).page
                #expect(page.total == first.page.total)
                #expect(page.rows.count == (number < page.pageCount ? 20 : page.total - 20 * (page.pageCount - 1)))
                listed += page.rows.map(\.id)
            }
            // The list, page after page, is exactly what `mayOpen` allows, newest first, and the count is its length
            #expect(listed == allowed, "\(person.email)")
            #expect(first.page.total == allowed.count)
            let unreadAllowed = try await store.allWithAccess(userId: person.id).filter { $0.1 && $0.0.readAt == nil }.count
            #expect(first.unread == unreadAllowed)
            #expect(try await store.unreadCount(for: actor) == unreadAllowed)
        }
        // The examples differ: the secretary sees every line, the expert neither the confidential case nor the meeting
        #expect(try await store.list(for: Requester(userId: c.secretary.id, role: .secretary), page: 1, size: 20).page.total == 70)
        #expect(try await store.list(for: Requester(userId: c.turing.id, role: .expert), page: 1, size: 20).page.total < 70)
    }

    @Test func theListPageHasAPagerAndAPagePastTheEndShowsTheLast() async throws {
        let c = try await MeetingFlowTests.committee()
        try await Self.notify(c, [c.secretary])
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let first = try await secretary.get("/notifications")
            #expect(first.status == .ok)
            #expect(first.body.components(separatedBy: "<li class=\"notification").count - 1 == NotificationController.pageSize)
            #expect(first.body.contains("href=\"/notifications?page=2\""))
            let last = try await secretary.get("/notifications?page=9")
            #expect(last.body.components(separatedBy: "<li class=\"notification").count - 1 == 70 - NotificationController.pageSize)
            #expect(last.body.contains("href=\"/notifications?page=1\""))
        }
    }
}
