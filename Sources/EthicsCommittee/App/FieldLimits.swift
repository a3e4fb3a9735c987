import Foundation

/// The lengths forms accept, in characters unless named bytes. Validation and templates (`maxlength`, the
/// visible hint) read them from here, and the request body limit is computed from them.
enum FieldLimits {
    /// Markdown written on a case or a meeting page: a comment, a review, an opinion, an agenda note, a decision.
    static let longText = 20_000
    static let question = 2000
    static let answer = 5000
    static let evidence = 2000
    static let recusalReason = 1000
    static let condition = 1000
    static let articles = 500
    static let title = 200
    static let dissent = 2000
    static let changeNote = 2000
    /// Why a meeting was cancelled (shown on its page and in the audit).
    static let cancelReason = 2000
    /// A deliverable's Markdown body, in UTF-8 bytes.
    static let deliverableBytes = 100_000
    /// Condition rows offered by the decision and vote forms (the hint says "up to three").
    static let conditionRows = 3
    /// Voters a roll-call form is sized for: a committee is a dozen people; this leaves room.
    static let votersPerRoll = 40

    /// Worst case of a url-encoded field: a character may be 4 UTF-8 bytes, each written `%XX`; a BMP
    /// character (what `maxlength` counts one by one) is at most 3 bytes, so 9 bytes per character, and
    /// an astral one counts as two for `maxlength`. Line breaks travel as CRLF (`%0D%0A`, 6 bytes ≤ 9).
    static func encoded(characters: Int) -> Int { characters * 9 }
    static func encoded(bytes: Int) -> Int { bytes * 3 }

    /// Names, the CSRF token, dates, choices: everything but the long fields, generously.
    static let formOverhead = 16 * 1024

    /// The largest url-encoded body each form with long fields can send within its field limits.
    static var worstCaseBodies: [String: Int] {
        let conditions = conditionRows * encoded(characters: condition)
        return [
            "case": encoded(bytes: Markdown.maxBytes) + Readiness.questionIds.count * encoded(characters: 1000)
                + 3 * encoded(characters: title),
            "charter": encoded(bytes: Markdown.maxBytes) + encoded(characters: changeNote),
            "decision": encoded(characters: longText) + encoded(characters: articles) + conditions,
            "vote": encoded(characters: longText) + votersPerRoll * encoded(characters: dissent) + conditions,
            "review": encoded(characters: longText),
            "comment": encoded(characters: longText),
            "agenda_item": encoded(characters: title) + encoded(characters: longText),
            "deliverable": encoded(bytes: deliverableBytes) + encoded(characters: title),
            "settings": encoded(characters: 5000) + encoded(characters: 120),
        ].mapValues { $0 + formOverhead }
    }

    /// The request body limit: the largest form's worst case plus at least 256 KiB, in 256 KiB steps, so a long
    /// text gets its field's message rather than a bare 413 page.
    static var bodyBytes: Int {
        let largest = worstCaseBodies.values.max() ?? 0
        let unit = 256 * 1024
        return (largest / unit + 2) * unit
    }
}
