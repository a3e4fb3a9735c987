import Foundation

/// CSV as spreadsheets open it (RFC 4180): CRLF line ends, fields quoted when they hold a comma, a quote or a
/// line break, and a UTF-8 byte-order mark so Excel reads accents right. A cell starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading apostrophe, so text typed by someone cannot run as a formula
/// in the reader's spreadsheet (CSV injection).
enum CSV {
    static let byteOrderMark = "\u{FEFF}"

    static func document(header: [String], rows: [[String]]) -> String {
        var text = byteOrderMark
        text += line(header)
        for row in rows { text += line(row) }
        return text
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
