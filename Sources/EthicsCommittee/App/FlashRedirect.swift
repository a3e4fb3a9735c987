import Hummingbird

extension SessionStore {
    /// Post/Redirect/Get's last step, written once: the message the next page shows (`Flash`: a catalogue key and the
    /// value it names, if any), then a 303 to `path`. A request without a session gets the redirect alone.
    func redirect(to path: String, flash key: MessageKey, value: String = "", _ context: AppRequestContext) async throws -> Response {
        if let session = context.session { try await setFlash(Flash.encode(key, value), idHash: session.idHash) }
        return .redirect(to: path)
    }
}
