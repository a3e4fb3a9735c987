import Foundation
import Testing
@testable import EthicsCommittee

/// The decoy hash checked for unknown accounts is made without hashing at the server's cost (that was most of the
/// start-up time, bench/README.md), yet is a hash of that cost, so checking it costs what checking a real one does.
@Suite struct PasswordDecoyTests {
    @Test func theDecoyIsAWellFormedHashAtTheServersCostThatNothingMatches() async throws {
        let hasher = PasswordHasher(cost: 12)
        let real = try await PasswordHasher(cost: 4).hash("a fine passphrase")
        // Same shape as a real hash (version, two-digit cost, 22 characters of salt, 31 of digest), at the server's cost
        let shape = /^\$2b\$(\d\d)\$[.\/A-Za-z0-9]{53}$/
        #expect(try shape.wholeMatch(in: real) != nil, "\(real)")
        let match = try #require(try shape.wholeMatch(in: hasher.decoy), "\(hasher.decoy)")
        #expect(match.output.1 == "12")
        #expect(PasswordHasher.decoy(cost: 5).hasPrefix("$2b$05$"))
        // Nothing matches it, and each start draws a new one
        #expect(try await !PasswordHasher(cost: 5).verify("", hash: PasswordHasher.decoy(cost: 5)))
        #expect(PasswordHasher.decoy(cost: 12) != hasher.decoy)
        // A real hash with its cost field raised the same way no longer matches its own password: the check ran the
        // raised number of rounds over the salt, not the rounds the digest was made with
        var parts = real.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        #expect(try await PasswordHasher(cost: 4).verify("a fine passphrase", hash: parts.joined(separator: "$")))
        parts[2] = "05"
        #expect(try await !PasswordHasher(cost: 4).verify("a fine passphrase", hash: parts.joined(separator: "$")))
    }
}
