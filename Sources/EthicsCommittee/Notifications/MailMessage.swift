import Foundation

/// A plain-text UTF-8 e-mail, built so that no value can add a header: addresses with anything but
/// printable ASCII are refused, the subject loses any CR/LF and is RFC 2047-encoded when not ASCII,
/// and the body is quoted-printable.
public struct MailMessage: Sendable, Equatable {
    let from: String
    let to: String
    let subject: String
    let body: String
    let date: Date
    let messageId: String

    struct BadAddress: Error, Equatable { let address: String }

    /// An address usable in the envelope and the headers: something@something, printable ASCII,
    /// none of the characters that would end or break a header or an SMTP command.
    public static func isSafeAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
        return address.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && !"<>()[]\\,;:\"".unicodeScalars.contains($0) }
    }

    /// The message as sent after DATA (before dot-stuffing), with CRLF line ends.
    func rendered() throws -> String {
        for address in [from, to] where !Self.isSafeAddress(address) { throw BadAddress(address: address) }
        let headers = [
            "From: <\(from)>",
            "To: <\(to)>",
            "Subject: \(Self.encodeHeader(subject))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(messageId)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(body) + "\r\n"
    }

    /// A header value on one line: CR/LF and other controls become spaces; non-ASCII text becomes
    /// RFC 2047 base64 encoded-words of at most 75 characters, split between characters.
    static func encodeHeader(_ text: String) -> String {
        let clean = String(text.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? " " : Character($0) })
        guard clean.unicodeScalars.contains(where: { $0.value > 126 }) else { return clean }
        var words: [String] = [], chunk = ""
        for character in clean {
            // "=?UTF-8?B?" + base64 + "?=": 12 characters around at most 39 bytes (52 base64 characters),
            // so that even the first line, after "Subject: ", stays within 78 characters.
            if (chunk + String(character)).utf8.count > 39 { words.append(chunk); chunk = "" }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// RFC 2045 quoted-printable: lines of at most 76 characters with soft breaks, CRLF line ends.
    static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line -> String in
            var out = "", current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if current.count + piece.count > 75 { out += current + "=\r\n"; current = "" }
                current += piece
            }
            return out + current
        }.joined(separator: "\r\n")
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
