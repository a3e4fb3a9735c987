import Foundation
import Hummingbird

/// Creating and editing a case (drafts, and cases sent back for information).
struct CaseFormController {
    let cases: CaseStore
    let users: UserStore
    let sessions: SessionStore
    let renderer: Renderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.newCase), use: new)
        router.post(RouterPath(Paths.cases), use: create)
        router.get(RouterPath(Paths.caseEditPattern), use: edit)
        router.post(RouterPath(Paths.caseEditPattern), use: update)
    }

    func new(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.createCase)
        return try await render(.empty, action: Paths.cases, context: context, path: Paths.newCase)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireSession(.createCase)
        var form = CaseForm(context.form)
        // The secretary may file a case on behalf of a project owner; a project owner files their own.
        var owner = session.user.id
        if Policy.decide(context.actor, .fileOnBehalf) == .allow, !form.submitter.isEmpty {
            if let user = try await users.find(typed: form.submitter), Policy.caseOwnerRoles.contains(user.role), user.active { owner = user.id } else {
                form.errors.add("submitter_id", .error_person_unknown)
            }
        }
        guard form.errors.isEmpty else {
            return try await render(form, action: Paths.cases, context: context, path: Paths.newCase, status: .unprocessableContent)
        }
        let html = try Markdown.html(form.draft.description)
        let id = try await cases.create(form.draft, descriptionHTML: html, submitterId: owner, by: context.auditActor)
        return try await sessions.redirect(to: Paths.case(id), flash: .flash_case_created, context)
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.editCase(facts))
        let (answers, notes) = try await cases.answers(caseId: found.id)
        let aiAct = try await AIActStore(db: cases.db).record(caseId: found.id)
        let form = CaseForm(draft: CaseDraft(title: found.title, team: found.team, vendor: found.vendor, kind: found.kind,
                                             customerFacing: found.customerFacing, personalData: found.personalData,
                                             confidential: found.confidential, description: found.description,
                                             answers: answers, notes: notes, aiActAnswers: aiAct.answers), submitterId: found.submitterId)
        return try await render(form, action: Paths.caseEdit(found.id), context: context, path: Paths.caseEdit(found.id), caseTitle: found.title)
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, facts) = try await CaseController.load(context, cases)
        try context.require(.editCase(facts))
        let form = CaseForm(context.form)
        guard form.errors.isEmpty else {
            return try await render(form, action: Paths.caseEdit(found.id), context: context, path: Paths.caseEdit(found.id),
                                    caseTitle: found.title, status: .unprocessableContent)
        }
        try await cases.update(id: found.id, form.draft, descriptionHTML: try Markdown.html(form.draft.description), by: context.auditActor)
        return try await sessions.redirect(to: Paths.case(found.id), flash: .flash_case_saved, context)
    }

    private func render(_ form: CaseForm, action: String, context: AppRequestContext, path: String, caseTitle: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let messages = Catalog.messages(context.language)
        let errors = form.errors.messages(context.language)
        // On behalf of a project owner: a field suggesting the first of them, any typed by e-mail or name.
        let onBehalf = Policy.decide(context.actor, .fileOnBehalf) == .allow && caseTitle == nil
        let owners: [Choice] = onBehalf
            ? try await users.suggestions(roles: Policy.caseOwnerRoles, limit: CaseShowBuilder.suggestions).map {
                Choice(value: $0.email, label: $0.name, selected: false)
            } : []
        var page = CaseFormPage(
            action: action, isNew: caseTitle == nil, caseTitle: caseTitle ?? "",
            title: form.draft.title, team: form.draft.team, vendor: form.draft.vendor,
            kinds: CaseKind.allCases.map { Choice(value: $0.rawValue, label: messages[runtime: "case_kind_\($0.rawValue)"] ?? "", selected: $0 == form.draft.kind) },
            customerFacing: form.draft.customerFacing, personalData: form.draft.personalData, confidential: form.draft.confidential,
            description: form.draft.description, owners: owners, hasOwners: onBehalf, submitter: form.submitter,
            areas: Readiness.areas.map { area in
                CaseFormPage.AreaBlock(title: messages[runtime: "readiness_\(area.id)"] ?? "", questions: area.questions.map { question in
                    let id = "\(area.id).\(question)"
                    return CaseFormPage.QuestionBlock(
                        id: id, domId: id.replacingOccurrences(of: ".", with: "-"),
                        text: messages[runtime: "readiness_\(area.id)_\(question)"] ?? "",
                        choices: Readiness.Answer.allCases.map {
                            Choice(value: $0.rawValue, label: messages[runtime: "answer_\($0.rawValue)"] ?? "", selected: form.draft.answers[id] == $0)
                        }.inGroup(id: id.replacingOccurrences(of: ".", with: "-"), name: "answer.\(id)"),
                        note: form.draft.notes[id] ?? "", error: errors["note." + id])
                })
            },
            errors: errors)
        page.aiAct = AIActFormSection(answers: form.draft.aiActAnswers, errors: errors, language: context.language)
        return try await renderer.page("cases/form", page, title: caseTitle == nil ? .case_new_title : .case_edit_title,
                                       context: context, path: path, status: status)
    }
}
