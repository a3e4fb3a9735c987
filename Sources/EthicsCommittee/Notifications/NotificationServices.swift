import Foundation
import Logging

extension AppServices {
    /// The due-date sweep, and the e-mail sender when SMTP is configured.
    func notificationService(logger: Logger) -> NotificationService {
        NotificationService(sweep: DueDateSweep(db: database, formats: formats), sender: emailSender(logger: logger), logger: logger)
    }

    /// The outbox's sender, if SMTP is configured.
    func emailSender(logger: Logger) -> EmailSender? {
        config.smtp.map { smtp in
            EmailSender(outbox: EmailOutboxStore(db: database, clock: config.clock), client: SMTPClient(settings: smtp), settings: settings,
                        formats: formats, baseURL: config.baseURL, logger: logger)
        }
    }
}
