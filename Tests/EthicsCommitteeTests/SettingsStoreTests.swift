import Foundation
import Testing
@testable import EthicsCommittee

/// Every setting written is read back at the next start.
@Suite struct SettingsStoreTests {
    @Test func everySettingSurvivesARestart() async throws {
        // Given settings that differ from every default
        let app = try await TestApp.make()
        var changed = app.services.settings.current
        changed.committeeName = "Comité d'éthique"
        changed.defaultLanguage = .fr
        changed.timeZone = "Europe/Paris"
        changed.declarationText = "I declare."
        changed.quorumRule = .twoThirds
        changed.quorumRequiresExternal = true
        changed.charterPublic = true
        try await app.services.settings.save(changed, by: .system("test"))
        // When the app starts again on the same database
        let reloaded = try await SettingsStore(db: app.database, clock: app.services.config.clock).load()
        // Then it reads back exactly what was saved (the declaration's version moved on with its text)
        changed.declarationVersion = 2
        #expect(reloaded == changed)
        #expect(reloaded.charterPublic)
    }
}
