import Foundation

/// A meeting's video link: an https URL with a host, printable ASCII only (no space, no CR/LF or other control
/// character that would add lines to the calendar file), at most 500 characters.
enum VideoLink {
    static func isValid(_ link: String) -> Bool {
        guard link.count <= 500, link.lowercased().hasPrefix("https://"),
              link.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" && $0 != "\"" }),
              let components = URLComponents(string: link), components.scheme?.lowercased() == "https",
              let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
