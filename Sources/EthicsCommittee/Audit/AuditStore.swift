import Foundation
import GRDB

/// The append-only trail. `append` is called by other stores inside their own write transaction,
/// so a change and its audit entry commit together or not at all.
public struct AuditStore: Sendable {
    let db: AppDatabase
    public init(db: AppDatabase) { self.db = db }

    /// Appends one entry chained to the last one; call inside a write transaction.
    package static func append(_ database: Database, by actor: AuditActor, action: String, targetType: String = "",
                               targetId: String = "", detail: String = "", at date: Date) throws {
        // Cached statements: every write of the app (and each of the demo's millions of entries) passes here.
        let prev = try String.fetchOne(database.cachedStatement(sql: "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")) ?? "genesis"
        let at = Timestamp.string(date)
        let hash = AuditEntry.chainHash(prev: prev, at: at, actorId: actor.id, actor: actor.label, action: action,
                                        targetType: targetType, targetId: targetId, detail: detail, client: actor.client)
        try database.cachedStatement(sql: """
            INSERT INTO audit_log (at, actor_id, actor, action, target_type, target_id, detail, client, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [at, actor.id, actor.label, action, targetType, targetId, detail, actor.client, prev, hash])
    }

    /// The last entry's id and hash (0 and "genesis" for an empty trail): what the anchor file records.
    /// The id of the latest entry that records a change to the archive: sign-ins, sign-outs, reads (a case or minutes
    /// viewed, an attachment downloaded), notifications read, second factors and the trail's own checks change nothing a
    /// figure counts. Read backwards from the head, it stops at the first such entry (usually among the last few).
    static func lastChangeId(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM audit_log
            WHERE action NOT LIKE 'auth.%' AND action NOT LIKE 'notification.%' AND action NOT LIKE 'two_factor.%'
              AND action NOT LIKE 'audit.%' AND action NOT IN (\(AuditFilter.viewActions.map { _ in "?" }.joined(separator: ", ")))
            ORDER BY id DESC LIMIT 1
            """), arguments: StatementArguments(AuditFilter.viewActions)) ?? 0
    }

    static func head(_ db: Database) throws -> (id: Int64, hash: String) {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"))
        return row.map { ($0["id"], $0["hash"]) } ?? (0, "genesis")
    }

    /// One page of entries, newest first.
    public func page(offset: Int, limit: Int) async throws -> [AuditEntry] {
        try await db.writer.read { db in
            try AuditEntry.fetchAll(db.cachedStatement(sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?"),
                                    arguments: [limit, offset])
        }
    }

    /// Number of entries: the last id. The trail is append-only (triggers refuse DELETE) and `append` lets
    /// SQLite number entries max(id) + 1, so ids run 1…n; reading the last one is a primary-key lookup where
    /// count(*) scanned every entry (a few ms per audit page at 200,000 entries, bench/README.md).
    public func count() async throws -> Int {
        try await db.writer.read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM audit_log")) ?? 0 }
    }

    /// The filter as SQL: the conditions and their arguments. `atFrom`/`atBefore` are stored UTC timestamps.
    private static func conditions(_ query: AuditQuery) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        let filter = query.filter
        if filter.viewsOnly {
            clauses.append("action IN (\(AuditFilter.viewActions.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(AuditFilter.viewActions)
        }
        switch filter.who {
        case .account(let id)?: clauses.append("actor_id = ?"); arguments += [id]
        case .nobody?: clauses.append("actor_id IS NULL")
        case nil: break
        }
        if let action = filter.action { clauses.append("action = ?"); arguments += [action] }
        if let type = filter.targetType { clauses.append("target_type = ?"); arguments += [type] }
        if let id = filter.targetId { clauses.append("target_id = ?"); arguments += [id] }
        if let from = query.atFrom { clauses.append("at >= ?"); arguments += [from] }
        if let before = query.atBefore { clauses.append("at < ?"); arguments += [before] }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    /// A page of the whole trail from its newest id down (arguments: that id, the page size).
    static let pageByIdSQL = "SELECT * FROM audit_log WHERE id <= ? ORDER BY id DESC LIMIT ?"

    /// One page of the entries the filter selects, newest first, and how many it selects. Unfiltered, any page is
    /// found by id (ids run 1…n, see `count`) and the count is exact; filtered, the count stops at
    /// `ListBound.countLimit` and the pages at `ListBound.rows` entries (narrower dates reach the others), so no page
    /// skips more than that many index entries.
    func search(_ query: AuditQuery, page: Int, size: Int) async throws -> ListPage<AuditEntry> {
        let (whereClause, arguments) = Self.conditions(query)
        return try await db.writer.read { db in
            if whereClause == "1" {
                let last = try Int.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM audit_log")) ?? 0
                let (number, offset) = ListPage<AuditEntry>.clamp(requested: page, total: last, size: size, reach: .max)
                let rows = try AuditEntry.fetchAll(db.cachedStatement(sql: Self.pageByIdSQL), arguments: [last - offset, size])
                return ListPage(rows: rows, total: last, number: number, size: size, reach: .max)
            }
            var countArguments = arguments
            countArguments += [ListBound.countLimit]
            let total = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE \(whereClause) LIMIT ?)
                """), arguments: countArguments) ?? 0
            let (number, offset) = ListPage<AuditEntry>.clamp(requested: page, total: total, size: size)
            var rowArguments = arguments
            rowArguments += [size, offset]
            let rows = try AuditEntry.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM audit_log WHERE \(whereClause) ORDER BY id DESC LIMIT ? OFFSET ?
                """), arguments: rowArguments)
            return ListPage(rows: rows, total: total, number: number, size: size)
        }
    }

    /// The entries the filter selects, newest first, in batches read by id (keyset, `KeysetBatches`), so an export of
    /// the whole trail never holds it all in memory nor one read transaction open for long.
    func batches(_ query: AuditQuery, size: Int = 2000) -> KeysetBatches<AuditEntry> {
        let (whereClause, arguments) = Self.conditions(query)
        let db = self.db
        return KeysetBatches(start: Int64.max, read: { below in
            var batchArguments = arguments
            batchArguments += [below, size]
            let next = batchArguments
            return try await db.writer.read { db in
                try AuditEntry.fetchAll(db.cachedStatement(sql: """
                    SELECT * FROM audit_log WHERE \(whereClause) AND id < ? ORDER BY id DESC LIMIT ?
                    """), arguments: next)
            }
        }, key: { $0.id })
    }

    /// Verifies the chain and records that it was verified, with the result, in the chain itself.
    func verifyAndRecord(by actor: AuditActor, at date: Date) async throws -> AuditVerification {
        let result = try await verify()
        try await db.writer.write { db in
            try AuditStore.append(db, by: actor, action: "audit.verified",
                                  detail: result.summary, at: date)
        }
        return result
    }

    /// Records that someone read a sensitive record (the view log): an entry in the chain like any other.
    func recordView(by actor: AuditActor, action: String, targetType: String, targetId: Int64, at date: Date) async throws {
        try await db.writer.write { db in
            try AuditStore.append(db, by: actor, action: action, targetType: targetType, targetId: String(targetId), at: date)
        }
    }

    /// Walks the chain in order and compares it with its anchor (`AuditAnchor`): returns the first entry whose
    /// links or hash do not hold, or else what the anchor shows (rewriting with recomputed hashes, truncation,
    /// entries written around the app). `ethics audit verify` and the audit page both call this.
    public func verify() async throws -> AuditVerification {
        let anchor = db.auditAnchor
        let records = anchor?.records()
        return try await db.writer.read { db in
            // Every hash ever anchored for an id: a second, different one means the id was reused after a
            // truncation (or rewritten), so later appends can never paper over a cut.
            var anchored: [Int64: Set<String>] = [:]
            var anchorProblem: AuditAnchorProblem?
            var anchoredFrom: Int64?
            switch records {
            case .success(let list)?:
                anchored = AuditAnchor.heads(list)
                anchoredFrom = list.first?.id
            case .failure(let problem)?: anchorProblem = problem
            case nil: anchorProblem = .anchorMissing
            }
            var prev = "genesis"
            var checked = 0, lastId: Int64 = 0, lastMatching: Int64 = 0
            let cursor = try AuditEntry.fetchCursor(db.cachedStatement(sql: "SELECT * FROM audit_log ORDER BY id"))
            while let entry = try cursor.next() {
                let expected = AuditEntry.chainHash(
                    prev: prev, at: entry.at, actorId: entry.actorId, actor: entry.actor, action: entry.action,
                    targetType: entry.targetType, targetId: entry.targetId, detail: entry.detail, client: entry.client)
                guard entry.prevHash == prev, entry.hash == expected else {
                    return AuditVerification(checked: checked, firstBrokenId: entry.id, anchorProblem: anchorProblem)
                }
                if let hashes = anchored[entry.id], anchorProblem == nil {
                    if hashes == [entry.hash] { lastMatching = entry.id } else { anchorProblem = .rewritten(after: lastMatching, upTo: entry.id) }
                }
                prev = entry.hash
                lastId = entry.id
                checked += 1
            }
            if anchorProblem == nil, var last = anchored.keys.max() {
                // The file was read before this snapshot: a commit in between is anchored by now, so read it again.
                if lastId > last, case .success(let list)? = anchor?.records() { last = AuditAnchor.heads(list).keys.max() ?? last }
                if last > lastId { anchorProblem = .truncated(anchored: last, present: lastId) }
                else if lastId > last { anchorProblem = .unanchored(from: last + 1, to: lastId) }
            }
            let head = anchor.map { AuditHead(id: lastId, hash: prev, mac: $0.mac(.head, id: lastId, hash: prev)) }
            return AuditVerification(checked: checked, firstBrokenId: nil, anchorProblem: anchorProblem,
                                     anchoredFrom: anchoredFrom, head: head)
        }
    }
}

/// A filter with its dates turned into stored UTC bounds (the committee's days).
struct AuditQuery: Sendable {
    var filter: AuditFilter
    var atFrom: String?
    var atBefore: String?
}

public struct AuditVerification: Sendable, Equatable {
    public let checked: Int
    public let firstBrokenId: Int64?
    public var anchorProblem: AuditAnchorProblem? = nil
    /// Entries up to this id were written before anchoring started: protected from later changes only.
    public var anchoredFrom: Int64? = nil
    /// The head as it stands, with its MAC: what an administrator may note down to compare later.
    public var head: AuditHead? = nil
    public var holds: Bool { firstBrokenId == nil && anchorProblem == nil }

    /// How the trail records the result.
    var summary: String {
        if let broken = firstBrokenId { return "broken at \(broken)" }
        if let problem = anchorProblem { return "anchor: \(problem)" }
        return "holds: \(checked)"
    }
}

public struct AuditHead: Sendable, Equatable, CustomStringConvertible {
    public let id: Int64
    public let hash: String
    public let mac: String
    public var description: String { "entry #\(id) hash \(hash) mac \(mac)" }
}
