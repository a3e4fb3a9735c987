import Foundation
import GRDB

/// SQL for the committee's figures. Every query about cases goes through `CaseStore.visibility`, so a
/// reader counts only the cases they may open (a member never counts a confidential case they do not review).
public struct ReportStore: Sendable {
    let db: AppDatabase
    /// Kept until the audit trail moves (`ReportCache`).
    let cache = ReportCache()
    public init(db: AppDatabase) { self.db = db }

    /// The key of a year's figures for this reader now: the last audit entry that records a change
    /// (`AuditStore.lastChangeId`) moves with every change to the archive, and not with a sign-in or a read.
    private static func cacheKey(_ db: Database, _ kind: String, _ actor: Requester, _ period: ReportPeriod, _ extra: String) throws -> String {
        let head = try AuditStore.lastChangeId(db)
        return [kind, ReportCache.scope(actor), period.start, period.end, extra, String(head)].joined(separator: "|")
    }

    /// SQL giving the quarter (0…3) of a timestamp column, from the period's bounds (4 arguments).
    static func quarter(_ column: String) -> String {
        "CASE WHEN \(column) < ? THEN 0 WHEN \(column) < ? THEN 1 WHEN \(column) < ? THEN 2 ELSE 3 END"
    }

    /// The first submission of a case: its first "submit" event (a resubmission moves `submitted_at`).
    static let firstSubmission = """
        COALESCE((SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.event = 'submit'), c.submitted_at)
        """

    /// The charts' figures for a year. `today` is the committee's local date; `localOffset` the `date()`
    /// modifier from UTC to it (`ReportPeriod.offsetModifier`).
    public func figures(for actor: Requester, period: ReportPeriod, today: String, localOffset: String) async throws -> ReportFigures {
        let year = ReportQuery(actor, period)
        return try await db.writer.read { db in
            let key = try Self.cacheKey(db, "figures", actor, period, today + localOffset)
            if let kept = cache.value(key, as: ReportFigures.self) { return kept }
            var figures = ReportFigures()
            try Self.casesByStatus(db, year, into: &figures)
            try Self.decisions(db, year, into: &figures)
            try Self.medianDays(db, year, into: &figures)
            try Self.reviewTimeliness(db, year, today: today, localOffset: localOffset, into: &figures)
            try Self.aiActFigures(db, year, into: &figures)
            figures.expertise = try Self.expertise(db)
            cache.store(figures, key)
            return figures
        }
    }

    /// Active members and experts per expertise area, internal and external (today, not per year).
    static func expertise(_ db: Database) throws -> [(area: ExpertiseArea, internal: Int, external: Int)] {
        var counts: [String: (Int, Int)] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.area, COALESCE(p.external, u.role = 'expert') AS external, count(*) AS n
            FROM member_expertise e JOIN users u ON u.id = e.user_id LEFT JOIN member_profiles p ON p.user_id = u.id
            WHERE u.active = 1 AND u.role IN ('member', 'expert') GROUP BY e.area, external
            """)) {
            let area: String = row["area"], external: Bool = row["external"], n: Int = row["n"]
            var pair = counts[area] ?? (0, 0)
            if external { pair.1 += n } else { pair.0 += n }
            counts[area] = pair
        }
        return ExpertiseArea.allCases.filter { $0 != .other }.map { area in
            let pair = counts[area.rawValue] ?? (0, 0)
            return (area: area, internal: pair.0, external: pair.1)
        }
    }

    /// The annual report's other figures: cases received and decided, conditions, meetings and attendance,
    /// governance versions published, deliverables delivered (those linked to a case the reader may not open left out).
    public func annual(for actor: Requester, period: ReportPeriod, today: String, listLimit: Int = 100) async throws -> AnnualFigures {
        let year = ReportQuery(actor, period)
        return try await db.writer.read { db in
            let key = try Self.cacheKey(db, "annual", actor, period, today + "|\(listLimit)")
            if let kept = cache.value(key, as: AnnualFigures.self) { return kept }
            var report = AnnualFigures()
            try Self.caseCounts(db, year, into: &report)
            try Self.conditions(db, year, today: today, into: &report)
            try Self.meetingsAndVersions(db, year, into: &report)
            try Self.deliverables(db, year, listLimit: listLimit, into: &report)
            cache.store(report, key)
            return report
        }
    }

    /// The incident figures of a year (`IncidentFigureStore`), kept like the case figures: at ten times the large demo
    /// they take tens of milliseconds to count.
    public func incidentFigures(for actor: Requester, period: ReportPeriod, localOffset: String) async throws -> IncidentFigures {
        try await db.writer.read { db in
            let key = try Self.cacheKey(db, "incidents", actor, period, localOffset)
            if let kept = cache.value(key, as: IncidentFigures.self) { return kept }
            let figures = try IncidentFigureStore.figures(db, for: actor, period: period, localOffset: localOffset)
            cache.store(figures, key)
            return figures
        }
    }

    /// The first year with a case, for the year pickers (nil on an empty database).
    public func firstCaseTimestamp() async throws -> String? {
        try await db.writer.read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT min(created_at) FROM cases")) }
    }
}

/// A year's figures as one reader may count them: the access rule on cases (`CaseStore.visibility`) and the year's bounds,
/// as SQL arguments.
struct ReportQuery: Sendable {
    let visible: String
    let arguments: StatementArguments
    let period: ReportPeriod
    /// The year: start (inclusive) and end (exclusive) timestamps.
    var range: StatementArguments { [period.start, period.end] }
    /// The quarters' inner bounds, for `ReportStore.quarter`.
    var quarterBounds: StatementArguments { [period.bounds[1], period.bounds[2], period.bounds[3]] }

    init(_ actor: Requester, _ period: ReportPeriod) {
        (visible, arguments) = CaseStore.visibility(actor)
        self.period = period
    }
}
