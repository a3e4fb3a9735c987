import Foundation
import GRDB

extension IncidentStore {
    /// An incident's title and its system's name (nil while a public report is tied to no system): what its
    /// notifications name in the app.
    static func titleAndSystem(_ db: Database, id: Int64) throws -> (title: String, system: String?)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT i.title, s.name AS system_name FROM incidents i LEFT JOIN systems s ON s.id = i.system_id WHERE i.id = ?
            """), arguments: [id]).map { ($0["title"], $0["system_name"]) }
    }
}
