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

    /// A file name safe to keep and show: no path, no control, bidi or other invisible formatting character
    /// (a right-to-left override turns `fdp.exe` into what reads as `exe.pdf`), at most 200 characters.
    public static func cleanName(_ filename: String) -> String {
        let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(String.UnicodeScalarView(base.unicodeScalars.filter { scalar in
            scalar == " " || !(scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.properties.generalCategory == .format || invisible.contains(scalar.value))
        }))
        let trimmed = cleaned.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".")))
        return trimmed.isEmpty ? "attachment" : String(trimmed.suffix(200))
    }

    /// Bidi controls (U+200E/F, U+202A–E, U+2066–9) are format characters already; listed so the rule is explicit.
    private static let invisible: Set<UInt32> = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    /// The name a file is stored and served under: cleaned, and ending with an extension of the type its bytes
    /// were recognised as, so a PDF named `report.html` or `setup.exe` opens from disk as a PDF.
    public static func downloadName(_ filename: String, mime: String) -> String {
        let name = cleanName(filename)
        let allowed = extensions(of: mime)
        guard let preferred = allowed.first else { return name }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, let ext = parts.last, allowed.contains(ext.lowercased()) { return name }
        let stem = parts.count > 1 ? parts.dropLast().joined(separator: ".") : name
        // `a.pdf.html` (from `a.pdf\0.html`) becomes `a.pdf`, not `a.pdf.pdf`.
        if parts.count > 2, allowed.contains(parts[parts.count - 2].lowercased()) { return stem }
        return String(stem.suffix(190)) + "." + preferred
    }

    /// Extensions that fit a recognised type, the usual one first.
    static func extensions(of mime: String) -> [String] {
        switch mime {
        case "application/pdf": return ["pdf"]
        case "image/png": return ["png"]
        case "image/jpeg": return ["jpg", "jpeg"]
        case "image/gif": return ["gif"]
        case "image/webp": return ["webp"]
        case "text/plain": return ["txt", "md"]
        case "text/csv": return ["csv"]
        default: return (zipOffice.merging(legacyOffice) { a, _ in a }).filter { $0.value == mime }.map(\.key).sorted()
        }
    }
}
