import Foundation
import GRDB

/// SQL for committee members: profiles, expertise, interests, declarations. Each write is audited
/// in its own transaction.
public struct MemberStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// The columns of a member: account, profile (if any) and latest declaration.
    private static let select = """
        SELECT u.*, p.affiliation, p.external, p.position, p.title_form, p.voting, p.term_start, p.term_end, p.completed_at,
               d.signed_at AS declaration_signed_at, d.text_version AS declaration_version
        FROM users u
        LEFT JOIN member_profiles p ON p.user_id = u.id
        LEFT JOIN independence_declarations d ON d.id = (
            SELECT id FROM independence_declarations WHERE user_id = u.id ORDER BY signed_at DESC, id DESC LIMIT 1)
        """

    /// The composition page's data in one read (one consistent snapshot): the figures by aggregate queries,
    /// one page of the seated members by name, and the short lists bounded to `listLimit` with their totals.
    public func composition(page: Int, size: Int, dates: Composition.Dates, listLimit: Int = 20) async throws -> Composition {
        let committee = "u.role IN ('member', 'expert')", seated = "u.role IN ('member', 'expert') AND u.active = 1"
        let byName = " ORDER BY u.name COLLATE NOCASE, u.id"
        return try await db.writer.read { db in
            func members(_ condition: String, _ order: String, _ arguments: StatementArguments, limit: Int, offset: Int = 0) throws -> [Member] {
                var all = arguments
                all += [limit, offset]
                let rows = try Row.fetchAll(db.cachedStatement(sql: Self.select + " WHERE \(condition)\(order) LIMIT ? OFFSET ?"), arguments: all)
                let areas = try Self.expertise(db, userIds: rows.map { $0["id"] as Int64 })
                return rows.map { Member(row: $0, expertise: areas[$0["id"], default: []]) }
            }
            func bounded(_ condition: String, _ order: String, _ arguments: StatementArguments = []) throws -> Composition.Bounded {
                let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM (\(Self.select) WHERE \(condition))"), arguments: arguments) ?? 0
                return Composition.Bounded(members: total == 0 ? [] : try members(condition, order, arguments, limit: listLimit), total: total)
            }
            let counts = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) AS seated, coalesce(sum(coalesce(p.external, u.role = 'expert')), 0) AS external,
                       coalesce(sum(coalesce(p.voting, 1)), 0) AS voting
                FROM users u LEFT JOIN member_profiles p ON p.user_id = u.id WHERE \(seated)
                """))!
            let perArea = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT e.area, count(*) AS n FROM member_expertise e JOIN users u ON u.id = e.user_id WHERE \(seated) GROUP BY e.area
                """)).reduce(into: [String: Int]()) { $0[$1["area"]] = $1["n"] }
            let total: Int = counts["seated"]
            let (number, offset) = ListPage<Member>.clamp(requested: page, total: total, size: size)
            let due = "(d.signed_at IS NULL OR d.text_version IS NULL OR d.text_version < ? OR d.signed_at < ?)"
            return Composition(
                seated: ListPage(rows: try members(seated, byName, [], limit: size, offset: offset), total: total, number: number, size: size),
                externalCount: counts["external"], votingCount: counts["voting"],
                coverage: ExpertiseArea.allCases.filter { $0 != .other }.map { (area: $0, count: perArea[$0.rawValue] ?? 0) },
                termsEndingSoon: try bounded("\(seated) AND p.term_end BETWEEN ? AND ?", " ORDER BY p.term_end, u.id", [dates.today, dates.in90Days]),
                declarationsDue: try bounded("\(seated) AND \(due)", byName, [dates.declarationVersion, dates.signedBefore]),
                former: try bounded("\(committee) AND u.active = 0", byName))
        }
    }

    /// One member (any role: the profile page of an account that left the committee still opens).
    public func find(userId: Int64) async throws -> Member? {
        try await db.writer.read { db in try Self.find(db, userId: userId) }
    }

    /// Who holds the chair now (an active account): the meetings, minutes, written procedures and incidents ask it.
    static func chairId(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT p.user_id FROM member_profiles p JOIN users u ON u.id = p.user_id WHERE p.position = 'chair' AND u.active = 1
            """))
    }

    static func find(_ db: Database, userId: Int64) throws -> Member? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.select + " WHERE u.id = ?"), arguments: [userId]) else { return nil }
        let areas = try String.fetchAll(db.cachedStatement(sql: "SELECT area FROM member_expertise WHERE user_id = ? ORDER BY area"),
                                        arguments: [userId]).compactMap(ExpertiseArea.init(rawValue:))
        return Member(row: row, expertise: areas)
    }

    /// The expertise of the listed members in one query, so listing pages make no query per row.
    private static func expertise(_ db: Database, userIds: [Int64]) throws -> [Int64: [ExpertiseArea]] {
        guard !userIds.isEmpty else { return [:] }
        var result: [Int64: [ExpertiseArea]] = [:]
        let marks = Array(repeating: "?", count: userIds.count).joined(separator: ", ")
        for row in try Row.fetchAll(db, sql: "SELECT user_id, area FROM member_expertise WHERE user_id IN (\(marks)) ORDER BY area",
                                    arguments: StatementArguments(userIds)) {
            if let area = ExpertiseArea(rawValue: row["area"]) { result[row["user_id"], default: []].append(area) }
        }
        return result
    }

    /// Interests a member declared, current ones first.
    public func interests(userId: Int64) async throws -> [DeclaredInterest] {
        try await db.writer.read { db in
            try DeclaredInterest.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM declared_interests WHERE user_id = ? ORDER BY withdrawn_at IS NOT NULL, since DESC, id DESC
                """), arguments: [userId])
        }
    }

    /// What the member fills in themself: affiliation and expertise. Marks the profile completed.
    public func saveOwnProfile(userId: Int64, affiliation: String, expertise: [ExpertiseArea], titleForm: TitleForm? = nil,
                               by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.upsertOwn(db, userId: userId, affiliation: affiliation, expertise: expertise, now: clock.now)
            if let titleForm {
                try db.execute(sql: "UPDATE member_profiles SET title_form = ? WHERE user_id = ?", arguments: [titleForm.rawValue, userId])
            }
            try AuditStore.append(db, by: actor, action: "member.profile_updated", targetType: "user", targetId: String(userId),
                                  detail: "expertise=" + expertise.map(\.rawValue).joined(separator: ",")
                                      + (titleForm.map { " title_form=\($0.rawValue)" } ?? ""), at: clock.now)
        }
    }

    private static func upsertOwn(_ db: Database, userId: Int64, affiliation: String, expertise: [ExpertiseArea], now: Date) throws {
        let at = Timestamp.string(now)
        try db.execute(sql: """
            INSERT INTO member_profiles (user_id, affiliation, external, completed_at, updated_at)
            VALUES (?, ?, (SELECT role = 'expert' FROM users WHERE id = ?), ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET affiliation = excluded.affiliation,
                completed_at = coalesce(member_profiles.completed_at, excluded.completed_at), updated_at = excluded.updated_at
            """, arguments: [userId, affiliation, userId, at, at])
        try db.execute(sql: "DELETE FROM member_expertise WHERE user_id = ?", arguments: [userId])
        for area in expertise {
            try db.execute(sql: "INSERT INTO member_expertise (user_id, area) VALUES (?, ?)", arguments: [userId, area.rawValue])
        }
    }

    /// What the secretary or admin sets: internal/external, position, voting, term.
    /// Throws `PositionTaken` naming the current holder when another member holds the position.
    public func saveSeat(userId: Int64, external: Bool, position: Position, voting: Bool, termStart: String?, termEnd: String?,
                         by actor: AuditActor) async throws {
        try await db.writer.write { db in
            if position != .none, let holder = try String.fetchOne(db.cachedStatement(sql: """
                SELECT u.name FROM member_profiles p JOIN users u ON u.id = p.user_id WHERE p.position = ? AND p.user_id <> ?
                """), arguments: [position.rawValue, userId]) {
                throw PositionTaken(holder: holder)
            }
            let at = Timestamp.string(clock.now)
            try db.execute(sql: """
                INSERT INTO member_profiles (user_id, external, position, voting, term_start, term_end, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(user_id) DO UPDATE SET external = excluded.external, position = excluded.position,
                    voting = excluded.voting, term_start = excluded.term_start, term_end = excluded.term_end,
                    updated_at = excluded.updated_at
                """, arguments: [userId, external, position.rawValue, voting, termStart, termEnd, at])
            try AuditStore.append(db, by: actor, action: "member.seat_updated", targetType: "user", targetId: String(userId),
                                  detail: "external=\(external) position=\(position.rawValue) voting=\(voting) term=\(termStart ?? "")..\(termEnd ?? "")",
                                  at: clock.now)
        }
    }

    /// Signs the independence declaration: the exact text and its version are kept.
    public func signDeclaration(userId: Int64, text: String, version: Int, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.insertDeclaration(db, userId: userId, text: text, version: version, now: clock.now)
            try AuditStore.append(db, by: actor, action: "member.declaration_signed", targetType: "user",
                                  targetId: String(userId), detail: "version=\(version)", at: clock.now)
        }
    }

    private static func insertDeclaration(_ db: Database, userId: Int64, text: String, version: Int, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO independence_declarations (user_id, text_version, text, signed_at) VALUES (?, ?, ?, ?)
            """, arguments: [userId, version, text, Timestamp.string(now)])
    }

    /// First visit of a new member: profile and declaration together, in one transaction.
    public func completeOnboarding(userId: Int64, affiliation: String, expertise: [ExpertiseArea], declarationText: String,
                                   declarationVersion: Int, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try Self.upsertOwn(db, userId: userId, affiliation: affiliation, expertise: expertise, now: clock.now)
            try Self.insertDeclaration(db, userId: userId, text: declarationText, version: declarationVersion, now: clock.now)
            try AuditStore.append(db, by: actor, action: "member.onboarded", targetType: "user", targetId: String(userId),
                                  detail: "declaration_version=\(declarationVersion)", at: clock.now)
        }
    }

    /// Adds a declared interest.
    public func addInterest(userId: Int64, organisation: String, nature: String, since: String?, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: """
                INSERT INTO declared_interests (user_id, organisation, nature, since, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [userId, organisation, nature, since, Timestamp.string(clock.now)])
            try AuditStore.append(db, by: actor, action: "member.interest_declared", targetType: "interest",
                                  targetId: String(db.lastInsertedRowID), detail: "user=\(userId) organisation=\(organisation)",
                                  at: clock.now)
        }
    }

    /// Withdraws one of a member's interests (kept, dated, for the history of past decisions).
    public func withdrawInterest(id: Int64, userId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try db.execute(sql: "UPDATE declared_interests SET withdrawn_at = ? WHERE id = ? AND user_id = ? AND withdrawn_at IS NULL",
                           arguments: [Timestamp.string(clock.now), id, userId])
            guard db.changesCount == 1 else { throw Refusal.notFound }
            try AuditStore.append(db, by: actor, action: "member.interest_withdrawn", targetType: "interest",
                                  targetId: String(id), detail: "user=\(userId)", at: clock.now)
        }
    }
}

/// Another member already holds the chair or vice-chair.
public struct PositionTaken: Error, Equatable {
    public let holder: String
}
