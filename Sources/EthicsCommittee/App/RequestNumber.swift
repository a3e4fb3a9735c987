import Foundation

/// Every number read from a request (query string, form field) goes through here: parsed without trapping
/// and kept inside bounds, so no arithmetic done with it later (`(page - 1) * size`, `to - 1`) can overflow.
enum RequestNumber {
    /// No list has this many pages; a larger request is read as this one (and then shown as the last page).
    static let maxPage = 1_000_000

    /// A page number: 1 when absent or unreadable, clamped to `1...maxPage`.
    static func page(_ raw: (some StringProtocol)?) -> Int {
        guard let raw, let value = Int(raw.trimmingWhitespace) else { return 1 }
        return min(max(1, value), maxPage)
    }

    /// A whole number inside `range`, or nil when absent, unreadable or outside it.
    static func int(_ raw: (some StringProtocol)?, in range: ClosedRange<Int>) -> Int? {
        guard let raw, let value = Int(raw.trimmingWhitespace), range.contains(value) else { return nil }
        return value
    }

    /// A record id: a positive 64-bit number, or nil.
    static func id(_ raw: (some StringProtocol)?) -> Int64? {
        guard let raw, let value = Int64(raw.trimmingWhitespace), value > 0 else { return nil }
        return value
    }

    /// The offset of a page of `size` rows (the page already bounded).
    static func offset(page: Int, size: Int) -> Int { (min(max(1, page), maxPage) - 1) * size }
}

private extension StringProtocol {
    var trimmingWhitespace: String { String(self).trimmingCharacters(in: .whitespaces) }
}
