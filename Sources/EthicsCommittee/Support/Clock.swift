import Foundation

/// Time as the app sees it; tests move it forward to cross expiries and timeouts.
public struct AppClock: Sendable {
    private let source: @Sendable () -> Date
    public init(_ source: @escaping @Sendable () -> Date = { Date() }) { self.source = source }
    public var now: Date { source() }
    public static let system = AppClock()
}

/// Timestamps are stored as UTC ISO 8601 text with milliseconds ("2026-11-24T14:00:00.000Z"),
/// which sorts as time does.
package enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    package static func string(_ date: Date) -> String { style.format(date) }
    package static func date(_ string: String) -> Date? { try? style.parse(string) }
}
