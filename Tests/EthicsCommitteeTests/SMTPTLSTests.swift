import Foundation
import NIOCore
import NIOSSL
import Testing
@testable import EthicsCommittee

/// E-mail over TLS against a real local SMTP server speaking TLS (the test sink with swift-nio-ssl), with a
/// private CA and a server certificate for "localhost" that the test makes with openssl.
@Suite struct SMTPTLSTests {
    struct Certificates {
        let folder: URL
        var ca: String { folder.appendingPathComponent("ca.pem").path }
        var otherCA: String { folder.appendingPathComponent("other-ca.pem").path }

        /// A CA, another CA, and a "localhost" certificate signed by the first.
        static func make() throws -> Certificates {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            func openssl(_ arguments: [String]) throws {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
                process.arguments = arguments
                process.currentDirectoryURL = folder
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
            }
            for name in ["ca", "other-ca"] {
                try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name)-key.pem", "-out", "\(name).pem",
                             "-days", "2", "-subj", "/CN=Test \(name)", "-addext", "basicConstraints=critical,CA:TRUE",
                             "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
            }
            try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server-key.pem", "-out", "server.csr", "-subj", "/CN=localhost"])
            try "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
                .write(to: folder.appendingPathComponent("ext.cnf"), atomically: true, encoding: .utf8)
            try openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                         "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf"])
            return Certificates(folder: folder)
        }

        func serverContext() throws -> NIOSSLContext {
            let chain = try NIOSSLCertificate.fromPEMFile(folder.appendingPathComponent("server.pem").path).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: folder.appendingPathComponent("server-key.pem").path, format: .pem)
            return try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        }
    }

    private func settings(_ sink: SMTPSink, _ security: SMTPSecurity, ca: String?) -> SMTPSettings {
        SMTPSettings(host: "localhost", port: sink.port, from: "ethics@example.org", username: "ethics", password: "secret",
                     heloName: "ethics.test", timeout: .seconds(60), security: security, caFile: ca)
    }

    private let mail = MailMessage(from: "ethics@example.org", to: "ada@example.org", subject: "Hello", body: "Over TLS.",
                                   date: Date(timeIntervalSince1970: 1_795_000_000), messageId: "tls@example.org")

    @Test func startTLSUpgradesBeforeAuthAndVerifiesTheCertificate() async throws {
        let certificates = try Certificates.make()
        let sink = try await SMTPSink.start(tls: .starttls(try certificates.serverContext()))
        defer { Task { await sink.stop() } }
        try await SMTPClient(settings: settings(sink, .starttls, ca: certificates.ca)).send(to: "ada@example.org", data: try mail.rendered())
        let message = try #require(sink.messages.first)
        #expect(message.overTLS)
        // EHLO twice (before and after the upgrade), and the password only after it.
        let commands = message.commands.map { $0.prefix(10).uppercased() }
        #expect(commands.prefix(3) == ["EHLO ETHIC", "STARTTLS", "EHLO ETHIC"])
        #expect(message.data.contains("Over TLS."))
    }

    @Test func implicitTLSSendsFromTheFirstByte() async throws {
        let certificates = try Certificates.make()
        let sink = try await SMTPSink.start(tls: .implicit(try certificates.serverContext()))
        defer { Task { await sink.stop() } }
        try await SMTPClient(settings: settings(sink, .tls, ca: certificates.ca)).send(to: "ada@example.org", data: try mail.rendered())
        #expect(sink.messages.first?.overTLS == true)
    }

    @Test func aCertificateFromAnotherAuthorityIsRefused() async throws {
        let certificates = try Certificates.make()
        let sink = try await SMTPSink.start(tls: .implicit(try certificates.serverContext()))
        defer { Task { await sink.stop() } }
        // Neither with another private CA nor with the system's trust store.
        await #expect(throws: (any Error).self) {
            try await SMTPClient(settings: settings(sink, .tls, ca: certificates.otherCA)).send(to: "ada@example.org", data: try mail.rendered())
        }
        await #expect(throws: (any Error).self) {
            try await SMTPClient(settings: settings(sink, .tls, ca: nil)).send(to: "ada@example.org", data: try mail.rendered())
        }
        #expect(sink.messages.isEmpty)
    }

    @Test func aServerWithoutSTARTTLSIsNotSpokenToInClear() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        await #expect(throws: SMTPError.self) {
            try await SMTPClient(settings: settings(sink, .starttls, ca: nil)).send(to: "ada@example.org", data: try mail.rendered())
        }
        #expect(sink.messages.isEmpty)
        #expect(sink.messages.allSatisfy { !$0.commands.contains { $0.uppercased().hasPrefix("AUTH") } })
    }
}
