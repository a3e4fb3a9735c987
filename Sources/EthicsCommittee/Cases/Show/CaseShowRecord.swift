import Foundation

/// The case's files and its timeline.
struct CaseShowRecord: Sendable {
    let attachments: [CaseShowPage.AttachmentRow]
    let uploadAction: String?
    let events: [CaseShowPage.EventRow]

    /// Timeline events only the committee's side sees: the submitter's leaves out who reviews and who recused.
    private static let internalEvents: Set<String> = ["reviewer_assigned", "recused", "reviewed"]

    init(_ input: CaseShowInput) {
        let found = input.found, formats = input.formats, language = input.language
        attachments = input.detail.attachments.map {
            CaseShowPage.AttachmentRow(href: Paths.caseAttachment(found.id, $0.id),
                                       name: AttachmentType.downloadName($0.filename, mime: $0.contentType),
                                       size: ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file),
                                       uploader: $0.uploaderName, date: formats.date($0.uploadedAt, language))
        }
        uploadAction = input.allowed(.uploadAttachment(input.facts)) ? Paths.caseAttachments(found.id) : nil
        events = input.detail.events.filter { input.internals || !Self.internalEvents.contains($0.event) }.map { event in
            CaseShowPage.EventRow(date: formats.dateTime(event.at, language),
                                  text: input.messages[runtime: "event_\(event.event)"] ?? event.event, actor: event.actorName ?? "")
        }
    }
}

extension CaseShowPage {
    struct AttachmentRow: Sendable {
        let href: String
        let name: String
        let size: String
        let uploader: String
        let date: String
    }
    struct EventRow: Sendable {
        let date: String
        let text: String
        let actor: String
    }
}
