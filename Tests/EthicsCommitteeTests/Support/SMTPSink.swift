import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A tiny SMTP server on 127.0.0.1 for the tests: it records each message's envelope and data exactly
/// as received, and can refuse the next messages with a given reply.
final class SMTPSink: Sendable {
    struct Message: Sendable, Equatable {
        var commands: [String] = []
        var mailFrom = ""
        var recipients: [String] = []
        var bareLineFeed = false
        /// Whether the message came over TLS (implicit, or after STARTTLS).
        var overTLS = false
        /// The DATA lines as they crossed the wire (still dot-stuffed), without the final ".".
        var wireLines: [String] = []
        /// The message once un-stuffed, lines joined with CRLF.
        var data: String { wireLines.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }.joined(separator: "\r\n") }
    }

    private struct State {
        var messages: [Message] = []
        /// Replies given to the next MAIL FROM commands instead of 250.
        var refusals: [String] = []
    }

    /// TLS the sink speaks: none, STARTTLS offered after EHLO, or TLS from the first byte.
    enum TLSMode: Sendable { case none, starttls(NIOSSLContext), implicit(NIOSSLContext) }

    let port: Int
    let tls: TLSMode
    private let state = NIOLockedValueBox(State())
    private let server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

    private init(server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>, tls: TLSMode) {
        self.server = server
        self.tls = tls
        port = server.channel.localAddress?.port ?? 0
    }

    static func start(tls: TLSMode = .none) async throws -> SMTPSink {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if case .implicit(let context) = tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let sink = SMTPSink(server: server, tls: tls)
        Task {
            try await server.executeThenClose { connections in
                for try await connection in connections { try? await sink.serve(connection) }
            }
        }
        return sink
    }

    var messages: [Message] { state.withLockedValue { $0.messages } }
    func refuseNext(_ reply: String) { state.withLockedValue { $0.refusals.append(reply) } }
    func stop() async { try? await server.channel.close() }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var lines = LineReader(iterator: inbound.makeAsyncIterator())
            func reply(_ text: String) async throws { try await outbound.write(ByteBuffer(string: text + "\r\n")) }
            var message = Message()
            if case .implicit = tls { message.overTLS = true }
            try await reply("220 sink.test ESMTP")
            while let line = try await lines.next() {
                message.commands.append(line)
                let upper = line.uppercased()
                if upper.hasPrefix("EHLO") {
                    let offer = if case .starttls = tls, !message.overTLS { "250-STARTTLS\r\n" } else { "" }
                    try await reply("250-sink.test greets you\r\n" + offer + "250-AUTH PLAIN LOGIN\r\n250 8BITMIME")
                } else if upper == "STARTTLS", case .starttls(let context) = tls, !message.overTLS {
                    try await reply("220 2.0.0 Ready to start TLS")
                    try await connection.channel.pipeline.addHandler(NIOSSLServerHandler(context: context), position: .first).get()
                    message.overTLS = true
                } else if upper.hasPrefix("AUTH PLAIN") {
                    try await reply("235 2.7.0 Authenticated")
                } else if upper.hasPrefix("MAIL FROM:") {
                    let refusal = state.withLockedValue { $0.refusals.isEmpty ? nil : $0.refusals.removeFirst() }
                    if let refusal { try await reply(refusal); continue }
                    message.mailFrom = String(line.dropFirst("MAIL FROM:".count))
                    try await reply("250 2.1.0 Ok")
                } else if upper.hasPrefix("RCPT TO:") {
                    message.recipients.append(String(line.dropFirst("RCPT TO:".count)))
                    try await reply("250 2.1.5 Ok")
                } else if upper == "DATA" {
                    try await reply("354 End data with <CR><LF>.<CR><LF>")
                    while let dataLine = try await lines.next(), dataLine != "." { message.wireLines.append(dataLine) }
                    message.bareLineFeed = lines.bareLineFeed
                    let received = message
                    state.withLockedValue { $0.messages.append(received) }
                    try await reply("250 2.0.0 Ok: queued")
                } else if upper == "QUIT" {
                    // The message was recorded at the end of DATA: complete its conversation.
                    let commands = message.commands
                    state.withLockedValue { state in
                        if let last = state.messages.indices.last, state.messages[last].mailFrom == message.mailFrom {
                            state.messages[last].commands = commands
                        }
                    }
                    try await reply("221 2.0.0 Bye")
                    return
                } else {
                    try await reply("500 5.5.2 Unknown command")
                }
            }
        }
    }

    /// CRLF-terminated lines from the connection (a bare LF is noted: it would be a client bug).
    struct LineReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var buffer = ByteBuffer()
        /// Set when a line ended with LF alone: SMTP wants CRLF everywhere.
        var bareLineFeed = false

        mutating func next() async throws -> String? {
            while true {
                if let lf = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                    let length = lf - buffer.readerIndex + 1
                    let bytes = buffer.readBytes(length: length) ?? []
                    guard bytes.count >= 2, bytes[bytes.count - 2] == UInt8(ascii: "\r") else {
                        bareLineFeed = true
                        return String(decoding: bytes.dropLast(), as: UTF8.self)
                    }
                    return String(decoding: bytes.dropLast(2), as: UTF8.self)
                }
                guard var chunk = try await iterator.next() else { return nil }
                buffer.writeBuffer(&chunk)
            }
        }
    }
}
