import NIOConcurrencyHelpers

/// The settings, read once and refreshed on save, so pages do not query them on every request.
public final class SettingsCache: Sendable {
    private let store: SettingsStore
    private let value: NIOLockedValueBox<Settings>

    init(store: SettingsStore) async throws {
        self.store = store
        self.value = NIOLockedValueBox(try await store.load())
    }

    public var current: Settings { value.withLockedValue { $0 } }

    /// The declaration text as HTML, rendered once per version rather than per request.
    public var declarationHTML: String {
        let text = current.declarationText
        return rendered.withLockedValue { cache in
            if cache.source != text { cache = (text, (try? Markdown.html(text)) ?? "") }
            return cache.html
        }
    }
    private let rendered = NIOLockedValueBox<(source: String?, html: String)>((nil, ""))

    /// Reads the settings again (after a change made outside the running app).
    public func reload() async throws {
        let fresh = try await store.load()
        value.withLockedValue { $0 = fresh }
    }

    /// Saves through the store (audited) and refreshes the cached copy.
    public func save(_ settings: Settings, by actor: AuditActor) async throws {
        let saved = try await store.save(settings, by: actor)
        value.withLockedValue { $0 = saved }
    }
}
