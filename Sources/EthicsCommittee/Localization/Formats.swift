import Foundation
import NIOConcurrencyHelpers

/// Dates for people: in their language and the committee's time zone
/// ("24 novembre 2026 à 14 h 00" / "24 November 2026, 2:00 pm").
public struct Formats: Sendable {
    let settings: SettingsCache
    let clock: AppClock
    private let formatters = NIOLockedValueBox<[String: DateFormatter]>([:])

    init(settings: SettingsCache, clock: AppClock) { self.settings = settings; self.clock = clock }

    /// A stored UTC timestamp as date and time.
    func dateTime(_ stored: String, _ language: Language, seconds: Bool = false) -> String {
        guard let date = Timestamp.date(stored) else { return stored }
        let pattern: String = switch (language, seconds) {
        case (.fr, false): "d MMMM y 'à' H 'h' mm"
        case (.fr, true): "d MMMM y 'à' HH:mm:ss"
        case (.en, false): "d MMMM y, h:mm a"
        case (.en, true): "d MMMM y, HH:mm:ss"
        }
        let text = format(date, pattern, language)
        return language == .en ? text.replacingOccurrences(of: "AM", with: "am").replacingOccurrences(of: "PM", with: "pm") : text
    }

    /// A stored UTC timestamp as a date only.
    func date(_ stored: String, _ language: Language) -> String {
        guard let date = Timestamp.date(stored) else { return stored }
        return format(date, "d MMMM y", language)
    }

    /// A calendar date stored as YYYY-MM-DD, for people ("24 novembre 2026").
    func calendarDate(_ isoDate: String, _ language: Language) -> String {
        guard let date = try? Self.isoDate.parse(isoDate) else { return isoDate }
        return format(date, "d MMMM y", language, zone: "UTC")
    }

    /// The committee's local date, `days` from now, as YYYY-MM-DD.
    func localISODate(daysFromNow days: Int = 0) -> String {
        format(clock.now + Double(days) * 86400, "yyyy-MM-dd", .en)
    }

    /// A stored UTC timestamp as the committee's local calendar date, YYYY-MM-DD.
    func localISODate(of stored: String) -> String {
        guard let date = Timestamp.date(stored) else { return String(stored.prefix(10)) }
        return format(date, "yyyy-MM-dd", .en)
    }

    /// A stored UTC timestamp as the value of a `datetime-local` field, in the committee's time zone.
    func localInput(_ stored: String) -> String {
        guard let date = Timestamp.date(stored) else { return "" }
        return format(date, "yyyy-MM-dd'T'HH:mm", .en)
    }

    /// A `datetime-local` value ("2026-11-24T14:00"), read in the committee's time zone, as a stored UTC timestamp.
    func storedTimestamp(fromLocal input: String) -> String? {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: settings.current.timeZone) ?? .gmt
        for pattern in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            parser.dateFormat = pattern
            if input.count <= 19, let date = parser.date(from: input) { return Timestamp.string(date) }
        }
        return nil
    }

    /// Whether a text is a real calendar date written YYYY-MM-DD.
    static func isISODate(_ text: String) -> Bool {
        text.count == 10 && (try? isoDate.parse(text)).map { isoDate.format($0) == text } == true
    }

    /// YYYY-MM-DD in UTC; a value type, safe to share between requests.
    private static let isoDate = Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)

    private func format(_ date: Date, _ pattern: String, _ language: Language, zone fixedZone: String? = nil) -> String {
        let zone = fixedZone ?? settings.current.timeZone
        let key = "\(language.rawValue)|\(zone)|\(pattern)"
        return formatters.withLockedValue { cache in
            let formatter = cache[key] ?? {
                let made = DateFormatter()
                made.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
                made.timeZone = TimeZone(identifier: zone) ?? .gmt
                made.dateFormat = pattern
                return made
            }()
            cache[key] = formatter
            return formatter.string(from: date)
        }
    }
}
