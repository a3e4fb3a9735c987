import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// How the connection to the SMTP server is protected.
public enum SMTPSecurity: String, Sendable, Equatable, CaseIterable {
    /// No TLS: only for a relay on the same host (the command line refuses it for another host).
    case plain
    /// Plain connection upgraded with STARTTLS before anything else is said (port 587); refused if the
    /// server does not offer it.
    case starttls
    /// TLS from the first byte (port 465).
    case tls
}

/// Where and how to send mail; AUTH PLAIN or LOGIN when a username is set. With TLS the server's certificate
/// is verified against the system's trust store (or only `caFile`, a private CA) and the host name.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var from: String
    public var username: String?
    public var password: String?
    /// The name given in EHLO.
    public var heloName: String
    public var timeout: TimeAmount
    public var security: SMTPSecurity
    /// A PEM file of the certificate authority to trust instead of the system's (a private CA).
    public var caFile: String?

    public init(host: String, port: Int = 25, from: String, username: String? = nil, password: String? = nil,
                heloName: String = "localhost", timeout: TimeAmount = .seconds(30), security: SMTPSecurity = .plain,
                caFile: String? = nil) {
        self.host = host; self.port = port; self.from = from; self.username = username; self.password = password
        self.heloName = heloName; self.timeout = timeout; self.security = security; self.caFile = caFile
    }

    /// Whether the host is this machine (the only place plain SMTP is accepted for).
    public var hostIsLocal: Bool { ["localhost", "127.0.0.1", "::1"].contains(host.lowercased()) }

    /// The TLS client context: full verification, TLS 1.2 or newer, the private CA when given.
    func tlsContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        if let caFile { configuration.trustRoots = .file(caFile) }
        return try NIOSSLContext(configuration: configuration)
    }

    /// The name checked against the certificate (and sent as SNI); an address literal cannot be sent as SNI.
    var tlsServerName: String? {
        host.contains(":") || host.split(separator: ".").allSatisfy({ Int($0) != nil }) ? nil : host
    }
}

/// What the server answered when it refused. 5xx is permanent (do not retry), 4xx and network errors are not.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    public let message: String
    public var permanent: Bool { code >= 500 && code < 600 }
    public var description: String { "\(code) \(message)" }
}

/// A minimal SMTP client (RFC 5321) over SwiftNIO: EHLO, AUTH, MAIL FROM, RCPT TO, DATA with
/// dot-stuffing, QUIT. One connection per message: mail here is rare.
public struct SMTPClient: Sendable {
    let settings: SMTPSettings
    public init(settings: SMTPSettings) { self.settings = settings }

    /// Sends `data` (a rendered message with CRLF line ends) from `settings.from` to `recipient`.
    public func send(to recipient: String, data: String) async throws {
        // Addresses go into commands: nothing that could end the line or the address.
        for address in [settings.from, recipient] where !MailMessage.isSafeAddress(address) {
            throw SMTPError(code: 501, message: "unusable address")
        }
        let timeout = settings.timeout
        let settings = self.settings
        let tls = settings.security == .plain ? nil : try settings.tlsContext()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.security == .tls, let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: settings.tlsServerName))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        // STARTTLS: the TLS handler goes in front of the pipeline once the server agreed, before EHLO again.
        var upgrade: (@Sendable () async throws -> Void)?
        if settings.security == .starttls, let tls {
            let raw = channel.channel, serverName = settings.tlsServerName
            upgrade = {
                try await raw.eventLoop.submit {
                    try raw.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
                }.get()
            }
        }
        let startTLS = upgrade
        try await withTimeout(timeout) {
            try await channel.executeThenClose { inbound, outbound in
                var session = Conversation(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                session.startTLS = startTLS
                try await session.dialogue(settings: settings, recipient: recipient, data: data)
            }
        }
    }

    /// The steps of one message.
    struct Conversation {
        var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        var pending = ByteBuffer()
        /// Set for STARTTLS: puts TLS under the conversation.
        var startTLS: (@Sendable () async throws -> Void)?

        mutating func dialogue(settings: SMTPSettings, recipient: String, data: String) async throws {
            try await expect([220])
            var capabilities = try await command("EHLO \(settings.heloName)", [250]).lines
            if let startTLS {
                // Never fall back to plain text: a server (or someone in between) hiding STARTTLS is refused.
                guard capabilities.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                    throw SMTPError(code: 0, message: "the server does not offer STARTTLS")
                }
                try await command("STARTTLS", [220])
                // Anything sent before the handshake must not be read as coming from the TLS session.
                guard pending.readableBytes == 0 else { throw SMTPError(code: 0, message: "unexpected data before TLS") }
                try await startTLS()
                capabilities = try await command("EHLO \(settings.heloName)", [250]).lines
            }
            if let username = settings.username {
                let password = settings.password ?? ""
                let auth = capabilities.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased() ?? ""
                if auth.contains("PLAIN") || !auth.contains("LOGIN") {
                    let token = Data(("\u{0}" + username + "\u{0}" + password).utf8).base64EncodedString()
                    try await command("AUTH PLAIN \(token)", [235])
                } else {
                    try await command("AUTH LOGIN", [334])
                    try await command(Data(username.utf8).base64EncodedString(), [334])
                    try await command(Data(password.utf8).base64EncodedString(), [235])
                }
            }
            try await command("MAIL FROM:<\(settings.from)>", [250])
            try await command("RCPT TO:<\(recipient)>", [250, 251])
            try await command("DATA", [354])
            try await command(Self.dotStuffed(data) + ".", [250])
            // The message is accepted; a failed goodbye changes nothing.
            _ = try? await command("QUIT", [221])
        }

        /// Lines of the message with a leading "." doubled (RFC 5321 4.5.2), ending with CRLF.
        static func dotStuffed(_ data: String) -> String {
            var text = data.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            if !text.hasSuffix("\n") { text += "\n" }
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n") + "\r\n"
        }

        @discardableResult
        mutating func command(_ line: String, _ accepted: Set<Int>) async throws -> (code: Int, lines: [String]) {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
            return try await expect(accepted)
        }

        /// Reads one reply (possibly multi-line: "250-…" lines then "250 …") and checks its code.
        @discardableResult
        mutating func expect(_ accepted: Set<Int>) async throws -> (code: Int, lines: [String]) {
            var lines: [String] = []
            while true {
                let line = try await readLine()
                let code = Int(line.prefix(3)) ?? 0
                lines.append(String(line.dropFirst(4)))
                if line.count <= 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    guard accepted.contains(code) else { throw SMTPError(code: code, message: lines.joined(separator: " ")) }
                    return (code, lines)
                }
            }
        }

        mutating func readLine() async throws -> String {
            while true {
                if let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                    let length = newline - pending.readerIndex + 1
                    let line = pending.readString(length: length) ?? ""
                    return line.trimmingCharacters(in: .newlines)
                }
                guard var chunk = try await inbound.next() else { throw SMTPError(code: 0, message: "connection closed") }
                pending.writeBuffer(&chunk)
                if pending.readableBytes > 64 * 1024 { throw SMTPError(code: 0, message: "reply too long") }
            }
        }
    }
}

/// Runs `body`, cancelling it when `timeout` passes first.
func withTimeout<T: Sendable>(_ timeout: TimeAmount, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(timeout.nanoseconds))
            throw SMTPError(code: 0, message: "timed out")
        }
        let result = try await group.next()!
        group.cancelAll()
        return result
    }
}
