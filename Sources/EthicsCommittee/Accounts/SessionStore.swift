import Foundation
import GRDB

/// Server-side sessions in SQLite, so they survive a restart and can be ended per account.
public struct SessionStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    let idleTimeout: TimeInterval
    let absoluteLifetime: TimeInterval

    public init(db: AppDatabase, clock: AppClock, idleTimeout: TimeInterval, absoluteLifetime: TimeInterval) {
        self.db = db; self.clock = clock; self.idleTimeout = idleTimeout; self.absoluteLifetime = absoluteLifetime
    }

    /// Signs a user in: always a fresh random id (whatever cookie the browser sent is discarded), a
    /// fresh CSRF token, and the audit entry. Returns the cookie value.
    func start(user: User, replacing previousIdHash: String?, client: String, stage: Session.Stage = .full) async throws -> String {
        let cookieValue = Tokens.random()
        try await db.writer.write { db in
            let now = Timestamp.string(clock.now)
            if let previousIdHash {
                try db.execute(sql: "DELETE FROM sessions WHERE id_hash = ?", arguments: [previousIdHash])
            }
            try db.execute(
                sql: """
                    INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, client, stage, verified_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [Tokens.sha256Hex(cookieValue), user.id, Tokens.random(), now, now, client, stage.rawValue, now])
            try AuditStore.append(db, by: AuditActor(id: user.id, label: user.email, client: client),
                                  action: stage == .full ? "auth.sign_in" : "auth.password_accepted", targetType: "user",
                                  targetId: String(user.id), detail: stage == .full ? "" : stage.rawValue, at: clock.now)
        }
        return cookieValue
    }

    /// The live session for a cookie value: known, account active, not idle too long, not too old.
    /// Marks it seen (at most once a minute, to spare the writer).
    func find(cookieValue: String) async throws -> Session? {
        try await find(cookieValue: cookieValue, withLayout: false).session
    }

    /// The session and, with `withLayout` for a fully signed-in one, the layout's figures read in the same read
    /// (`LayoutReads`): one read instead of three on every signed-in page.
    func find(cookieValue: String, withLayout: Bool) async throws -> (session: Session?, layout: LayoutReads?) {
        let idHash = Tokens.sha256Hex(cookieValue)
        let now = clock.now
        let found: (Session, String, String, LayoutReads?)? = try await db.writer.read { db in
            // Every signed-in request runs this: the prepared statement is kept per connection.
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT s.csrf_token, s.flash, s.created_at AS s_created, s.last_seen_at, s.stage, s.verified_at, u.*,
                        u.role IN ('member', 'expert') AND NOT (
                            EXISTS (SELECT 1 FROM member_profiles p WHERE p.user_id = u.id AND p.completed_at IS NOT NULL)
                            AND EXISTS (SELECT 1 FROM independence_declarations d WHERE d.user_id = u.id)
                        ) AS needs_onboarding
                    FROM sessions s JOIN users u ON u.id = s.user_id
                    WHERE s.id_hash = ? AND u.active = 1
                    """),
                arguments: [idHash])
            else { return nil }
            let session = Session(idHash: idHash, user: User(row: row), csrfToken: row["csrf_token"], flash: row["flash"],
                                  needsOnboarding: row["needs_onboarding"],
                                  stage: Session.Stage(rawValue: row["stage"]) ?? .secondFactor, verifiedAt: row["verified_at"])
            var layout: LayoutReads?
            if withLayout && session.stage == .full {
                let actor = Requester(userId: session.user.id, role: session.user.role, onboarded: !session.needsOnboarding)
                layout = LayoutReads(
                    userId: actor.userId,
                    pending: Policy.decide(actor, .acknowledgeCharter) == .allow ? try CharterStore.pendingAcknowledgements(db, userId: actor.userId) : nil,
                    unread: Policy.decide(actor, .useApp) == .allow ? try NotificationStore.unreadCount(db, for: actor) : nil)
            }
            return (session, row["s_created"], row["last_seen_at"], layout)
        }
        guard let (session, created, lastSeen, layout) = found,
              let createdAt = Timestamp.date(created), let lastSeenAt = Timestamp.date(lastSeen)
        else { return (nil, nil) }
        guard now.timeIntervalSince(lastSeenAt) < idleTimeout, now.timeIntervalSince(createdAt) < absoluteLifetime else {
            try await end(idHash: idHash)
            return (nil, nil)
        }
        if now.timeIntervalSince(lastSeenAt) > 60 {
            try await db.writer.write { db in
                try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?",
                               arguments: [Timestamp.string(now), idHash])
            }
        }
        return (session, layout)
    }

    /// Completes a two-step sign-in: the session becomes a signed-in one, freshly verified.
    func complete(_ session: Session, client: String, detail: String) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE sessions SET stage = 'full', verified_at = ? WHERE id_hash = ?",
                           arguments: [Timestamp.string(clock.now), session.idHash])
            try AuditStore.append(db, by: AuditActor(id: session.user.id, label: session.user.email, client: client),
                                  action: "auth.sign_in", targetType: "user", targetId: String(session.user.id), detail: detail,
                                  at: clock.now)
        }
    }

    /// Records that the person proved it was them again (re-authentication before a sensitive act).
    func markVerified(_ session: Session, client: String, method: String) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE sessions SET verified_at = ? WHERE id_hash = ?",
                           arguments: [Timestamp.string(clock.now), session.idHash])
            try AuditStore.append(db, by: AuditActor(id: session.user.id, label: session.user.email, client: client),
                                  action: "auth.reauthenticated", targetType: "user", targetId: String(session.user.id),
                                  detail: method, at: clock.now)
        }
    }

    /// Signs out: the session row is gone, so the old cookie opens nothing.
    func signOut(_ session: Session, client: String) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id_hash = ?", arguments: [session.idHash])
            try AuditStore.append(db, by: AuditActor(id: session.user.id, label: session.user.email, client: client),
                                  action: "auth.sign_out", targetType: "user", targetId: String(session.user.id),
                                  at: clock.now)
        }
    }

    /// Removes one session without an audit entry (expired or orphaned).
    func end(idHash: String) async throws {
        try await db.writer.write { db in try db.execute(sql: "DELETE FROM sessions WHERE id_hash = ?", arguments: [idHash]) }
    }

    /// Keeps a one-time message for the next page of this session (Post/Redirect/Get).
    func setFlash(_ message: String?, idHash: String) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE sessions SET flash = ? WHERE id_hash = ?", arguments: [message, idHash])
        }
    }

    /// Number of live session rows of an account (tests and the user page).
    public func count(userId: Int64) async throws -> Int {
        try await db.writer.read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM sessions WHERE user_id = ?"), arguments: [userId]) ?? 0
        }
    }
}
