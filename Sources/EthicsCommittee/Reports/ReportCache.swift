import Foundation
import NIOConcurrencyHelpers

/// The figures and the annual report of a year, kept until anything changes (issue 19): even computed with aggregate
/// queries they cost tens of milliseconds on a large archive, and they are read far more often than the archive
/// changes. The key holds the audit trail's head: every change writes an audit entry (a house rule), so a new
/// entry, whatever it is, retires what was kept; so does a new day (overdue counts) or another reader's scope.
final class ReportCache: Sendable {
    private let entries = NIOLockedValueBox<[String: any Sendable]>([:])
    /// Years × readers kept at most; past it, everything is dropped (a cheap bound, rarely reached).
    static let capacity = 64

    /// Who reads the same figures: every staff account (they may open every case), otherwise the person alone.
    static func scope(_ actor: Requester) -> String {
        Policy.seesEveryCase(actor) ? "staff" : "user\(actor.userId)"
    }

    func value<T: Sendable>(_ key: String, as type: T.Type) -> T? {
        entries.withLockedValue { $0[key] as? T }
    }

    func store<T: Sendable>(_ value: T, _ key: String) {
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[key] = value
        }
    }
}
