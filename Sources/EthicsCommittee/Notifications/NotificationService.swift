import Foundation
import Logging
import ServiceLifecycle

/// The background work of notifications, run by `ethics serve` beside the HTTP server: the due-date
/// sweep every `sweepInterval`, and, when SMTP is configured, the outbox every `sendInterval`.
/// A failure is logged and tried again at the next turn; it never reaches a request.
struct NotificationService: Service {
    let sweep: DueDateSweep
    let sender: EmailSender?
    let logger: Logger
    var sweepInterval: TimeInterval = 600
    var sendInterval: TimeInterval = 15

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await every(sweepInterval) { _ = try await sweep.run() } }
                if let sender {
                    group.addTask { await every(sendInterval) { _ = try await sender.deliverPending() } }
                }
            }
        }
    }

    private func every(_ interval: TimeInterval, _ work: @Sendable () async throws -> Void) async {
        while !Task.isCancelled {
            do { try await work() } catch { logger.error("notification work failed", metadata: ["error": "\(error)"]) }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }
}
