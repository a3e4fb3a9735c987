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

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .signInRequired, .onboardingRequired: .seeOther
        case .csrfRejected: .forbidden
        case .tooManyRequests: .tooManyRequests
        case .payloadTooLarge: .contentTooLarge
        case .badRequest: .badRequest
        }
    }
}
