import EthicsCommittee
import Foundation

/// A seeded generator (SplitMix64): the same seed gives the same committee, so runs compare.
struct DemoRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    /// Some days, with a random time of day, as seconds.
    mutating func days(_ range: ClosedRange<Int>) -> TimeInterval { Double(int(range)) * 86400 + Double(int(0...28_800)) }
    /// `count` distinct items, in random order.
    mutating func sample<T>(_ items: [T], _ count: Int) -> [T] { Array(items.shuffled(using: &self).prefix(count)) }
}

/// The time the stores see while the demo writes: set to each step's moment before it runs, so
/// every timestamp and audit entry tells a plausible history.
final class DemoClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func set(_ date: Date) { lock.withLock { current = date } }
    var appClock: AppClock { AppClock { [self] in self.now } }
}

/// Calendar dates as stored (YYYY-MM-DD, UTC).
enum DemoDate {
    private static let style = Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)
    static func iso(_ date: Date) -> String { style.format(date) }
    /// Midnight UTC of the day `date` falls on.
    static func startOfDay(_ date: Date) -> Date { Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86400).rounded(.down) * 86400) }
    static let day: TimeInterval = 86400
}
