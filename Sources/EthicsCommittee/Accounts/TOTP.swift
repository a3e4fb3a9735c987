import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), as authenticator apps compute them:
/// HMAC-SHA1, 30-second steps, 6 digits. SHA-256 and SHA-512 exist for the RFC's test vectors.
public enum TOTP {
    public enum Algorithm: Sendable { case sha1, sha256, sha512 }
    public static let period: TimeInterval = 30
    /// Codes of the previous and the next step are accepted too: a phone's clock drifts, a person types slowly.
    public static let window: Int64 = 1

    /// The time step of a moment (RFC 6238's T).
    public static func step(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / period).rounded(.down)) }

    /// The code of one step (RFC 4226 5.3: dynamic truncation of the HMAC of the step's 8 bytes, big-endian).
    public static func code(secret: [UInt8], step: Int64, digits: Int = 6, algorithm: Algorithm = .sha1) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8]
        switch algorithm {
        case .sha1: mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: mac = Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The step a typed code belongs to, within the window around `date`, if it is newer than `after`
    /// (the last step accepted for the account: a code is never accepted twice). Compared in constant time.
    public static func match(_ typed: String, secret: [UInt8], at date: Date, after lastStep: Int64) -> Int64? {
        let code = typed.filter { !$0.isWhitespace }
        guard code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { return nil }
        let now = step(at: date)
        var found: Int64?
        for candidate in (now - window)...(now + window) where Tokens.constantTimeEqual(Self.code(secret: secret, step: candidate), code) {
            found = candidate
        }
        guard let found, found > lastStep else { return nil }
        return found
    }

    /// Whether a typed code is right but was already used (its step is not newer than the last accepted one).
    public static func isReplay(_ typed: String, secret: [UInt8], at date: Date, lastStep: Int64) -> Bool {
        match(typed, secret: secret, at: date, after: Int64.min) != nil && match(typed, secret: secret, at: date, after: lastStep) == nil
    }

    /// A new random secret: 20 bytes (160 bits, RFC 4226's recommendation).
    public static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The `otpauth://` address authenticator apps read from the QR code.
    public static func provisioningURI(secret: String, account: String, issuer: String) -> String {
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~@"))) ?? ""
        }
        return "otpauth://totp/\(encode(issuer)):\(encode(account))?secret=\(secret)&issuer=\(encode(issuer))&algorithm=SHA1&digits=6&period=30"
    }
}

/// RFC 4648 base32 (upper-case, no padding), the form authenticator apps take secrets in.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8](), buffer: UInt32 = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte); bits += 8
            while bits >= 5 { out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)]); bits -= 5 }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes, ignoring case, spaces and padding; nil on any other character.
    public static func decode(_ text: String) -> [UInt8]? {
        var out = [UInt8](), buffer: UInt32 = 0, bits = 0
        for character in text.uppercased().utf8 where character != UInt8(ascii: " ") && character != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value); bits += 5
            if bits >= 8 { out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff)); bits -= 8 }
        }
        return out
    }
}
