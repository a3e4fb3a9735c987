import Foundation
import NIOConcurrencyHelpers

/// Slows password guessing without letting a stranger lock a member out (sign-in and the current-password
/// check of `/account/password`). Failures are counted in a sliding window:
/// - per (account, address) pair: after `maxPerPair` failures that pair is refused until the window passes;
/// - per address, whatever the account: after `maxPerClient` failures that address is refused;
/// - per account, from every address: after `slowAccountAfter` failures each attempt waits (longer as failures
///   grow, at most `maxDelay`) but is still checked, so the right password from another address gets in;
/// - over all accounts and addresses: after `slowGlobalAfter` failures every attempt waits at least `globalDelay`.
/// In memory: a restart forgets it, which is acceptable for slowing down guessing.
public final class LoginThrottle: Sendable {
    public struct Limits: Sendable {
        public var window: TimeInterval = 15 * 60
        public var maxPerPair = 5
        public var maxPerClient = 20
        public var slowAccountAfter = 5
        /// Added per further failure on the account, up to `maxDelay`.
        public var accountDelayStep: TimeInterval = 0.5
        public var maxDelay: TimeInterval = 5
        public var slowGlobalAfter = 200
        public var globalDelay: TimeInterval = 1
        public init() {}
    }

    public enum Decision: Sendable, Equatable {
        case allow
        /// Check the password after waiting this long.
        case wait(TimeInterval)
        case refuse
    }

    public let limits: Limits
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    public init(_ limits: Limits = Limits()) { self.limits = limits }

    /// What to do with an attempt on `account` (e-mail) from `client` (address) now.
    public func check(account: String, client: String, now: Date) -> Decision {
        failures.withLockedValue { table in
            if recent(&table, Self.pair(account, client), now) >= limits.maxPerPair
                || recent(&table, Self.client(client), now) >= limits.maxPerClient {
                return .refuse
            }
            var delay: TimeInterval = 0
            let onAccount = recent(&table, Self.account(account), now)
            if onAccount >= limits.slowAccountAfter {
                delay = min(limits.maxDelay, Double(onAccount - limits.slowAccountAfter + 1) * limits.accountDelayStep)
            }
            if recent(&table, Self.global, now) >= limits.slowGlobalAfter { delay = max(delay, limits.globalDelay) }
            return delay > 0 ? .wait(delay) : .allow
        }
    }

    public func recordFailure(account: String, client: String, now: Date) {
        failures.withLockedValue { table in
            if table.count > 50_000 { prune(&table, now) }
            for (key, keep) in [(Self.pair(account, client), limits.maxPerPair), (Self.client(client), limits.maxPerClient),
                                (Self.account(account), limits.slowAccountAfter + 64), (Self.global, limits.slowGlobalAfter)] {
                var dates = table[key, default: []]
                dates.append(now)
                // Only the newest `keep` matter to the decision: memory per key stays bounded under attack.
                if dates.count > keep { dates.removeFirst(dates.count - keep) }
                table[key] = dates
            }
        }
    }

    /// A successful sign-in clears its own pair only: neither the address's count nor the account's other pairs.
    public func recordSuccess(account: String, client: String) {
        _ = failures.withLockedValue { table in table.removeValue(forKey: Self.pair(account, client)) }
    }

    private static func pair(_ account: String, _ client: String) -> String { "pair:\(account.lowercased())\u{0}\(client)" }
    private static func client(_ client: String) -> String { "client:" + client }
    private static func account(_ account: String) -> String { "account:" + account.lowercased() }
    private static let global = "global"

    private func recent(_ table: inout [String: [Date]], _ key: String, _ now: Date) -> Int {
        guard let dates = table[key] else { return 0 }
        let kept = dates.filter { now.timeIntervalSince($0) < limits.window }
        table[key] = kept.isEmpty ? nil : kept
        return kept.count
    }

    private func prune(_ table: inout [String: [Date]], _ now: Date) {
        table = table.filter { _, dates in dates.last.map { now.timeIntervalSince($0) < limits.window } ?? false }
    }
}

extension LoginThrottle {
    /// Asks `check`, waits out a slow-down, and answers whether the password may be checked at all.
    func admit(account: String, client: String, now: Date) async throws -> Bool {
        switch check(account: account, client: client, now: now) {
        case .allow: return true
        case .wait(let seconds): try await Task.sleep(for: .milliseconds(Int(seconds * 1000))); return true
        case .refuse: return false
        }
    }
}
