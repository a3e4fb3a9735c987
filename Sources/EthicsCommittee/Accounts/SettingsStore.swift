import Foundation
import GRDB

/// The committee's settings, as key/value rows.
public struct Settings: Sendable, Equatable {
    public var committeeName: String
    public var defaultLanguage: Language
    public var timeZone: String
    /// Whether visitors may read the current charter at /charter (off: 404).
    public var charterPublic = false
}

public struct SettingsStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// All settings, with defaults for missing rows.
    public func load() async throws -> Settings {
        let values = try await db.writer.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM settings").map {
                ($0["key"] as String, $0["value"] as String)
            })
        }
        return Settings(committeeName: values["committee_name"] ?? "AI Ethics Committee",
                        defaultLanguage: values["default_language"].flatMap(Language.init(rawValue:)) ?? .en,
                        timeZone: values["time_zone"] ?? "UTC",
                        charterPublic: values["charter_public"] == "1")
    }

    /// Saves all settings at once.
    public func save(_ settings: Settings, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            for (key, value) in [("committee_name", settings.committeeName),
                                 ("default_language", settings.defaultLanguage.rawValue),
                                 ("time_zone", settings.timeZone),
                                 ("charter_public", settings.charterPublic ? "1" : "0")] {
                try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            }
            try AuditStore.append(db, by: actor, action: "settings.updated", targetType: "settings",
                                  detail: "committee_name=\(settings.committeeName) language=\(settings.defaultLanguage.rawValue) tz=\(settings.timeZone) charter_public=\(settings.charterPublic ? 1 : 0)",
                                  at: clock.now)
        }
    }
}
