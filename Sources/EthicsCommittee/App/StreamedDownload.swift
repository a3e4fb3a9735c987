import Hummingbird

/// A download written while it is read (the exports): the headers leave at once, then whatever `write` writes, batch
/// by batch. Whoever calls this asks every access question before, so a refusal is still a plain error page.
enum StreamedDownload {
    static func response(type: String, name: String,
                         _ write: @escaping @Sendable (inout any ResponseBodyWriter) async throws -> Void) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: ResponseBody { writer in
                     try await write(&writer)
                     try await writer.finish(nil)
                 })
    }
}
