import Foundation

/// A declaration with a body in Swift source (function, initializer, subscript, computed property or property
/// set by a closure) and how many lines it runs over, from the declaration's keyword to its closing brace.
struct SwiftBody: Equatable, CustomStringConvertible {
    let name: String
    let line: Int
    let lines: Int
    var description: String { "\(name) at line \(line): \(lines) lines" }
}

/// Finds declarations' bodies by brace matching. Strings and comments are blanked first, because templates,
/// SQL and Mustache text in string literals hold braces that are not code.
enum SwiftBodyScanner {
    static func bodies(in source: String) -> [SwiftBody] {
        let tokens = Token.all(in: SourceBlanker.blank(Array(source.utf8)))
        var found: [SwiftBody] = []
        for index in tokens.indices {
            guard let (name, open) = declaration(at: index, in: tokens),
                  let close = matchingBrace(from: open, in: tokens) else { continue }
            found.append(SwiftBody(name: name, line: tokens[index].line,
                                   lines: tokens[close].line - tokens[index].line + 1))
        }
        return found
    }

    /// The declaration starting at `index`, and the index of its body's opening brace.
    private static func declaration(at index: Int, in tokens: [Token]) -> (String, Int)? {
        let word = tokens[index].text
        if index > 0, tokens[index - 1].text == "." { return nil }  // `.init(…)` is a call
        switch word {
        case "func", "init", "deinit", "subscript":
            let name = word == "func" && index + 1 < tokens.count ? "func \(tokens[index + 1].text)" : word
            return bodyBrace(after: index, in: tokens).map { (name, $0) }
        case "var", "let":
            return propertyBrace(after: index, in: tokens).map { ("\(word) \(tokens[index + 1].text)", $0) }
        default:
            return nil
        }
    }

    /// Words that start the next declaration: met before any `{`, the function had no body (a protocol requirement).
    private static let declarationWords: Set<String> = [
        "func", "var", "let", "init", "deinit", "subscript", "case", "struct", "class", "enum", "extension",
        "protocol", "typealias", "associatedtype", "static", "private", "fileprivate", "public", "internal",
    ]

    private static func bodyBrace(after index: Int, in tokens: [Token]) -> Int? {
        var depth = 0
        var k = index + 1
        while k < tokens.count {
            let text = tokens[k].text
            switch text {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "{" where depth == 0: return k
            case "}" where depth == 0: return nil
            default: if depth == 0, declarationWords.contains(text) { return nil }
            }
            k += 1
        }
        return nil
    }

    /// `var name: Type {` (computed) or `let name… = {` (set by a closure); anything else is stored or a pattern.
    private static func propertyBrace(after index: Int, in tokens: [Token]) -> Int? {
        guard index + 2 < tokens.count, tokens[index + 1].isIdentifier else { return nil }
        let line = tokens[index].line
        var k = index + 2
        if tokens[k].text == ":" {
            var depth = 0
            k += 1
            while k < tokens.count, tokens[k].line == line {
                let text = tokens[k].text
                if text == "(" || text == "[" { depth += 1 }
                if text == ")" || text == "]" { depth -= 1 }
                if depth == 0, text == "{" { return k }
                if depth == 0, text == "=" { break }
                k += 1
            }
        }
        guard k + 1 < tokens.count, tokens[k].text == "=", tokens[k + 1].text == "{" else { return nil }
        return k + 1
    }

    private static func matchingBrace(from open: Int, in tokens: [Token]) -> Int? {
        var depth = 0
        for k in open..<tokens.count {
            if tokens[k].text == "{" { depth += 1 }
            if tokens[k].text == "}" { depth -= 1; if depth == 0 { return k } }
        }
        return nil
    }
}

/// A word or a single punctuation character of blanked source, with its line.
struct Token {
    let text: String
    let line: Int
    var isIdentifier: Bool { text.first.map { $0 == "_" || $0 == "`" || $0.isLetter } ?? false }

