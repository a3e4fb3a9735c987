import Foundation
import Testing

/// SQL lives in `migrations/` and in the stores only (issue 20): a query written anywhere else in `Sources/`
/// fails here with its file and line. A store is a file named `…Store.swift` or `…Store+Part.swift`. The one other
/// room is `Database/`, which opens the SQLite file: there, only connection settings (`PRAGMA`), the restore's
/// lock probe on `sqlite_master` and the migration runner may speak SQL, never a query of the app's tables.
@Suite struct SQLPlacementTests {
    /// A statement's keywords (every query here is written in upper case) or GRDB's raw-SQL entry points.
    static let sql = try! NSRegularExpression(pattern: """
        \\b(SELECT|INSERT\\s+INTO|REPLACE\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|WHERE|PRAGMA|VACUUM|ATTACH|\
        (CREATE|DROP|ALTER)\\s+(TABLE|INDEX|VIEW|TRIGGER|VIRTUAL)|BEGIN\\s+(EXCLUSIVE|IMMEDIATE|DEFERRED|TRANSACTION))\\b\
        |\\bsql:|\\b(cachedStatement|makeStatement|execute)\\(\\s*(sql|literal)|\\bSQLRequest\\b|\\bSQL\\(
        """)
    /// What `Database/` may say: connection settings, the lock probe, running a migration file.
    static let plumbing = try! NSRegularExpression(pattern: #"PRAGMA|sqlite_master|execute\(sql: sql\)"#)

    static func isStore(_ path: String) -> Bool {
        path.range(of: #"Store(\+[A-Za-z0-9]+)?\.swift$"#, options: .regularExpression) != nil
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// "path:line: text" for each line of `source` (a file at `path` under Sources/) that holds SQL out of place.
    /// Comments may talk about SQL: whole-line comments and a trailing ` // …` are left out.
    static func misplaced(_ source: String, path: String) -> [String] {
        guard !isStore(path) else { return [] }
        let database = path.contains("/Database/")
        var found: [String] = []
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var code = String(line)
            if code.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
            if let comment = code.range(of: " // ") { code = String(code[..<comment.lowerBound]) }
            guard matches(sql, code), !(database && matches(plumbing, code)) else { continue }
            found.append("\(path):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
        }
        return found
    }

    @Test func sqlLivesInStoresOnly() throws {
        let sources = packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 100)  // the walk reached the sources
        var found: [String] = []
        for file in files {
            let path = String(file.path.dropFirst(packageRoot.path.count + 1))
            found += Self.misplaced(try String(contentsOf: file, encoding: .utf8), path: path)
        }
        #expect(found.isEmpty, Comment(rawValue: "SQL outside a store:\n" + found.joined(separator: "\n")))
    }

    /// The scanner itself: it finds a query put back into a service, and leaves comments, stores and plumbing alone.
    @Test func theScannerFindsAQueryOutOfPlace() {
        let query = """
            enum Notifier {
                static func title(_ db: Database) throws -> String? {
                    try String.fetchOne(db, sql: \"""
                        SELECT title
                        FROM meetings WHERE id = ?
                        \""", arguments: [1])
                }
            }
            """
        let lines = Self.misplaced(query, path: "Sources/EthicsCommittee/Notifications/Notifier.swift")
        #expect(lines.map { $0.components(separatedBy: ":")[1] } == ["3", "4", "5"])
        #expect(Self.misplaced(query, path: "Sources/EthicsCommittee/Meetings/MeetingStore.swift").isEmpty)
        #expect(Self.misplaced(query, path: "Sources/EthicsCommittee/Meetings/MeetingStore+Title.swift").isEmpty)
        #expect(!Self.misplaced(query, path: "Sources/EthicsCommittee/Meetings/MeetingStoreHelpers.swift").isEmpty)
        #expect(Self.misplaced("/// Counted with `SELECT count(*) FROM …`.\nlet x = 1 // WHERE it began", path: "Sources/A.swift").isEmpty)
        #expect(Self.misplaced("try db.execute(sql: \"PRAGMA synchronous = FULL\")", path: "Sources/EthicsCommittee/Database/AppDatabase.swift").isEmpty)
        #expect(Self.misplaced("try Row.fetchAll(db, sql: \"SELECT * FROM users\")", path: "Sources/EthicsCommittee/Database/AppDatabase.swift").count == 1)
    }
}
