import Foundation
import NIOCore
import NIOPosix

/// Where and how to send mail. Plain SMTP only (no TLS): meant for a relay on the same host or network
/// (see README); AUTH PLAIN or LOGIN when a username is set.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var from: String
    public var username: String?
    public var password: String?
    /// The name given in EHLO.
    public var heloName: String
    public var timeout: TimeAmount

    public init(host: String, port: Int = 25, from: String, username: String? = nil, password: String? = nil,
                heloName: String = "localhost", timeout: TimeAmount = .seconds(30)) {
        self.host = host; self.port = port; self.from = from; self.username = username; self.password = password
        self.heloName = heloName; self.timeout = timeout
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
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        try await withTimeout(timeout) {
            try await channel.executeThenClose { inbound, outbound in
                var session = Conversation(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                try await session.dialogue(settings: settings, recipient: recipient, data: data)
            }
        }
    }

    /// The steps of one message.
    struct Conversation {
        var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        var pending = ByteBuffer()

        mutating func dialogue(settings: SMTPSettings, recipient: String, data: String) async throws {
            try await expect([220])
            let capabilities = try await command("EHLO \(settings.heloName)", [250]).lines
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
