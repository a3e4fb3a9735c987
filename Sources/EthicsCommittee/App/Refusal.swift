import Hummingbird

/// A handler's "no", one type for every refusing answer: 403 (the request itself is refused: a form without its
/// token), 404 (nothing there, or nothing this person may see: the policy's `.notFound`, so nothing leaks), 409 (the
/// record changed since the page was built: a race, a form sent twice) and 422 (the request cannot be done as sent).
/// Thrown, `ErrorPageMiddleware` renders the generic page with its status and message; a handler that can show its
/// form again catches the refusal first and re-renders the form with what was typed (`FormState`).
public enum Refusal: Error, Equatable, Sendable {
    case forbidden
    case notFound
    /// The catalogue key of the message shown.
    case conflict(String)
    /// The catalogue key of the message shown.
    case invalid(String)

    var status: HTTPResponse.Status {
        switch self {
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .invalid: .unprocessableContent
        }
    }

    /// The message that explains it, when there is more to say than the status's generic one.
    var key: String? {
        switch self {
        case .forbidden, .notFound: nil
        case .conflict(let key), .invalid(let key): key
        }
    }
}

/// A store's refusal because a record is no longer in the state the form was built from (two people deciding
/// the same case at once, a form sent twice): a 409 `Refusal` with its message, never a 500.
protocol StateRefusal: Error {
    /// Catalogue key of the message shown.
    var key: String { get }
}

extension StateRefusal {
    var refusal: Refusal { .conflict(key) }
}

extension CaseLifecycle.Refusal: StateRefusal {}
extension MeetingRefusal: StateRefusal {}
