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

    /// Who may add files: whoever may edit the draft, and the secretary while the case is open.
    static func mayUpload(_ actor: Actor?, _ found: Case, _ facts: CaseFacts) -> Bool {
        Policy.decide(actor, .editCase(facts)) == .allow
            || (Policy.decide(actor, .manageCase(facts)) == .allow && ![.closed, .withdrawn].contains(found.status))
    }

    func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        guard Self.mayUpload(context.actor, found, facts) else { throw AppError.notFound }
        guard let file = context.uploads.first(where: { $0.field == "file" }), !file.bytes.isEmpty else {
            return try await refuse(found, facts, "error_attachment_missing", context)
        }
        guard file.bytes.count <= maxBytes else { return try await refuse(found, facts, "error_attachment_too_large", context) }
        let name = AttachmentType.cleanName(file.filename)
        guard let type = AttachmentType.detect(file.bytes, filename: name) else {
            return try await refuse(found, facts, "error_attachment_type", context)
        }
        try await attachments.add(caseId: found.id, filename: name, type: type, bytes: file.bytes, by: context.auditActor)
        if let session = context.session { try await sessions.setFlash(Flash.encode("flash_attachment_added"), idHash: session.idHash) }
        return .redirect(to: Paths.case(found.id))
    }

    func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, _) = try await CaseController.load(context, cases)
        guard let id = context.parameters.get("attachment", as: Int64.self),
              let attachment = try await attachments.find(id: id, caseId: found.id)
        else { throw AppError.notFound }
        let data = try attachments.bytes(of: attachment)
        if found.confidential, let role = context.session?.user.role, role != .submitter {
            try await attachments.logDownload(attachment, by: context.auditActor)
        }
        var headers: HTTPFields = [
            .contentType: attachment.contentType,
            .contentDisposition: Self.disposition(attachment.filename),
            .contentSecurityPolicy: "sandbox; default-src 'none'",
        ]
        headers[.contentLength] = String(data.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266).
    static func disposition(_ filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    private func refuse(_ found: Case, _ facts: CaseFacts, _ key: String, _ context: AppRequestContext) async throws -> Response {
        try await builder.refusal(found, facts, key, context: context, renderer: renderer)
    }
}
