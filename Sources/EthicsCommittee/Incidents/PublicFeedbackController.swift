import Foundation
import Hummingbird

/// The public feedback form (`/feedback`): for customers and employees without an account, when the settings
/// turn it on (404 otherwise). Throttled per client address, with a honeypot field; it shows back nothing but a
/// receipt number, and no page ever looks a report up by it.
struct PublicFeedbackController {
    let incidents: IncidentStore
    let settings: SettingsCache
    let renderer: Renderer
    let formats: Formats
    let throttle: LoginThrottle
    let clock: AppClock

    /// Five reports an hour from one address (a person with more to say writes it in one report).
    static var throttleLimits: LoginThrottle.Limits {
        var limits = LoginThrottle.Limits()
        limits.window = 60 * 60
        limits.maxPerPair = 5
        limits.maxPerClient = 5
        // One key for every address: its own slowing would never refuse, only what is kept grows.
        limits.slowAccountAfter = 10_000
        limits.slowGlobalAfter = 10_000
        return limits
    }
    static let throttleAccount = "public-feedback"

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.feedback), use: show)
        router.post(RouterPath(Paths.feedback), use: send)
    }

    private func requireEnabled(_ context: AppRequestContext) throws {
        try context.require(.sendPublicFeedback(enabled: settings.current.publicFeedback))
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try requireEnabled(context)
        return try await render(FormState(), context: context)
    }

    func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        try requireEnabled(context)
        let form = PublicFeedbackForm(context.form)
        let now = clock.now
        if case .refuse = throttle.check(account: Self.throttleAccount, client: context.client, now: now) {
            let state = FormState(values: form.values, errors: FieldErrors(), message: "feedback_throttled", language: context.language)
            return try await render(state, context: context, status: .tooManyRequests)
        }
        // A robot that filled the hidden field gets what a person gets, and nothing is kept.
        if form.caughtInHoneypot {
            throttle.recordFailure(account: Self.throttleAccount, client: context.client, now: now)
            return try await receipt(IncidentStore.receipt(), context: context)
        }
        let errors = form.validate(today: formats.localISODate())
        guard errors.isEmpty else {
            return try await render(FormState(values: form.values, errors: errors, language: context.language), context: context,
                                    status: .unprocessableContent)
        }
        throttle.recordFailure(account: Self.throttleAccount, client: context.client, now: now)
        let number = try await incidents.receivePublic(form.draft, awareOn: formats.localISODate(), by: context.auditActor)
        return try await receipt(number, context: context)
    }

    /// The answer to a report: its receipt number and nothing of what was sent (not stored anywhere it could be read back).
    private func receipt(_ number: String, context: AppRequestContext) async throws -> Response {
        try await renderer.page("incidents/receipt", IncidentPages.Receipt(receipt: number), title: .feedback_receipt_title,
                                context: context, path: Paths.feedback)
    }

    private func render(_ form: FormState, context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let views = IncidentViews(formats: formats, language: context.language)
        let page = IncidentPages.Feedback(
            action: Paths.feedback + "#feedback-form", form: form, harmTypes: views.harmChoices(form), fallbacks: views.fallbackChoices(form),
            title: views.hint(FieldLimits.title), text: views.hint(FieldLimits.incidentText), service: views.hint(FieldLimits.serviceNamed),
            today: formats.localISODate())
        return try await renderer.page("incidents/feedback", page, title: .feedback_title, context: context, path: Paths.feedback,
                                       status: status)
    }
}
