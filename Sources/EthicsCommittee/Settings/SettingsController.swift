import Foundation
import Hummingbird

/// The committee's settings (admin): name, default language, time zone, independence declaration, quorum rule.
struct SettingsController {
    let settings: SettingsCache
    let sessions: SessionStore
    let renderer: Renderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.settings), use: show)
        router.post(RouterPath(Paths.settings), use: save)
    }


    struct Page: Sendable {
        var committeeName: String
        var timeZone: String
        var declarationText: String
        var declarationVersion: Int
        var quorumRequiresExternal: Bool
        var charterPublic: Bool
        var languages: [Choice]
        var quorumRules: [Choice]
        var twoFactorChoices: [Choice]
        var writtenQuorumRules: [Choice]
        var writtenMajorities: [Choice]
        var writtenObjection: Bool
        var publicFeedback: Bool
        let feedbackPath = Paths.feedback
        /// The register's intervals (issue 18), kept as typed on a refusal.
        var systemMonths: [MonthField] = []
        var errors: [String: String] = [:]
        let action = Paths.settings
        /// The AI Act's dates of application live on their own page (dates as data).
        let aiActDatesHref = Paths.aiActDates
    }

    struct MonthField: Sendable {
        let name: String
        let label: String
        let value: String
        let error: String?
    }

    /// The interval fields of the settings, in months.
    static let monthFields = ["review_months_high", "review_months_medium", "review_months_low", "attestation_months"]

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageSettings)
        return try await render(settings.current, context: context)
    }

    func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageSettings)
        let form = context.form
        var errors = FieldErrors()
        let name = form["committee_name"], zone = form["time_zone"], declaration = form["declaration_text"]
        if let problem = Validate.text(name, max: 120) { errors.add("committee_name", problem) }
        if TimeZone(identifier: zone) == nil { errors.add("time_zone", .error_time_zone) }
        if let problem = Validate.text(declaration, max: 5000) { errors.add("declaration_text", problem) }
        let language = Language(rawValue: form["default_language"])
        if language == nil { errors.add("default_language", .error_language) }
        let rule = QuorumRule(rawValue: form["quorum_rule"])
        if rule == nil { errors.add("quorum_rule", .error_choice) }
        var proposed = settings.current
        proposed.committeeName = name
        proposed.timeZone = zone
        proposed.defaultLanguage = language ?? proposed.defaultLanguage
        proposed.declarationText = declaration
        proposed.quorumRule = rule ?? proposed.quorumRule
        proposed.quorumRequiresExternal = form["quorum_requires_external"] == "1"
        proposed.charterPublic = form["charter_public"] == "1"
        // Absent (an older form): unchanged. Present and unknown: refused.
        if !form.all("two_factor_required").isEmpty {
            if let requirement = TwoFactorRequirement(rawValue: form["two_factor_required"]) { proposed.twoFactorRequired = requirement }
            else { errors.add("two_factor_required", .error_choice) }
        }
        let writtenQuorum = QuorumRule(rawValue: form["written_quorum"]), writtenMajority = WrittenMajority(rawValue: form["written_majority"])
        // Absent (an older form): kept as they are.
        if writtenQuorum == nil && !form["written_quorum"].isEmpty { errors.add("written_quorum", .error_choice) }
        if writtenMajority == nil && !form["written_majority"].isEmpty { errors.add("written_majority", .error_choice) }
        proposed.writtenQuorum = writtenQuorum ?? proposed.writtenQuorum
        proposed.writtenMajority = writtenMajority ?? proposed.writtenMajority
        proposed.writtenObjection = form["written_objection"] == "1"
        proposed.publicFeedback = form["public_feedback"] == "1"
        // Absent (an older form): unchanged. Present: a whole number of months in range.
        var months: [String: String] = [:]
        for name in Self.monthFields where !form.all(name).isEmpty {
            months[name] = form[name]
            guard let value = Int(form[name]), SystemSchedule.monthRange.contains(value) else { errors.add(name, .settings_error_months); continue }
            switch name {
            case "review_months_high": proposed.systemSchedule.reviewMonthsHigh = value
            case "review_months_medium": proposed.systemSchedule.reviewMonthsMedium = value
            case "review_months_low": proposed.systemSchedule.reviewMonthsLow = value
            default: proposed.systemSchedule.attestationMonths = value
            }
        }
        guard errors.isEmpty else {
            return try await render(proposed, context: context, errors: errors.messages(context.language), typedMonths: months,
                                    status: .unprocessableContent)
        }
        try await settings.save(proposed, by: context.auditActor)
        return try await sessions.redirect(to: Paths.settings, flash: .flash_settings_saved, context)
    }

    private func render(_ values: Settings, context: AppRequestContext, errors: [String: String] = [:], typedMonths: [String: String] = [:],
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let messages = Catalog.messages(context.language)
        let schedule = values.systemSchedule
        let stored = ["review_months_high": schedule.reviewMonthsHigh, "review_months_medium": schedule.reviewMonthsMedium,
                      "review_months_low": schedule.reviewMonthsLow, "attestation_months": schedule.attestationMonths]
        let page = Page(
            committeeName: values.committeeName, timeZone: values.timeZone, declarationText: values.declarationText,
            declarationVersion: values.declarationVersion, quorumRequiresExternal: values.quorumRequiresExternal, charterPublic: values.charterPublic,
            languages: Language.allCases.map {
                Choice(value: $0.rawValue, label: messages[runtime: "language_\($0.rawValue)"] ?? "", selected: $0 == values.defaultLanguage)
            },
            quorumRules: QuorumRule.allCases.map {
                Choice(value: $0.rawValue, label: messages[runtime: "quorum_\($0.rawValue)"] ?? "", selected: $0 == values.quorumRule)
            },
            twoFactorChoices: TwoFactorRequirement.allCases.map {
                Choice(value: $0.rawValue, label: messages[runtime: "two_factor_required_\($0.rawValue)"] ?? "", selected: $0 == values.twoFactorRequired)
            },
            writtenQuorumRules: QuorumRule.allCases.map {
                Choice(value: $0.rawValue, label: messages[runtime: "written_quorum_\($0.rawValue)"] ?? "", selected: $0 == values.writtenQuorum)
            },
            writtenMajorities: WrittenMajority.allCases.map {
                Choice(value: $0.rawValue, label: messages[runtime: "written_majority_\($0.rawValue)"] ?? "", selected: $0 == values.writtenMajority)
            },
            writtenObjection: values.writtenObjection,
            publicFeedback: values.publicFeedback,
            systemMonths: Self.monthFields.map {
                MonthField(name: $0, label: messages[runtime: "settings_\($0)"] ?? "", value: typedMonths[$0] ?? String(stored[$0] ?? 0), error: errors[$0])
            },
            errors: errors)
        return try await renderer.page("admin/settings", page, title: .settings_title, context: context, path: Paths.settings, status: status)
    }
}
