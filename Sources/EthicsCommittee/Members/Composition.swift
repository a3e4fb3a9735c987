import Foundation

/// The committee's make-up as the composition page shows it: figures counted by aggregate queries, one page
/// of the seated members, and short lists (terms ending soon, declarations due, former members) bounded with
/// their totals, so the page stays the same size however long the committee's history (`MemberStore.composition`).
public struct Composition: Sendable {
    public let seated: ListPage<Member>
    public let externalCount: Int
    public let votingCount: Int
    /// Seated members per area, in the order of `ExpertiseArea.allCases` ("other" left out).
    public let coverage: [(area: ExpertiseArea, count: Int)]
    public let termsEndingSoon: Bounded
    public let declarationsDue: Bounded
    public let former: Bounded

    /// The first members of a list, and how many there are in all.
    public struct Bounded: Sendable {
        public let members: [Member]
        public let total: Int
        public var more: Int { total - members.count }
    }

    public var seatedCount: Int { seated.total }
    public var externalShare: Int {
        seatedCount == 0 ? 0 : Int((Double(externalCount) * 100 / Double(seatedCount)).rounded())
    }
    public var uncovered: [ExpertiseArea] { coverage.filter { $0.count == 0 }.map(\.area) }

    /// What "due" and "soon" mean, from the committee's clock and settings.
    public struct Dates: Sendable {
        /// The committee's local date (YYYY-MM-DD) and the one 90 days later: terms ending between them are "soon".
        public let today: String
        public let in90Days: String
        /// A declaration signed before this instant (twelve months ago) is due again (`Member.declarationDue`).
        public let signedBefore: String
        public let declarationVersion: Int

        public init(now: Date, today: String, in90Days: String, declarationVersion: Int) {
            self.today = today
            self.in90Days = in90Days
            signedBefore = Timestamp.string(now.addingTimeInterval(-Member.declarationValidity))
            self.declarationVersion = declarationVersion
        }
    }
}
