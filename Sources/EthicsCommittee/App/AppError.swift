import Hummingbird

/// Errors that become a page: the error middleware renders each with its status, never a detail.
public enum AppError: Error, Equatable {
    case notFound
    case signInRequired
    case onboardingRequired
    case csrfRejected
    case tooManyRequests
    case payloadTooLarge
    case badRequest
    /// A sensitive act wants a fresh password or code (`AppRequestContext.requireRecentVerification`).
    case reauthenticationRequired

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .signInRequired, .onboardingRequired, .reauthenticationRequired: .seeOther
        case .csrfRejected: .forbidden
        case .tooManyRequests: .tooManyRequests
        case .payloadTooLarge: .contentTooLarge
        case .badRequest: .badRequest
        }
    }
}

/// A store's refusal because a record is no longer in the state the form was built from (two people deciding
/// the same case at once, a form sent twice): the error page shows its message with 409, never a 500.
protocol StateRefusal: Error {
    /// Catalogue key of the message shown.
    var key: String { get }
}

extension CaseLifecycle.Refusal: StateRefusal {}
extension MeetingRefusal: StateRefusal {}
