/// The layout's figures of a signed-in page (the acknowledgement banner, the unread count), read in the same read as
/// the session by `SessionMiddleware` (`SessionStore.find(cookieValue:withLayout:)`), so the layout costs no read of
/// its own (issue 19). Only on a GET: a GET changes neither figure, so they hold for the whole request; after a POST
/// the stores read them when the page is rendered, after the handler's change.
struct LayoutReads: Sendable {
    let userId: Int64
    /// Nil when the person is not asked to acknowledge anything (the policy's `acknowledgeCharter`).
    let pending: [PendingAcknowledgement]?
    /// Nil when the person has no notifications link (the policy's `useApp`).
    let unread: Int?

    /// This request's figures, set by `SessionMiddleware` around the handler.
    @TaskLocal static var current: LayoutReads?

    /// The figures read for this person in this request, if any.
    static func of(_ userId: Int64) -> LayoutReads? {
        guard let current, current.userId == userId else { return nil }
        return current
    }
}
