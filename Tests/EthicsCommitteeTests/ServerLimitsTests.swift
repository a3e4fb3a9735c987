import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing
@testable import EthicsCommittee

/// Slow or silent clients cannot hold connections, and strangers cannot make the server read their uploads.
@Suite struct ServerLimitsTests {
    /// Opens a raw TCP connection to the served app, writes `bytes`, and returns how long the server took to close it
    /// (nil when it was still open after `wait`).
    static func closeDelay(port: Int, sending bytes: String, trickle: Bool = false, wait: Duration) async throws -> Duration? {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port).get()
        let start = ContinuousClock.now
        try await channel.writeAndFlush(ByteBuffer(string: bytes))
        let closed = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await channel.closeFuture.get(); return true }
            group.addTask {
                // A trickle: one more byte every 300 ms, so the connection is never idle.
                let end = ContinuousClock.now + wait
                while ContinuousClock.now < end {
                    try await Task.sleep(for: .milliseconds(300))
                    if trickle { try? await channel.writeAndFlush(ByteBuffer(string: "a")) }
                }
                return false
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
        if !closed { try? await channel.close() }
        return closed ? ContinuousClock.now - start : nil
    }

    static func served(idle: Duration, request: Duration, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let app = try await TestApp.make { config in
            config.port = 0
            config.idleTimeout = idle
            config.requestTimeout = request
        }
        let application = try await buildApplication(app.services)
        try await application.test(.live) { client in try await body(try #require(client.port)) }
    }

    @Test func aRequestHeadThatNeverEndsIsClosedAfterTheIdleTimeout() async throws {
        try await Self.served(idle: .seconds(1), request: .seconds(60)) { port in
            let delay = try await Self.closeDelay(port: port, sending: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", wait: .seconds(10))
            #expect(delay != nil)
        }
    }

    @Test func aBodyTrickledByteByByteIsClosedAtTheRequestDeadline() async throws {
        // The idle timeout is long, so that only the deadline can close it (a loaded machine may leave more than a
        // second between two bytes of the trickle)
        try await Self.served(idle: .seconds(6), request: .seconds(1.5)) { port in
            let head = "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nemail="
            // Never idle for the idle timeout, yet the whole request is not there after the deadline
            let delay = try await Self.closeDelay(port: port, sending: head, trickle: true, wait: .seconds(15))
            let seconds = try #require(delay)
            #expect(seconds >= .seconds(1.4) && seconds < .seconds(6))
        }
    }

    @Test func anUploadWithoutASessionIsRefusedBeforeItsBodyIsRead() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            // Given a stranger posting a large multipart body to the upload route (with a CSRF pair of its own)
            let stranger = Browser(client)
            try await stranger.get("/login")
            let response = try await stranger.upload("/cases/1/attachments", file: ("big.pdf", [UInt8](repeating: 0x41, count: 11 * 1024 * 1024)))
            // Then it is sent to sign in without reading it (reading it first answered "too large")
            #expect(response.status == .found)
            #expect(response.location?.hasPrefix("/login") == true)
        }
    }
}
