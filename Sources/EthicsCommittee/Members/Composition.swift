import Foundation

/// The committee's make-up, computed from its members: who sits, the share of external members,
/// expertise coverage, terms ending soon and declarations due. Pure, so it is unit-tested.
public struct Composition: Sendable {
    public let seated: [Member]
    public let former: [Member]
    public let externalShare: Int
    public let votingCount: Int
    /// Members per area, in the order of `ExpertiseArea.allCases`.
    public let coverage: [(area: ExpertiseArea, count: Int)]
    public let uncovered: [ExpertiseArea]
    public let termsEndingSoon: [Member]
    public let declarationsDue: [Member]

    /// `today` is the committee's local date (YYYY-MM-DD); "soon" is the next 90 days.
    public init(members: [Member], now: Date, today: String, in90Days: String, declarationVersion: Int) {
        let seated = members.filter { $0.user.active }
        self.seated = seated
        former = members.filter { !$0.user.active }
        let externals = seated.filter(\.external).count
        externalShare = seated.isEmpty ? 0 : Int((Double(externals) * 100 / Double(seated.count)).rounded())
        votingCount = seated.filter(\.voting).count
        let coverage = ExpertiseArea.allCases.filter { $0 != .other }.map { area in
            (area: area, count: seated.filter { $0.expertise.contains(area) }.count)
        }
        self.coverage = coverage
        uncovered = coverage.filter { $0.count == 0 }.map(\.area)
        termsEndingSoon = seated.filter { $0.termEnds(from: today, through: in90Days) }
            .sorted { ($0.termEnd ?? "") < ($1.termEnd ?? "") }
        declarationsDue = seated.filter { $0.declarationDue(now: now, currentVersion: declarationVersion) }
    }
}
