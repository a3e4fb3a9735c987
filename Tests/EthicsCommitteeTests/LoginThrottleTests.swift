import Foundation
import Testing
@testable import EthicsCommittee

/// The throttle's decisions over time (its clock is the `now` it is given).
@Suite struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func aStrangerCannotLockTheMemberOut() {
        // Given a stranger who guesses wrong fifty times from their own address
        let throttle = LoginThrottle()
        for i in 0..<50 { throttle.recordFailure(account: "ada@example.org", client: "203.0.113.9", now: start + Double(i)) }
        // Then the stranger's pair is refused
        #expect(throttle.check(account: "ada@example.org", client: "203.0.113.9", now: start + 60) == .refuse)
        // But the member, from their own address, is only slowed down (capped), never refused
        let member = throttle.check(account: "ada@example.org", client: "198.51.100.7", now: start + 60)
        #expect(member == .wait(throttle.limits.maxDelay))
    }

    @Test func thePairIsRefusedAfterFiveFailuresForTheWindow() {
        let throttle = LoginThrottle()
        for i in 0..<4 { throttle.recordFailure(account: "ada@example.org", client: "10.0.0.1", now: start + Double(i)) }
        #expect(throttle.check(account: "ada@example.org", client: "10.0.0.1", now: start + 5) == .allow)
        throttle.recordFailure(account: "ADA@example.org", client: "10.0.0.1", now: start + 5)
        #expect(throttle.check(account: "ada@example.org", client: "10.0.0.1", now: start + 6) == .refuse)
        // Once the oldest failures leave the 15-minute window, guessing may resume
        #expect(throttle.check(account: "ada@example.org", client: "10.0.0.1", now: start + 15 * 60 + 4) != .refuse)
    }

    @Test func theAccountSlowDownGrowsWithFailuresFromEveryAddress() {
        let throttle = LoginThrottle()
        for i in 0..<4 { throttle.recordFailure(account: "ada@example.org", client: "10.0.0.\(i)", now: start) }
        #expect(throttle.check(account: "ada@example.org", client: "10.9.9.9", now: start) == .allow)
        throttle.recordFailure(account: "ada@example.org", client: "10.0.0.4", now: start)
        #expect(throttle.check(account: "ada@example.org", client: "10.9.9.9", now: start) == .wait(0.5))
        throttle.recordFailure(account: "ada@example.org", client: "10.0.0.5", now: start)
        #expect(throttle.check(account: "ada@example.org", client: "10.9.9.9", now: start) == .wait(1))
        // Other accounts are not slowed down
        #expect(throttle.check(account: "bob@example.org", client: "10.9.9.9", now: start) == .allow)
    }

    @Test func aGlobalWaveSlowsEveryAttempt() {
        var limits = LoginThrottle.Limits()
        limits.slowGlobalAfter = 30
        let throttle = LoginThrottle(limits)
        for i in 0..<30 { throttle.recordFailure(account: "user\(i)@example.org", client: "10.1.\(i).1", now: start) }
        #expect(throttle.check(account: "ada@example.org", client: "198.51.100.7", now: start) == .wait(limits.globalDelay))
        #expect(throttle.check(account: "ada@example.org", client: "198.51.100.7", now: start + 15 * 60) == .allow)
    }

    @Test func successClearsOnlyItsOwnPair() {
        let throttle = LoginThrottle()
        for _ in 0..<5 { throttle.recordFailure(account: "ada@example.org", client: "10.0.0.1", now: start) }
        for _ in 0..<5 { throttle.recordFailure(account: "ada@example.org", client: "10.0.0.2", now: start) }
        throttle.recordSuccess(account: "ada@example.org", client: "10.0.0.1")
        #expect(throttle.check(account: "ada@example.org", client: "10.0.0.1", now: start) != .refuse)
        #expect(throttle.check(account: "ada@example.org", client: "10.0.0.2", now: start) == .refuse)
    }

    @Test func memoryPerKeyStaysBounded() {
        let throttle = LoginThrottle()
        for i in 0..<10_000 { throttle.recordFailure(account: "ada@example.org", client: "10.0.0.1", now: start + Double(i) / 100) }
        #expect(throttle.check(account: "ada@example.org", client: "10.0.0.1", now: start + 100) == .refuse)
        #expect(throttle.check(account: "ada@example.org", client: "10.0.0.2", now: start + 100) == .wait(throttle.limits.maxDelay))
    }
}
