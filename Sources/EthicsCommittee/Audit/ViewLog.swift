import Foundation
import NIOConcurrencyHelpers

/// The view log: who opened a confidential case or read minutes. Each read is an entry of the audit chain
/// (so it is as tamper-evident as the rest), written at most once per person, record and ten minutes:
/// the question is who opened what and when, and a reload should not cost a write nor flood the trail.
/// Attachment downloads are already audited one by one (`case.attachment_downloaded`).
public final class ViewLog: Sendable {
    let audit: AuditStore
    let clock: AppClock
    static let window: TimeInterval = 600
    private let recent = NIOLockedValueBox<[String: Date]>([:])

    init(audit: AuditStore, clock: AppClock) { self.audit = audit; self.clock = clock }

    func record(_ context: AppRequestContext, action: String, targetType: String, targetId: Int64) async throws {
        guard let userId = context.session?.user.id else { return }
        let key = "\(userId)|\(action)|\(targetId)"
        let now = clock.now
        let due = recent.withLockedValue { seen -> Bool in
            if let last = seen[key], now.timeIntervalSince(last) < Self.window, now >= last { return false }
            if seen.count >= 10_000 { seen = seen.filter { now.timeIntervalSince($0.value) < Self.window } }
            seen[key] = now
            return true
        }
        guard due else { return }
        do {
            try await audit.recordView(by: context.auditActor, action: action, targetType: targetType, targetId: targetId, at: now)
        } catch {
            _ = recent.withLockedValue { $0.removeValue(forKey: key) }
            throw error
        }
    }
}
