import Foundation

/// What a person typed, made into a safe FTS5 expression. Every word is quoted, so FTS5's own syntax
/// (`NEAR`, `AND`, `*`, `^`, quotes, parentheses, column filters) is only ever text; all words are
/// required, and the last one matches as a prefix (a word still being typed). Pure, so it is tested on
/// any input.
struct SearchQuery: Sendable, Equatable {
    static let maxLength = 200
    static let maxWords = 12

    enum Problem: String, Sendable { case empty, tooLong, tooManyWords, noWord }

    /// The text as typed, trimmed (kept in the form).
    let text: String
    /// The FTS5 MATCH expression, when the text is usable.
    let expression: String?
    /// Why it is not, for the message.
    let problem: Problem?

    init(_ raw: String) {
        text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { expression = nil; problem = .empty; return }
        guard text.count <= Self.maxLength else { expression = nil; problem = .tooLong; return }
        // A word counts when it holds a letter or a digit: "()", "*" or "--" alone find nothing.
        let words = text.split(whereSeparator: { $0.isWhitespace })
            .map { $0.filter { !$0.isNewline && !($0.unicodeScalars.first.map { CharacterSet.controlCharacters.contains($0) } ?? false) } }
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { expression = nil; problem = .noWord; return }
        guard words.count <= Self.maxWords else { expression = nil; problem = .tooManyWords; return }
        let quoted = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        expression = quoted.joined(separator: " ") + "*"
        problem = nil
    }
}
