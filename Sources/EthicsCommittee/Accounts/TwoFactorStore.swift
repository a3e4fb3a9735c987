import Foundation
import GRDB

/// Which accounts must use two-factor sign-in (a committee setting).
public enum TwoFactorRequirement: String, Sendable, CaseIterable {
    case off
    /// Administrators and secretaries: the default.
    case staff
    /// Every committee account too (members and experts); project owners stay free to choose.
    case committee

    public func applies(to role: Role) -> Bool {
        switch self {
        case .off: false
        case .staff: role == .admin || role == .secretary
        case .committee: role != .submitter
        }
    }
}

/// What became of a code typed at sign-in or re-authentication.
public enum SecondFactorCheck: Sendable, Equatable {
    case accepted
    /// A recovery code, now spent.
    case recoveryCodeAccepted
    case wrong
    /// The right code, but already used in its window (or an earlier one).
    case replayed
    /// A recovery code that was already used.
    case recoveryCodeUsed
}

/// SQL for two-factor sign-in: the TOTP secret, the last step accepted (no replay), the recovery codes.
public struct TwoFactorStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public static let recoveryCodeCount = 10

    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    public enum Refusal: Error, Equatable { case alreadyEnrolled, wrongCode, notStarted }

    /// Whether the account signs in with a second factor.
    public func isEnabled(userId: Int64) async throws -> Bool {
        try await db.writer.read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM two_factor WHERE user_id = ? AND enabled_at IS NOT NULL)"),
                              arguments: [userId]) ?? false
        }
    }

    /// Unused recovery codes left.
    public func recoveryCodesLeft(userId: Int64) async throws -> Int {
        try await db.writer.read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL"), arguments: [userId]) ?? 0
        }
    }

    /// The secret being set up (base32): the one already waiting for its first code, or a new one, so reloading
    /// the page shows the same QR code. Throws `.alreadyEnrolled` when two-factor is on.
    public func pendingSecret(userId: Int64) async throws -> String {
        try await db.writer.write { db in
            if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT secret, enabled_at FROM two_factor WHERE user_id = ?"), arguments: [userId]) {
                if (row["enabled_at"] as String?) != nil { throw Refusal.alreadyEnrolled }
                return row["secret"]
            }
            let secret = Base32.encode(TOTP.newSecret())
            try db.execute(sql: "INSERT INTO two_factor (user_id, secret, created_at) VALUES (?, ?, ?)",
                           arguments: [userId, secret, Timestamp.string(clock.now)])
            return secret
        }
    }

    /// Turns two-factor on once the first code matches the pending secret. Returns the ten recovery codes,
    /// shown once; only their SHA-256 is kept.
    public func enable(userId: Int64, code: String, by actor: AuditActor) async throws -> [String] {
        let codes = (0..<Self.recoveryCodeCount).map { _ in Self.newRecoveryCode() }
        try await db.writer.write { db in
            let now = clock.now
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT secret, enabled_at, last_step FROM two_factor WHERE user_id = ?"),
                                             arguments: [userId])
            else { throw Refusal.notStarted }
            if (row["enabled_at"] as String?) != nil { throw Refusal.alreadyEnrolled }
            guard let secret = Base32.decode(row["secret"]),
                  let step = TOTP.match(code, secret: secret, at: now, after: row["last_step"])
            else { throw Refusal.wrongCode }
            try db.execute(sql: "UPDATE two_factor SET enabled_at = ?, last_step = ? WHERE user_id = ?",
                           arguments: [Timestamp.string(now), step, userId])
            try db.execute(sql: "DELETE FROM recovery_codes WHERE user_id = ?", arguments: [userId])
            for code in codes {
                try db.execute(sql: "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)",
                               arguments: [userId, Self.hash(code)])
            }
            try AuditStore.append(db, by: actor, action: "two_factor.enabled", targetType: "user", targetId: String(userId), at: now)
        }
        return codes
    }

    /// Checks a code typed by an enrolled account: a TOTP code (newer than the last accepted one) or an
    /// unused recovery code. Accepted codes are spent in the same transaction, with an audit entry.
    public func check(userId: Int64, code typed: String, by actor: AuditActor) async throws -> SecondFactorCheck {
        try await db.writer.write { db in
            let now = clock.now
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT secret, last_step FROM two_factor WHERE user_id = ? AND enabled_at IS NOT NULL"),
                                             arguments: [userId]),
                  let secret = Base32.decode(row["secret"])
            else { return .wrong }
            let lastStep: Int64 = row["last_step"]
            if let step = TOTP.match(typed, secret: secret, at: now, after: lastStep) {
                try db.execute(sql: "UPDATE two_factor SET last_step = ? WHERE user_id = ?", arguments: [step, userId])
                return .accepted
            }
            if TOTP.isReplay(typed, secret: secret, at: now, lastStep: lastStep) { return .replayed }
            let hash = Self.hash(typed)
            guard let codeRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, used_at FROM recovery_codes WHERE user_id = ? AND code_hash = ?"),
                                                 arguments: [userId, hash])
            else { return .wrong }
            if (codeRow["used_at"] as String?) != nil { return .recoveryCodeUsed }
            try db.execute(sql: "UPDATE recovery_codes SET used_at = ? WHERE id = ?", arguments: [Timestamp.string(now), codeRow["id"] as Int64])
            try AuditStore.append(db, by: actor, action: "two_factor.recovery_code_used", targetType: "user",
                                  targetId: String(userId), at: now)
            return .recoveryCodeAccepted
        }
    }

    /// Removes the account's second factor and recovery codes (an administrator's reset, or the command line):
    /// the person sets it up again at the next sign-in when it is required.
    public func reset(userId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "DELETE FROM two_factor WHERE user_id = ?", arguments: [userId])
            try db.execute(sql: "DELETE FROM recovery_codes WHERE user_id = ?", arguments: [userId])
            try AuditStore.append(db, by: actor, action: "two_factor.reset", targetType: "user", targetId: String(userId), at: clock.now)
        }
    }

    /// A recovery code: ten characters of base32 in two groups ("k3m9p-x2qat"), 50 bits.
    static func newRecoveryCode() -> String {
        let text = String(Base32.encode(Array(TOTP.newSecret().prefix(7))).lowercased().prefix(10))
        return String(text.prefix(5)) + "-" + String(text.suffix(5))
    }

    /// Codes are compared without case, spaces or dashes, as people type them.
    static func hash(_ code: String) -> String {
        Tokens.sha256Hex(code.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
