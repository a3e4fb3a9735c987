import Foundation
import Logging

/// Delivers the outbox through SMTP, one message at a time, off the request path. The mail holds
/// the notification's title in the recipient's language and a link to the app: nothing confidential.
struct EmailSender: Sendable {
    let outbox: EmailOutboxStore
    let client: SMTPClient
    let settings: SettingsCache
    let formats: Formats
    let baseURL: String
    let logger: Logger

    /// Sends what is due; returns how many were sent.
    @discardableResult
    func deliverPending() async throws -> Int {
        var sent = 0
        for mail in try await outbox.due() {
            do {
                let message = try self.message(for: mail)
                try await client.send(to: mail.email, data: try message.rendered())
                try await outbox.markSent(id: mail.id)
                sent += 1
            } catch {
                let permanent = (error as? SMTPError)?.permanent == true || error is MailMessage.BadAddress
                logger.warning("e-mail not sent", metadata: ["outbox": "\(mail.id)", "error": "\(error)", "permanent": "\(permanent)"])
                try await outbox.markFailed(id: mail.id, attempts: mail.attempts, error: String(describing: error), permanent: permanent)
            }
        }
        return sent
    }

    func message(for mail: OutboxEmail) throws -> MailMessage {
        let messages = Catalog.messages(mail.language)
        let committee = settings.current.committeeName
        let title = NotificationText.render(mail.notification, messages: messages, formats: formats, language: mail.language, detailed: false)
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        // An invitation also links the reader's meeting pack.
        var lines: [String] = [title, "", base + mail.notification.path]
        if let pack = mail.notification.packPath {
            let label: String = messages[.notification_pack_link]
            lines += ["", label + " " + base + pack]
        }
        let footer: String = messages[.notification_mail_footer]
        lines += ["", "— \(committee)", footer + " " + base + Paths.password]
        let body = lines.joined(separator: "\n")
        let host = URL(string: base)?.host ?? "localhost"
        return MailMessage(from: client.settings.from, to: mail.email, subject: "[\(committee)] \(title)", body: body,
                           date: outbox.clock.now, messageId: "notification-\(mail.notification.id).\(mail.id)@\(host)")
    }
}
