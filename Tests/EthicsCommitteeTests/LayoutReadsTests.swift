import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The layout's figures are read with the session, in one read, on a GET (issue 19): they equal what the stores
/// read on their own, and the stores answer from them only for the person of the request.
@Suite struct LayoutReadsTests {
    @Test func theFiguresReadWithTheSessionAreThoseTheStoresRead() async throws {
        let c = try await MeetingFlowTests.committee()
        try await NotificationPagingTests.notify(c, [c.ada])
        let cookie = try await c.app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            return ada.cookies[AppCookies.session]!
        }
        let s = c.app.services
        let (session, layout) = try await s.sessions.find(cookieValue: cookie, withLayout: true)
        let actor = Requester(userId: c.ada.id, role: .member, onboarded: !(session?.needsOnboarding ?? true))
        let reads = try #require(layout)
        #expect(reads.userId == c.ada.id)
        #expect(reads.unread == (try await s.notifications.unreadCount(for: actor)))
        #expect(reads.unread ?? 0 > 0)
        #expect(reads.pending?.map(\.kind) == (try await s.charter.pendingAcknowledgements(userId: c.ada.id)).map(\.kind))
        // Not asked (a POST): nothing read beyond the session
        #expect(try await s.sessions.find(cookieValue: cookie, withLayout: false).layout == nil)
    }

    @Test func theStoresAnswerFromTheRequestsFiguresForItsPersonOnly() async throws {
        let c = try await MeetingFlowTests.committee()
        try await NotificationPagingTests.notify(c, [c.ada, c.carol])
        let s = c.app.services
        let carol = Requester(userId: c.carol.id, role: .member)
        let carolsCount = try await s.notifications.unreadCount(for: carol)
        let snapshot = LayoutReads(userId: c.ada.id, pending: [], unread: 4242)
        let (mine, pending, hers) = try await LayoutReads.$current.withValue(snapshot) {
            (try await s.notifications.unreadCount(for: Requester(userId: c.ada.id, role: .member)),
             try await s.charter.pendingAcknowledgements(userId: c.ada.id), try await s.notifications.unreadCount(for: carol))
        }
        #expect(mine == 4242 && pending.isEmpty && hers == carolsCount)
    }

    @Test func aSignedInPageShowsTheCountAndTheCountFollowsAChange() async throws {
        let c = try await MeetingFlowTests.committee()
        try await NotificationPagingTests.notify(c, [c.ada])
        let expected = try await c.app.services.notifications.unreadCount(for: Requester(userId: c.ada.id, role: .member))
        try await c.app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            #expect(NotificationTests.headerCount(try await ada.get("/").body) == expected)
            #expect(try await ada.post("/notifications/read-all").status == .seeOther)
            #expect(NotificationTests.headerCount(try await ada.get("/").body) == nil)
        }
    }
}
