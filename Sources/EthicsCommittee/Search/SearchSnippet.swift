import Foundation

/// A snippet as FTS5's `snippet()` returns it, with each hit between two private-use sentinels, cut into
/// plain and marked pieces. The template writes each piece with `{{ }}` inside or outside `<mark>`, so
/// the user's text is always HTML-escaped and no raw HTML is built (only Markdown output is inserted raw).
enum SearchSnippet {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    struct Piece: Sendable, Equatable {
        let text: String
        let mark: Bool
    }

    /// Pieces in order; a stray or unbalanced sentinel (one typed by a user) opens or closes nothing twice.
    static func pieces(_ snippet: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = "", marked = false
        func flush() {
            if !current.isEmpty { pieces.append(Piece(text: current, mark: marked)) }
            current = ""
        }
        for character in snippet {
            switch character {
            case open: if !marked { flush(); marked = true }
            case close: if marked { flush(); marked = false }
            default: current.append(character)
            }
        }
        flush()
        return pieces
    }
}
