/// Splits a template into text and tags, with the Mustache "standalone" rule applied: a line that holds only
/// one section, inverted, closing, comment, partial, parent or block tag (and blanks) leaves no trace in the
/// output, neither its blanks nor its line end. Only the default `{{ }}` delimiters are supported.
import Foundation

struct Token: Equatable {
    enum Kind: Equatable {
        case text
        /// The tag's sigil: "" (variable), "{", "&", "#", "^", "/", "!", ">", "<", "$".
        case tag(String)
    }
    let kind: Kind
    let content: String
    let line: Int
}

enum Tokenizer {
    static func tokens(_ source: String, file: String) throws -> [Token] {
        var raw = try scan(source.replacingOccurrences(of: "\r\n", with: "\n"), file: file)
        applyStandalone(&raw)
        return raw.filter { !($0.kind == .text && $0.content.isEmpty) }
    }

    private static let standaloneSigils: Set<String> = ["#", "^", "/", "!", ">", "<", "$"]

    /// Tags and text, text split at line ends (each line end ends its text token).
    private static func scan(_ source: String, file: String) throws -> [Token] {
        var tokens: [Token] = []
        var line = 1
        var text = ""
        var rest = Substring(source)
        func flush() {
            if !text.isEmpty { tokens.append(Token(kind: .text, content: text, line: line)) }
            text = ""
        }
        while let c = rest.first {
            if rest.hasPrefix("{{") {
                flush()
                let triple = rest.hasPrefix("{{{")
                let close = triple ? "}}}" : "}}"
                let body = rest.dropFirst(triple ? 3 : 2)
                guard let end = body.range(of: close) else {
                    throw TemplateError(file: file, line: line, message: "unclosed tag")
                }
                var inner = String(body[..<end.lowerBound])
                var sigil = triple ? "{" : ""
                if !triple, let first = inner.first, "#^/!><$&".contains(first) {
                    sigil = String(first)
                    inner.removeFirst()
                }
                if sigil == "=" { throw TemplateError(file: file, line: line, message: "delimiter changes are not supported") }
                let content = sigil == "!" ? inner : inner.trimmingCharacters(in: .whitespaces)
                tokens.append(Token(kind: .tag(sigil), content: content, line: line))
                line += inner.filter { $0 == "\n" }.count
                rest = body[end.upperBound...]
                continue
            }
            text.append(c)
            rest = rest.dropFirst()
            if c == "\n" {
                flush()
                line += 1
            }
        }
        flush()
        return tokens
    }

    /// Empties the blanks and line end around a standalone tag.
    private static func applyStandalone(_ result: inout [Token]) {
        // Decided on the tokens as written, so emptying one line does not change the next line's decision.
        let tokens = result
        var i = 0
        while i < tokens.count {
            guard case .tag(let sigil) = tokens[i].kind, standaloneSigils.contains(sigil) else { i += 1; continue }
            // Before: the start of the template or of a line, then blanks only.
            var before: Int? = nil
            let atLineStart: Bool
            if i == 0 {
                atLineStart = true
            } else if tokens[i - 1].kind == .text, isBlank(tokens[i - 1].content) {
                before = i - 1
                atLineStart = i - 1 == 0 || endsLine(tokens[i - 2])
            } else {
                atLineStart = endsLine(tokens[i - 1])
            }
            // After: blanks then a line end, or the end of the template.
            var after: Int? = nil
            let atLineEnd: Bool
            if i + 1 == tokens.count {
                atLineEnd = true
            } else if tokens[i + 1].kind == .text, isBlank(lineBody(tokens[i + 1].content)) {
                after = i + 1
                atLineEnd = endsLine(tokens[i + 1]) || i + 2 == tokens.count
            } else {
                atLineEnd = false
            }
            if atLineStart && atLineEnd {
                // A partial, parent or block keeps the blanks before it (its indentation).
                if let before, ["#", "^", "/", "!"].contains(sigil) {
                    result[before] = Token(kind: .text, content: "", line: tokens[before].line)
                }
                if let after { result[after] = Token(kind: .text, content: "", line: tokens[after].line) }
            }
            i += 1
        }
    }

    private static func endsLine(_ token: Token) -> Bool {
        token.kind == .text && (token.content.hasSuffix("\n"))
    }

    /// A text token's content without its line end.
    private static func lineBody(_ text: String) -> Substring {
        var body = Substring(text)
        if body.hasSuffix("\n") { body = body.dropLast() }
        if body.hasSuffix("\r") { body = body.dropLast() }
        return body
    }

    private static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
        text.allSatisfy { $0 == " " || $0 == "\t" }
    }
}
