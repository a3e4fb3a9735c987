import Foundation

/// Which reporting period of AI Act Art. 73 applies to a serious incident.
public enum Art73Case: String, Sendable, CaseIterable {
    /// Art. 73(2): 15 days.
    case standard
    /// Art. 73(3): a widespread infringement, or a serious and irreversible disruption of critical infrastructure
    /// (Art. 3(49)(b)): 2 days.
    case widespread
    /// Art. 73(4): the death of a person: 10 days.
    case death

    /// Days after the provider (or deployer) became aware, at the latest.
    public var days: Int {
        switch self {
        case .standard: 15
        case .widespread: 2
        case .death: 10
        }
    }
}

/// The reporting deadline a provider of a high-risk AI system must meet for a serious incident (Art. 73),
/// counted in calendar days from the date the organisation became aware. Pure, so it is table-tested.
public enum Art73Deadline {
    /// The last day to report, as an ISO date; nil when the incident is not serious or its date is not a date.
    public static func due(severity: IncidentSeverity?, awareOn: String, case period: Art73Case) -> String? {
        guard let severity, severity.isSerious, let start = day(awareOn),
              let end = calendar.date(byAdding: .day, value: period.days, to: start) else { return nil }
        return iso(end)
    }

    /// Whether the deadline has passed (`today` is the committee's local date) without the authority being told.
    public static func missed(due: String?, today: String, notifiedOn: String?) -> Bool {
        guard let due else { return false }
        if let notifiedOn { return notifiedOn > due }
        return today > due
    }

    /// How many days before the deadline the due-date sweep first reminds the secretary and the incident's owner.
    public static let reminderDays = 3
    /// The longest period (Art. 73(2), 15 days): an incident aware before `today` minus this is past every deadline.
    public static let longestPeriod = Art73Case.allCases.map(\.days).max() ?? 15

    /// The two reminders before a deadline, each sent once (`DueDateSweep`).
    public enum Reminder: String, Sendable {
        /// From `reminderDays` days before the deadline until the day before.
        case soon
        /// On the last day.
        case today
    }

    /// The reminder `today` calls for, given the deadline: nil before the reminder period and after the day (the
    /// incident page then shows the deadline missed). A sweep that first runs on the last day sends only `today`.
    public static func reminder(due: String, today: String) -> Reminder? {
        guard let end = day(due), let now = day(today), let left = calendar.dateComponents([.day], from: now, to: end).day else { return nil }
        if left == 0 { return .today }
        return (1...reminderDays).contains(left) ? .soon : nil
    }

    /// `iso` moved by whole days (the sweep's lower bound on `aware_on`).
    public static func shifted(_ iso: String, days: Int) -> String? {
        guard let start = day(iso), let end = calendar.date(byAdding: .day, value: days, to: start) else { return nil }
        return Self.iso(end)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func day(_ iso: String) -> Date? {
        guard Formats.isISODate(iso) else { return nil }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    private static func iso(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
