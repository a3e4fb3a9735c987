import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Password rules and bcrypt, run on the thread pool so hashing never blocks the event loop.
public struct PasswordHasher: Sendable {
    /// bcrypt cost; the server always uses 12 or more (tests may lower it to run fast).
    public let cost: UInt8
    /// A hash no password matches, checked for unknown accounts so timing does not tell them apart.
    let decoy: String

    public init(cost: UInt8 = 12) {
        self.cost = cost
        self.decoy = Self.decoy(cost: cost)
    }

    /// A well-formed bcrypt hash at `cost` of a random secret: hashed at the lowest cost, then its cost field raised.
    /// Checking a password against it runs `cost` rounds, as checking a real account's hash does, and never matches
    /// (the stored digest is not the one `cost` rounds give). Hashing at `cost` here took 250 ms of CPU at each start
    /// (2.5 s on the loaded machine: 73 % of `ethics serve`'s start-up samples, bench/README.md).
    static func decoy(cost: UInt8) -> String {
        var parts = Bcrypt.hash(Tokens.random(), cost: 4).split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        parts[2] = cost < 10 ? "0\(cost)" : "\(cost)"
        return parts.joined(separator: "$")
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}

/// Why a proposed password is refused; each case has a catalogue message.
public enum PasswordProblem: String, Error, Sendable {
    case tooShort = "password_too_short"
    case tooLong = "password_too_long"
    case tooCommon = "password_too_common"
    case repetitive = "password_repetitive"
    case personal = "password_personal"
    case mismatch = "password_mismatch"

    /// 8 to 72 bytes (bcrypt reads no further than 72), not a common password nor a common word with digits
    /// and symbols around it, not a repetition or a run, and not built from the person's e-mail and name.
    public static func check(_ password: String, confirmation: String, email: String = "", name: String = "") -> PasswordProblem? {
        let bytes = password.utf8.count
        if bytes < 8 { return .tooShort }
        if bytes > 72 { return .tooLong }
        if CommonPasswords.contains(password) || WeakPasswords.isCommonWordWithDecoration(password) { return .tooCommon }
        if WeakPasswords.isTrivial(password) { return .repetitive }
        if WeakPasswords.isBuiltFrom(password, email: email, name: name) { return .personal }
        if password != confirmation { return .mismatch }
        return nil
    }
}
