import Foundation
import Hummingbird

/// The administrator's page of the AI Act obligation dates: each group of obligations, the date it applies
/// from and the source of that date, each editable on its own (an amending act moves one date at a time).
struct AIActDatesController {
    let dates: AIActDateStore
    let sessions: SessionStore
    let renderer: Renderer
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.aiActDates), use: show)
        router.post(RouterPath(Paths.aiActDatePattern), use: update)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageAIActDates)
        return try await render(context: context)
    }

    /// Saves one date and its source. A date that does not parse or a source too long or empty comes back
    /// in its row with what was typed (422).
    func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.manageAIActDates)
        guard let code = context.parameters.get("code"), AIActObligations.dateCodes.contains(code) else { throw Refusal.notFound }
        let form = AIActDateForm(context.form)
        let errors = form.validate()
        guard errors.isEmpty else {
            return try await render(context: context, refused: (code, form.refused(errors, context.language)), status: .unprocessableContent)
        }
        try await dates.update(code: code, appliesOn: form.appliesOn, source: form.source, by: context.auditActor)
        return try await sessions.redirect(to: Paths.aiActDates, flash: .flash_aiact_date_saved, context)
    }

    private func render(context: AppRequestContext, refused: (code: String, form: FormState)? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = context.language, t = Catalog.messages(language)
        let today = formats.localISODate()
        let rows = try await dates.rows().map { row -> AIActDatesPage.Row in
            let form = refused?.code == row.code ? refused!.form : FormState()
            let applies = row.appliesOn <= today
            return AIActDatesPage.Row(
                code: row.code, name: t[runtime: "aiact_date_\(row.code)"] ?? row.code, action: Paths.aiActDate(row.code) + "#date-\(row.code)",
                appliesOn: form.refused ? form.value("applies_on") : row.appliesOn,
                source: form.refused ? form.value("source") : row.source,
                status: t.fill(applies ? .aiact_applies_since : .aiact_applies_from,
                                     ["date": formats.calendarDate(row.appliesOn, language)]),
                applies: applies,
                updated: t.fill(row.updatedBy == nil ? .aiact_date_seeded : .aiact_date_updated_by,
                                      ["date": formats.dateTime(row.updatedAt, language), "name": row.updatedBy ?? ""]),
                form: form)
        }
        let page = AIActDatesPage(rows: rows, sourceMax: AIActDateForm.sourceMax,
                                  sourceHint: t.fill(.aiact_date_source_hint, ["max": String(AIActDateForm.sourceMax)]))
        return try await renderer.page("admin/ai_act_dates", page, title: .aiact_dates_title, context: context, path: Paths.aiActDates,
                                       status: status)
    }
}

/// One row of the dates page: the date it applies from (YYYY-MM-DD, a real calendar date) and its source.
struct AIActDateForm: PageForm {
    static let sourceMax = 500
    let appliesOn: String
    let source: String

    init(_ fields: FormFields) {
        appliesOn = fields["applies_on"].trimmingCharacters(in: .whitespaces)
        source = fields["source"].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var values: [String: String] { ["applies_on": appliesOn, "source": source] }

    func validate() -> FieldErrors {
        var errors = FieldErrors()
        if !Formats.isISODate(appliesOn) { errors.add("applies_on", .aiact_date_error_date) }
        if let problem = Validate.text(source, max: Self.sourceMax) { errors.add("source", problem) }
        // SQLite's length() counts code points, as the table's CHECK does.
        if source.unicodeScalars.count > Self.sourceMax { errors.add("source", .error_too_long) }
        return errors
    }
}

struct AIActDatesPage: Sendable {
    struct Row: Sendable {
        let code: String
        let name: String
        let action: String
        let appliesOn: String
        let source: String
        let status: String
        let applies: Bool
        let updated: String
        let form: FormState
    }
    let rows: [AIActDatesPage.Row]
    let sourceMax: Int
    let sourceHint: String
}
