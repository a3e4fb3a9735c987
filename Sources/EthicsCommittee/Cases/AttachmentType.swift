import Foundation

/// The allowlist of attachment types, recognised from the file's first bytes (its content), not
/// from what the browser claims. Office formats also need the matching extension, since a .docx is
/// a zip file like any other.
public enum AttachmentType {
    public struct Kind: Sendable, Equatable {
        public let mime: String
    }

    public static func detect(_ bytes: [UInt8], filename: String) -> Kind? {
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts(Array("%PDF-".utf8)) { return Kind(mime: "application/pdf") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return Kind(mime: "image/png") }
        if starts([0xFF, 0xD8, 0xFF]) { return Kind(mime: "image/jpeg") }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return Kind(mime: "image/gif") }
        if starts(Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8) { return Kind(mime: "image/webp") }
        if starts([0x50, 0x4B, 0x03, 0x04]), let mime = zipOffice[ext] { return Kind(mime: mime) }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), let mime = legacyOffice[ext] { return Kind(mime: mime) }
        if ["txt", "md", "csv"].contains(ext), !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil {
            return Kind(mime: ext == "csv" ? "text/csv" : "text/plain")
        }
        return nil
    }

    static let zipOffice: [String: String] = [
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "odp": "application/vnd.oasis.opendocument.presentation",
    ]

    static let legacyOffice: [String: String] = [
        "doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
    ]

    /// A file name safe to keep and show: no path, no control characters, at most 200 characters.
    public static func cleanName(_ filename: String) -> String {
        let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(base.unicodeScalars.filter { !$0.properties.isWhitespace || $0 == " " }
            .filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "attachment" : String(trimmed.suffix(200))
    }
}
