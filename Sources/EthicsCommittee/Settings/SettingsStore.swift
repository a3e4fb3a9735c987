import Foundation
import GRDB

/// How many voting members must be present for a vote (meetings use it per agenda item).
public enum QuorumRule: String, Sendable, CaseIterable {
    /// More than half of the voting members.
    case majority
    /// At least two thirds of the voting members.
    case twoThirds = "two_thirds"
    /// At least half of the voting members.
    case half
}

/// Which majority carries a written procedure, among the ballots cast (abstentions count as cast).
public enum WrittenMajority: String, Sendable, CaseIterable {
    /// More votes for than against.
    case simple
    /// More than half of the ballots cast are for.
    case absolute
    /// At least two thirds of the ballots cast are for.
    case twoThirds = "two_thirds"
}

/// The committee's settings, as key/value rows.
public struct Settings: Sendable, Equatable {
    public var committeeName: String
    public var defaultLanguage: Language
    public var timeZone: String
    /// The independence declaration members sign; its version goes up each time the text changes.
    public var declarationText: String
    public var declarationVersion: Int
    public var quorumRule: QuorumRule
    public var quorumRequiresExternal: Bool
    /// Whether visitors may read the current charter at /charter (off: 404).
    public var charterPublic = false
    /// Who must sign in with a second factor (issue 16): administrators and secretaries unless changed.
    public var twoFactorRequired = TwoFactorRequirement.staff
    /// Written procedure: how many eligible voters must cast a ballot (the quorum rule applied to participation),
    /// which majority carries it, and whether any voter may ask for a meeting instead.
    public var writtenQuorum: QuorumRule = .majority
    public var writtenMajority: WrittenMajority = .simple
    public var writtenObjection = true
    /// Whether people without an account may send feedback on an AI system at /feedback (off: 404).
    public var publicFeedback = false
    /// Review interval by risk tier and the owners' attestation interval, in months (issue 18).
    public var systemSchedule = SystemSchedule()
}

extension Settings {
    /// The settings as stored, one row per key. Writing and reading go through this pair only, so a setting
    /// cannot be saved and then forgotten at the next start (the "charter is public" switch once was).
    var rows: [(key: String, value: String)] {
        [("committee_name", committeeName),
         ("default_language", defaultLanguage.rawValue),
         ("time_zone", timeZone),
         ("declaration_text", declarationText),
         ("declaration_version", String(declarationVersion)),
         ("quorum_rule", quorumRule.rawValue),
         ("quorum_requires_external", quorumRequiresExternal ? "1" : "0"),
         ("charter_public", charterPublic ? "1" : "0"),
         ("two_factor_required", twoFactorRequired.rawValue),
         ("written_quorum", writtenQuorum.rawValue),
         ("written_majority", writtenMajority.rawValue),
         ("written_objection", writtenObjection ? "1" : "0"),
         ("public_feedback", publicFeedback ? "1" : "0"),
         ("review_months_high", String(systemSchedule.reviewMonthsHigh)),
         ("review_months_medium", String(systemSchedule.reviewMonthsMedium)),
         ("review_months_low", String(systemSchedule.reviewMonthsLow)),
         ("attestation_months", String(systemSchedule.attestationMonths))]
    }

    /// Settings from their rows, with defaults for missing ones.
    init(rows values: [String: String]) {
        self.init(committeeName: values["committee_name"] ?? "AI Ethics Committee",
                  defaultLanguage: values["default_language"].flatMap(Language.init(rawValue:)) ?? .en,
                  timeZone: values["time_zone"] ?? "UTC",
                  declarationText: values["declaration_text"] ?? "",
                  declarationVersion: values["declaration_version"].flatMap { Int($0) } ?? 1,
                  quorumRule: values["quorum_rule"].flatMap(QuorumRule.init(rawValue:)) ?? .majority,
                  quorumRequiresExternal: values["quorum_requires_external"] == "1",
                  charterPublic: values["charter_public"] == "1",
                  twoFactorRequired: values["two_factor_required"].flatMap(TwoFactorRequirement.init(rawValue:)) ?? .staff,
                  writtenQuorum: values["written_quorum"].flatMap(QuorumRule.init(rawValue:)) ?? .majority,
                  writtenMajority: values["written_majority"].flatMap(WrittenMajority.init(rawValue:)) ?? .simple,
                  writtenObjection: values["written_objection"] != "0",
                  publicFeedback: values["public_feedback"] == "1",
                  systemSchedule: SystemSchedule(reviewMonthsHigh: values["review_months_high"].flatMap { Int($0) } ?? 12,
                                                 reviewMonthsMedium: values["review_months_medium"].flatMap { Int($0) } ?? 24,
                                                 reviewMonthsLow: values["review_months_low"].flatMap { Int($0) } ?? 36,
                                                 attestationMonths: values["attestation_months"].flatMap { Int($0) } ?? 6))
    }
}

public struct SettingsStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// All settings, with defaults for missing rows.
    public func load() async throws -> Settings {
        try await db.writer.read { db in try Self.load(db) }
    }

    private static func load(_ db: Database) throws -> Settings {
        Settings(rows: try Dictionary(uniqueKeysWithValues: Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM settings")).map {
            ($0["key"] as String, $0["value"] as String)
        }))
    }

    /// Saves all settings at once; a changed declaration text gets the next version number.
    /// Returns the settings as stored.
    public func save(_ proposed: Settings, by actor: AuditActor) async throws -> Settings {
        try await db.writer.write { db in
            var settings = proposed
            let current = try Self.load(db)
            settings.declarationVersion = current.declarationVersion + (current.declarationText == proposed.declarationText ? 0 : 1)
            for (key, value) in settings.rows {
                try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            }
            try AuditStore.append(db, by: actor, action: "settings.updated", targetType: "settings",
                                  detail: "committee_name=\(settings.committeeName) language=\(settings.defaultLanguage.rawValue) "
                                      + "tz=\(settings.timeZone) declaration_version=\(settings.declarationVersion) "
                                      + "quorum=\(settings.quorumRule.rawValue) external=\(settings.quorumRequiresExternal) "
                                      + "charter_public=\(settings.charterPublic ? 1 : 0) two_factor=\(settings.twoFactorRequired.rawValue) "
                                      + "written=\(settings.writtenQuorum.rawValue)/\(settings.writtenMajority.rawValue)/\(settings.writtenObjection ? 1 : 0) "
                                      + "review_months=\(settings.systemSchedule.reviewMonthsHigh)/\(settings.systemSchedule.reviewMonthsMedium)/"
                                      + "\(settings.systemSchedule.reviewMonthsLow) attestation_months=\(settings.systemSchedule.attestationMonths) public_feedback=\(settings.publicFeedback ? 1 : 0)",
                                  at: clock.now)
            return settings
        }
    }
}
