import Hummingbird

/// Errors about the request rather than the act (who is asking, how much they send): the error middleware turns
/// each into its redirect or page, never a detail. A handler refusing the act throws a `Refusal`.
public enum AppError: Error, Equatable {
    case signInRequired
    case onboardingRequired
    case tooManyRequests
    case payloadTooLarge
    case badRequest
    /// A sensitive act wants a fresh password or code (`AppRequestContext.requireRecentVerification`).
    case reauthenticationRequired

    var status: HTTPResponse.Status {
        switch self {
        case .signInRequired, .onboardingRequired, .reauthenticationRequired: .seeOther
        case .tooManyRequests: .tooManyRequests
        case .payloadTooLarge: .contentTooLarge
        case .badRequest: .badRequest
        }
    }
}
