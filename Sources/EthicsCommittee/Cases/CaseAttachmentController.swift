import Foundation
import Hummingbird

/// Uploading and downloading a case's attachments. Downloads are always attachments (never shown
/// inline), with nosniff and a sandboxing policy; a committee member opening a file of a
/// confidential case is logged.
struct CaseAttachmentController {
    let cases: CaseStore
    let attachments: CaseAttachmentStore
    let sessions: SessionStore
    let renderer: Renderer
    let builder: CaseShowBuilder
    let maxBytes: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post(RouterPath(Paths.caseAttachmentsPattern), use: upload)
        router.get(RouterPath(Paths.caseAttachmentPattern), use: download)
    }

    func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.uploadAttachment(facts))
        guard let file = context.uploads.first(where: { $0.field == "file" }), !file.bytes.isEmpty else {
            return try await refuse(found, facts, "error_attachment_missing", context)
        }
        guard file.bytes.count <= maxBytes else { return try await refuse(found, facts, "error_attachment_too_large", context) }
        let name = AttachmentType.cleanName(file.filename)
        guard let type = AttachmentType.detect(file.bytes, filename: name) else {
            return try await refuse(found, facts, "error_attachment_type", context)
        }
        try await attachments.add(caseId: found.id, filename: AttachmentType.downloadName(name, mime: type.mime), type: type, bytes: file.bytes, by: context.auditActor)
        return try await sessions.redirect(to: Paths.case(found.id), flash: .flash_attachment_added, context)
    }

    func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, _) = try await CaseController.load(context, cases)
        guard let id = context.parameters.get("attachment", as: Int64.self),
              let attachment = try await attachments.find(id: id, caseId: found.id)
        else { throw Refusal.notFound }
        let data = try attachments.bytes(of: attachment)
        if found.confidential, let role = context.session?.user.role, role != .submitter {
            try await attachments.logDownload(attachment, by: context.auditActor)
        }
        var headers: HTTPFields = [
            .contentType: attachment.contentType,
            // Cleaned again: rows saved before the name was forced to the checked type's extension.
            .contentDisposition: Self.disposition(AttachmentType.downloadName(attachment.filename, mime: attachment.contentType)),
            .contentSecurityPolicy: "sandbox; default-src 'none'",
        ]
        headers[.contentLength] = String(data.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266).
    static func disposition(_ filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0 != ";" && (0x20..<0x7F).contains($0.value) ? Character($0) : "_" })
        // RFC 5987 attr-char, spelled out: `.alphanumerics` would let non-ASCII letters through unencoded.
        let attrChar = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: attrChar) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    private func refuse(_ found: Case, _ facts: CaseFacts, _ key: String, _ context: AppRequestContext) async throws -> Response {
        try await builder.refusal(found, facts, key, context: context, renderer: renderer)
    }
}
