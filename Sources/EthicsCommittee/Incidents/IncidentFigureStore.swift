import Foundation
import GRDB

/// The incident figures of a year: per system, severity and month, and time to triage. Counted by aggregate
/// queries over the incidents the reader may see (`IncidentStore.visibility`), never by loading rows.
public struct IncidentFigures: Sendable, Equatable {
    /// The systems with the most incidents (at most `topSystems`), by count then name, how many fall on other
    /// systems, and how many on none yet (public reports waiting for triage).
    public var bySystem: [(name: String, count: Int)] = []
    public var otherSystems = 0
    public var noSystem = 0
    /// Keyed by severity, nil for public reports not yet assessed.
    public var bySeverity: [IncidentSeverity?: Int] = [:]
    /// Incidents reported in each month (index 0 is January), in the committee's time zone.
    public var byMonth = Array(repeating: 0, count: 12)
    public var triage: [TriageDelay: Int] = [:]
    /// Mean days from report to triage over the triaged ones (nil when none was triaged).
    public var meanDaysToTriage: Double?

    public var total: Int { byMonth.reduce(0, +) }

    public static func == (a: IncidentFigures, b: IncidentFigures) -> Bool {
        a.bySystem.map(\.name) == b.bySystem.map(\.name) && a.bySystem.map(\.count) == b.bySystem.map(\.count)
            && a.otherSystems == b.otherSystems && a.noSystem == b.noSystem && a.bySeverity == b.bySeverity && a.byMonth == b.byMonth && a.triage == b.triage
            && a.meanDaysToTriage == b.meanDaysToTriage
    }
}

/// How long an incident waited for triage.
public enum TriageDelay: String, Sendable, CaseIterable {
    case withinDay = "within_day", withinThree = "within_three", withinWeek = "within_week", longer, pending
}

public struct IncidentFigureStore: Sendable {
    let db: AppDatabase
    public init(db: AppDatabase) { self.db = db }

    static let topSystems = 8

    /// The figures of the incidents reported in the period. `localOffset` is the `strftime` modifier from UTC to the
    /// committee's time (`ReportPeriod.offsetModifier`), for the months.
    public func figures(for actor: Requester, period: ReportPeriod, localOffset: String) async throws -> IncidentFigures {
        try await db.writer.read { db in try Self.figures(db, for: actor, period: period, localOffset: localOffset) }
    }

    /// The same inside a read (`ReportStore.incidentFigures` keeps them like the case figures).
    static func figures(_ db: Database, for actor: Requester, period: ReportPeriod, localOffset: String) throws -> IncidentFigures {
        let (visible, visibleArguments) = IncidentStore.visibility(actor)
        let scope = "\(visible) AND i.reported_at >= ? AND i.reported_at < ?"
        let arguments = visibleArguments + [period.start, period.end]
        var figures = IncidentFigures()
        let systems = try Row.fetchAll(db, sql: """
            SELECT s.name, count(*) AS n FROM incidents i JOIN systems s ON s.id = i.system_id WHERE \(scope)
            GROUP BY i.system_id ORDER BY n DESC, s.name, s.id LIMIT ?
            """, arguments: arguments + [Self.topSystems])
        figures.bySystem = systems.map { (name: $0["name"] as String, count: $0["n"] as Int) }
        for row in try Row.fetchAll(db, sql: "SELECT i.severity, count(*) AS n FROM incidents i WHERE \(scope) GROUP BY i.severity",
                                    arguments: arguments) {
            figures.bySeverity[(row["severity"] as String?).flatMap(IncidentSeverity.init(rawValue:))] = row["n"]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT CAST(strftime('%m', i.reported_at, ?) AS INTEGER) AS month, count(*) AS n FROM incidents i WHERE \(scope)
            GROUP BY month
            """, arguments: [localOffset] + arguments) {
            let month: Int = row["month"]
            if (1...12).contains(month) { figures.byMonth[month - 1] += row["n"] }
        }
        figures.noSystem = try Int.fetchOne(db, sql: "SELECT count(*) FROM incidents i WHERE \(scope) AND i.system_id IS NULL",
                                            arguments: arguments) ?? 0
        figures.otherSystems = figures.total - figures.noSystem - figures.bySystem.reduce(0) { $0 + $1.count }
        for row in try Row.fetchAll(db, sql: """
            SELECT CASE WHEN i.triaged_at IS NULL THEN 'pending'
                        WHEN julianday(i.triaged_at) - julianday(i.reported_at) <= 1 THEN 'within_day'
                        WHEN julianday(i.triaged_at) - julianday(i.reported_at) <= 3 THEN 'within_three'
                        WHEN julianday(i.triaged_at) - julianday(i.reported_at) <= 7 THEN 'within_week'
                        ELSE 'longer' END AS delay, count(*) AS n
            FROM incidents i WHERE \(scope) GROUP BY delay
            """, arguments: arguments) {
            if let delay = TriageDelay(rawValue: row["delay"]) { figures.triage[delay] = row["n"] }
        }
        figures.meanDaysToTriage = try Double.fetchOne(db, sql: """
            SELECT avg(julianday(i.triaged_at) - julianday(i.reported_at)) FROM incidents i WHERE \(scope) AND i.triaged_at IS NOT NULL
            """, arguments: arguments).map { ($0 * 10).rounded() / 10 }
        return figures
    }
}
