import Foundation
import Logging

/// E-mails about the account itself (a reset link, an invitation), sent at once in the recipient's language,
/// off the request path. They carry a one-time link, so they never go through the outbox table: the link
/// would otherwise sit in the database in clear. A failure is logged, never shown: the link is also shown once
/// to the staff member who made it, and a person can ask for a new reset link.
struct AccountMail: Sendable {
    let smtp: SMTPSettings?
    let settings: SettingsCache
    let baseURL: String
    let clock: AppClock
    let logger: Logger

    var configured: Bool { smtp != nil }

    /// What a mail says: catalogue keys for the subject and the text, with `{link}`, `{name}`, `{committee}`,
    /// `{role}` and `{message}` filled in.
    struct Content: Sendable {
        let subjectKey: MessageKey
        let bodyKey: MessageKey
        var values: [String: String]
    }

    /// Sends in the background; returns at once.
    func send(to address: String, language: Language?, _ content: Content) {
        guard let smtp else { return }
        let message = self.message(to: address, language: language ?? settings.current.defaultLanguage, content, from: smtp.from)
        let logger = self.logger
        Task.detached {
            do {
                try await SMTPClient(settings: smtp).send(to: address, data: try message.rendered())
            } catch {
                logger.warning("account e-mail not sent", metadata: ["error": "\(error)", "kind": "\(content.subjectKey.name)"])
            }
        }
    }

    func message(to address: String, language: Language, _ content: Content, from: String) -> MailMessage {
        let messages = Catalog.messages(language)
        var values = content.values
        values["committee"] = settings.current.committeeName
        let subject = messages.fill(content.subjectKey, values)
        let body = messages.fill(content.bodyKey, values) + "\n\n— " + settings.current.committeeName
        let host = URL(string: baseURL)?.host ?? "localhost"
        return MailMessage(from: from, to: address, subject: "[\(settings.current.committeeName)] \(subject)", body: body,
                           date: clock.now, messageId: "account-\(Tokens.random().prefix(16))@\(host)")
    }

    /// The absolute address of a path of the app.
    func link(_ path: String) -> String { (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + path }
}
