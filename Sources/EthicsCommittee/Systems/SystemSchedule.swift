import Foundation

/// When a system comes back before the committee and when its owner attests: months from the settings
/// (review interval by risk tier, attestation interval), added to calendar dates. Pure, tested without HTTP.
public struct SystemSchedule: Sendable, Equatable {
    public var reviewMonthsHigh = 12
    public var reviewMonthsMedium = 24
    public var reviewMonthsLow = 36
    public var attestationMonths = 6

    public init(reviewMonthsHigh: Int = 12, reviewMonthsMedium: Int = 24, reviewMonthsLow: Int = 36, attestationMonths: Int = 6) {
        self.reviewMonthsHigh = reviewMonthsHigh; self.reviewMonthsMedium = reviewMonthsMedium
        self.reviewMonthsLow = reviewMonthsLow; self.attestationMonths = attestationMonths
    }

    /// The settings allow 1 to 120 months for each interval.
    public static let monthRange = 1...120

    public func reviewMonths(_ tier: RiskTier) -> Int {
        switch tier {
        case .high: reviewMonthsHigh
        case .medium: reviewMonthsMedium
        case .low: reviewMonthsLow
        }
    }

    /// The next review after an approval (or a registration) on `date` (YYYY-MM-DD).
    public func nextReview(after date: String, tier: RiskTier) -> String {
        Self.adding(months: reviewMonths(tier), to: date)
    }

    /// The next attestation after one given (or the start of service) on `date`.
    public func nextAttestation(after date: String) -> String {
        Self.adding(months: attestationMonths, to: date)
    }

    /// `date` plus whole calendar months; the 31st of a month becomes the last day of a shorter month.
    public static func adding(months: Int, to date: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let end = calendar.date(byAdding: .month, value: months, to: start) else { return date }
        let c = calendar.dateComponents([.year, .month, .day], from: end)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
