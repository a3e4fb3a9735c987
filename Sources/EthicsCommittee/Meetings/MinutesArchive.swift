import Crypto
import Foundation

/// Draft minutes the chair sent back, with the comments the secretary is to address.
public struct MinutesReturn: Sendable, Equatable {
    public let comment: String
    public let returnedAt: String
    public let byName: String
}

/// The printed minutes exactly as approved, with their SHA-256: what the chair signs. Written in the approval's
/// transaction, its fingerprint also in the approval's audit entry, so a copy can be checked against both.
public struct MinutesArchive: Sendable, Equatable {
    public let html: String
    public let sha256: String

    init(html: String) {
        self.html = html
        sha256 = Self.fingerprint(of: html)
    }

    init(html: String, sha256: String) { self.html = html; self.sha256 = sha256 }

    /// The SHA-256 of the HTML's UTF-8 bytes, in lowercase hex (what `sha256sum` prints for the downloaded file).
    static func fingerprint(of html: String) -> String {
        SHA256.hash(data: Data(html.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether the HTML is still the one that was fingerprinted.
    var isIntact: Bool { Self.fingerprint(of: html) == sha256 }
}