    static func all(in code: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var line = 1
        var i = 0
        while i < code.count {
            let c = code[i]
            if c == UInt8(ascii: "\n") { line += 1; i += 1; continue }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") { i += 1; continue }
            var j = i + 1
            if isWordByte(c) || c == UInt8(ascii: "`") {
                while j < code.count, isWordByte(code[j]) || code[j] == UInt8(ascii: "`") { j += 1 }
            }
            tokens.append(Token(text: String(decoding: code[i..<j], as: UTF8.self), line: line))
            i = j
        }
        return tokens
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "_") || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
    }
}

/// Replaces every byte of comments and string literals (interpolations included) by a space, keeping line breaks.
struct SourceBlanker {
    private let source: [UInt8]
    private var code: [UInt8]
    private var i = 0

    static func blank(_ source: [UInt8]) -> [UInt8] {
        var blanker = SourceBlanker(source: source, code: source)
        blanker.scanCode(untilParenthesis: false)
        return blanker.code
    }

    private init(source: [UInt8], code: [UInt8]) { self.source = source; self.code = code }

    private func byte(_ offset: Int) -> UInt8? { i + offset < source.count ? source[i + offset] : nil }

    private mutating func blankRange(_ range: Range<Int>) {
        for k in range where k < code.count && code[k] != UInt8(ascii: "\n") { code[k] = UInt8(ascii: " ") }
    }

    /// Code, at the top level or inside an interpolation `\(…)`, which ends at its unmatched `)`.
    private mutating func scanCode(untilParenthesis: Bool) {
        var depth = 0
        while i < source.count {
            let c = source[i]
            if c == UInt8(ascii: "/"), byte(1) == UInt8(ascii: "/") {
                let start = i
                while i < source.count, source[i] != UInt8(ascii: "\n") { i += 1 }
                blankRange(start..<i)
            } else if c == UInt8(ascii: "/"), byte(1) == UInt8(ascii: "*") {
                scanBlockComment()
            } else if let hashes = stringOpening() {
                scanString(hashes: hashes)
            } else {
                if untilParenthesis, c == UInt8(ascii: "(") { depth += 1 }
                if untilParenthesis, c == UInt8(ascii: ")") {
                    if depth == 0 { i += 1; return }
                    depth -= 1
                }
                i += 1
            }
        }
    }

    private mutating func scanBlockComment() {
        let start = i
        var depth = 0
        while i < source.count {
            if source[i] == UInt8(ascii: "/"), byte(1) == UInt8(ascii: "*") { depth += 1; i += 2; continue }
            if source[i] == UInt8(ascii: "*"), byte(1) == UInt8(ascii: "/") {
                depth -= 1; i += 2
                if depth == 0 { break }
                continue
            }
            i += 1
        }
        blankRange(start..<i)
    }

    /// The number of `#` before a `"` starting here (0 for a plain string), or nil when no string starts here.
    private func stringOpening() -> Int? {
        var hashes = 0
        while byte(hashes) == UInt8(ascii: "#") { hashes += 1 }
        return byte(hashes) == UInt8(ascii: "\"") ? hashes : nil
    }

    private func matches(_ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.indices.allSatisfy { byte(offset + $0) == bytes[$0] }
    }

    private mutating func scanString(hashes: Int) {
        let start = i
        let hashBytes = [UInt8](repeating: UInt8(ascii: "#"), count: hashes)
        let multiline = matches(Array("\"\"\"".utf8), at: hashes)
        let quote = Array((multiline ? "\"\"\"" : "\"").utf8)
        let closing = quote + hashBytes
        i += hashes + quote.count
        while i < source.count {
            if matches(Array("\\".utf8) + hashBytes, at: 0) {
                i += 1 + hashes
                if byte(0) == UInt8(ascii: "(") { i += 1; scanCode(untilParenthesis: true) } else { i += 1 }
            } else if matches(closing, at: 0) {
                i += closing.count
                break
            } else {
                i += 1
            }
        }
        blankRange(start..<i)
    }
}
