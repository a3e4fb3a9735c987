import Foundation
import Hummingbird

/// A new member's or expert's first visit: complete the profile and sign the independence
/// declaration before anything else (the policy sends every other page here until then).
struct OnboardingController {
    let members: MemberStore
    let sessions: SessionStore
    let settings: SettingsCache
    let renderer: Renderer
    let pages: MembersController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.welcome), use: show)
        router.post(RouterPath(Paths.welcome), use: complete)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession(.completeOnboarding)
        let member = try await members.find(userId: session.user.id)
        return try await render(form(session, affiliation: member?.affiliation ?? "", areas: member?.expertise ?? [], context), context)
    }

    func complete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession(.completeOnboarding)
        let affiliation = context.form["affiliation"]
        let areas = context.form.choices("expertise", as: ExpertiseArea.init(rawValue:))
        var errors = FieldErrors()
        if let problem = Validate.text(affiliation, max: 200) { errors.add("affiliation", problem) }
        if areas.isEmpty { errors.add("expertise", .error_expertise_required) }
        if context.form["accept"] != "1" { errors.add("accept", .error_declaration_accept) }
        guard errors.isEmpty else {
            var page = form(session, affiliation: affiliation, areas: areas, context)
            page.errors = errors.messages(context.language)
            return try await render(page, context, status: .unprocessableContent)
        }
        let current = settings.current
        try await members.completeOnboarding(userId: session.user.id, affiliation: affiliation, expertise: areas,
                                             declarationText: current.declarationText,
                                             declarationVersion: current.declarationVersion, by: context.auditActor)
        return try await sessions.redirect(to: Paths.home, flash: .flash_onboarded, context)
    }

    private func form(_ session: Session, affiliation: String, areas: [ExpertiseArea], _ context: AppRequestContext) -> WelcomePage {
        let present = pages.presenter(context)
        return WelcomePage(action: Paths.welcome, name: session.user.name,
                           role: present.messages[runtime: "role_\(session.user.role.rawValue)"] ?? "", affiliation: affiliation,
                           areas: present.areaChoices(selected: areas), declarationHTML: settings.declarationHTML,
                           declarationVersion: settings.current.declarationVersion)
    }

    private func render(_ page: WelcomePage, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await renderer.page("members/welcome", page, title: .welcome_title, context: context, path: Paths.welcome, status: status)
    }
}
