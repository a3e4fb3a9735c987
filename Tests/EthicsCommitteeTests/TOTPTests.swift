import Foundation
import Testing
@testable import EthicsCommittee

@Suite struct TOTPTests {
    /// RFC 6238, Appendix B: the seeds are "12345678901234567890" repeated to the hash's key length, 8 digits.
    @Test(arguments: [
        (59.0, "94287082", "46119246", "90693936"),
        (1111111109.0, "07081804", "68084774", "25091201"),
        (1111111111.0, "14050471", "67062674", "99943326"),
        (1234567890.0, "89005924", "91819424", "93441116"),
        (2000000000.0, "69279037", "90698825", "38618901"),
        (20000000000.0, "65353130", "77737706", "47863826"),
    ])
    func rfc6238TestVectors(time: Double, sha1: String, sha256: String, sha512: String) {
        let seed = Array("12345678901234567890".utf8)
        let seed32 = Array("12345678901234567890123456789012".utf8)
        let seed64 = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)
        let step = TOTP.step(at: Date(timeIntervalSince1970: time))
        #expect(TOTP.code(secret: seed, step: step, digits: 8, algorithm: .sha1) == sha1)
        #expect(TOTP.code(secret: seed32, step: step, digits: 8, algorithm: .sha256) == sha256)
        #expect(TOTP.code(secret: seed64, step: step, digits: 8, algorithm: .sha512) == sha512)
    }

    /// RFC 4226 Appendix D: HOTP values 0-9 of the same SHA-1 seed, 6 digits (what apps show).
    @Test func rfc4226SixDigitValues() {
        let seed = Array("12345678901234567890".utf8)
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        #expect((0..<10).map { TOTP.code(secret: seed, step: Int64($0)) } == expected)
    }

    @Test func base32FollowsRFC4648() {
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.encode(Array("f".utf8)) == "MY")
        #expect(Base32.decode("mzxw 6ytb oi") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW6YTBOI======") == Array("foobar".utf8))
        #expect(Base32.decode("MZ1") == nil)
        let secret = TOTP.newSecret()
        #expect(Base32.decode(Base32.encode(secret)) == secret)
    }

    @Test func aCodeIsAcceptedWithinTheWindowAndNeverTwice() {
        let secret = TOTP.newSecret(), now = Date(timeIntervalSince1970: 1_795_000_000)
        let step = TOTP.step(at: now)
        let current = TOTP.code(secret: secret, step: step)
        #expect(TOTP.match(current, secret: secret, at: now, after: 0) == step)
        // The previous step's code still counts (slow typing), two steps back does not.
        #expect(TOTP.match(TOTP.code(secret: secret, step: step - 1), secret: secret, at: now, after: 0) == step - 1)
        #expect(TOTP.match(TOTP.code(secret: secret, step: step - 2), secret: secret, at: now, after: 0) == nil)
        // Once the step was accepted, the same code (or an older one) is a replay.
        #expect(TOTP.match(current, secret: secret, at: now, after: step) == nil)
        #expect(TOTP.isReplay(current, secret: secret, at: now, lastStep: step))
        #expect(!TOTP.isReplay("000000", secret: secret, at: now, lastStep: step) || current == "000000")
        #expect(TOTP.match("12345", secret: secret, at: now, after: 0) == nil)
        #expect(TOTP.match("abcdef", secret: secret, at: now, after: 0) == nil)
    }

    @Test func theQRCodeIsAnSVGFromLibqrencode() throws {
        let uri = TOTP.provisioningURI(secret: "JBSWY3DPEHPK3PXP", account: "ada@example.org", issuer: "AI Ethics Committee")
        #expect(uri.hasPrefix("otpauth://totp/AI%20Ethics%20Committee:ada@example.org?secret=JBSWY3DPEHPK3PXP&issuer="))
        let svg = try #require(QRCode.svg(uri))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<path d=\"M"))
        // Deterministic: the same text draws the same code.
        #expect(QRCode.svg(uri) == svg)
    }
}
