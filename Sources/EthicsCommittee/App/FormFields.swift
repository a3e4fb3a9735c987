import Foundation

/// A decoded form body (`application/x-www-form-urlencoded` or the fields of a multipart body): the first
/// value of each field, and all values.
///
/// Every value passes through `normalised` here, once: line endings become LF (browsers send CRLF from a
/// text area, and every later `split("\n")` assumed LF) and NUL bytes are dropped.
public struct FormFields: Sendable {
    private var values: [String: [String]] = [:]

    public init() {}

    /// Decodes a URL-encoded body byte by byte. It never traps: a raw space, a raw non-ASCII byte, a lone
    /// `%` or a `%` followed by anything but two hex digits is kept as it came; invalid UTF-8 becomes U+FFFD.
    public init(urlEncoded body: some Collection<UInt8>) {
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.normalised(Self.percentDecoded(parts[0]))
            guard !name.isEmpty else { continue }
            let value = parts.count > 1 ? Self.normalised(Self.percentDecoded(parts[1])) : ""
            values[name, default: []].append(value)
        }
    }

    public init(urlEncoded body: String) { self.init(urlEncoded: Array(body.utf8)) }

    /// Fields already split (multipart bodies).
    init(pairs: [(String, String)]) {
        for (name, value) in pairs { values[Self.normalised(name), default: []].append(Self.normalised(value)) }
    }

    /// The field's value, trimmed of surrounding white space ("" when absent).
    public subscript(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The field's value exactly as sent, line endings aside (passwords, Markdown).
    public func raw(_ name: String) -> String { values[name]?.first ?? "" }

    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The distinct values of a multiple choice (check boxes, a multiple select) that read as `T`, in the
    /// order sent: a box ticked twice by a crafted body counts once.
    func choices<T: Hashable>(_ name: String, as read: (String) -> T?) -> [T] {
        var seen = Set<T>()
        return all(name).compactMap(read).filter { seen.insert($0).inserted }
    }

    /// The names of the fields sent.
    public var names: [String] { Array(values.keys) }

    /// `+` is a space; `%XX` is the byte XX when both are hex digits; anything else is itself.
    static func percentDecoded(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"),
                      let first = bytes.index(index, offsetBy: 1, limitedBy: bytes.endIndex), first != bytes.endIndex,
                      let second = bytes.index(first, offsetBy: 1, limitedBy: bytes.endIndex), second != bytes.endIndex,
                      let high = hexValue(bytes[first]), let low = hexValue(bytes[second]) {
                out.append(high << 4 | low)
                index = second
            } else {
                out.append(byte)
            }
            index = bytes.index(after: index)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// LF line endings (CRLF and lone CR become LF), no NUL.
    static func normalised(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 13 || $0 == 0 }) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": scalars.append("\n"); previousWasCR = true; continue
            case "\n" where previousWasCR: break
            case "\0": break
            default: scalars.append(scalar)
            }
            previousWasCR = false
        }
        return String(scalars)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
