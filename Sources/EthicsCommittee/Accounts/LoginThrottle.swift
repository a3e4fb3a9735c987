import Foundation
import NIOConcurrencyHelpers

/// Counts failed sign-ins in a sliding window, per account e-mail and per client address.
/// In memory: a restart forgets it, which is acceptable for slowing down guessing.
public final class LoginThrottle: Sendable {
    public let window: TimeInterval
    public let maxPerAccount: Int
    public let maxPerClient: Int
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    public init(window: TimeInterval = 15 * 60, maxPerAccount: Int = 5, maxPerClient: Int = 20) {
        self.window = window; self.maxPerAccount = maxPerAccount; self.maxPerClient = maxPerClient
    }

    /// Whether another attempt for this account from this client must wait.
    public func isBlocked(email: String, client: String, now: Date) -> Bool {
        failures.withLockedValue { table in
            recent(&table, "account:" + email.lowercased(), now) >= maxPerAccount
                || recent(&table, "client:" + client, now) >= maxPerClient
        }
    }

    public func recordFailure(email: String, client: String, now: Date) {
        failures.withLockedValue { table in
            table["account:" + email.lowercased(), default: []].append(now)
            table["client:" + client, default: []].append(now)
        }
    }

    /// A successful sign-in clears the account's count (not the client's).
    public func recordSuccess(email: String) {
        failures.withLockedValue { table in table["account:" + email.lowercased()] = nil }
    }

    private func recent(_ table: inout [String: [Date]], _ key: String, _ now: Date) -> Int {
        let kept = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
        table[key] = kept.isEmpty ? nil : kept
        return kept.count
    }
}
