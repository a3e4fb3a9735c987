import Foundation

/// A calendar year in the committee's time zone, as the UTC bounds stored timestamps are compared with:
/// a decision at 23:30 on 31 December in Paris belongs to that year even though it is 22:30 UTC.
public struct ReportPeriod: Sendable, Equatable {
    public let year: Int
    /// UTC timestamps (stored format): the year's first instant, the three quarter starts after it, the next year's first.
    public let bounds: [String]
    public var start: String { bounds[0] }
    public var end: String { bounds[4] }
    /// Local calendar dates, for columns stored as YYYY-MM-DD (due dates).
    public var firstDay: String { String(format: "%04d-01-01", year) }
    public var lastDay: String { String(format: "%04d-12-31", year) }

    public init(year: Int, timeZone: String) {
        self.year = year
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        bounds = [(year, 1), (year, 4), (year, 7), (year, 10), (year + 1, 1)].map { y, month in
            Timestamp.string(calendar.date(from: DateComponents(year: y, month: month, day: 1)) ?? .distantPast)
        }
    }

    /// The year of `date` in the time zone.
    public static func year(of date: Date, timeZone: String) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        return calendar.component(.year, from: date)
    }

    /// The SQL `date()` modifier moving a UTC timestamp to the committee's local date ("+60 minutes"), at the
    /// offset in force at `date`. Used for "was the review late": an hour's error twice a year at most.
    public static func offsetModifier(at date: Date, timeZone: String) -> String {
        let seconds = (TimeZone(identifier: timeZone) ?? .gmt).secondsFromGMT(for: date)
        return "\(seconds >= 0 ? "+" : "")\(seconds / 60) minutes"
    }
}
