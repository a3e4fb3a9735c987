import Foundation
import Hummingbird

/// Changes to a member: their own profile and interests, their declaration, and (secretary, admin) their seat.
struct MemberEditController {
    let members: MemberStore
    let sessions: SessionStore
    let settings: SettingsCache
    let renderer: Renderer
    let pages: MembersController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.memberProfilePattern), use: editProfile)
        router.post(RouterPath(Paths.memberProfilePattern), use: saveProfile)
        router.post(RouterPath(Paths.memberSeatPattern), use: saveSeat)
        router.post(RouterPath(Paths.memberInterestsPattern), use: addInterest)
        router.post(RouterPath(Paths.memberInterestWithdrawPattern), use: withdrawInterest)
        router.post(RouterPath(Paths.memberDeclarationPattern), use: signDeclaration)
    }

    private func target(_ context: AppRequestContext) async throws -> Member {
        try context.require(.viewComposition)
        return try await MembersController.target(context, members)
    }


    func editProfile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let member = try await target(context)
        try context.require(.editMemberProfile(memberId: member.user.id))
        let present = pages.presenter(context)
        let form = ProfileForm(action: Paths.memberProfile(member.user.id), name: member.user.name,
                               affiliation: member.affiliation, areas: present.areaChoices(selected: member.expertise),
                               titleForms: present.titleFormChoices(selected: member.titleForm))
        return try await renderer.page("members/profile", form, title: .profile_title, context: context,
                                       path: Paths.memberProfile(member.user.id))
    }

    func saveProfile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let member = try await target(context)
        try context.require(.editMemberProfile(memberId: member.user.id))
        let affiliation = context.form["affiliation"]
        let areas = context.form.choices("expertise", as: ExpertiseArea.init(rawValue:))
        // Absent (an older form) keeps the current choice; anything else but a listed form is refused.
        let titleForm = context.form["title_form"].isEmpty ? member.titleForm : TitleForm(rawValue: context.form["title_form"])
        var errors = FieldErrors()
        if let problem = Validate.text(affiliation, max: 200) { errors.add("affiliation", problem) }
        if areas.isEmpty { errors.add("expertise", .error_expertise_required) }
        if titleForm == nil { errors.add("title_form", .error_choice) }
        guard errors.isEmpty, let titleForm else {
            let form = ProfileForm(action: Paths.memberProfile(member.user.id), name: member.user.name, affiliation: affiliation,
                                   areas: pages.presenter(context).areaChoices(selected: areas),
                                   titleForms: pages.presenter(context).titleFormChoices(selected: titleForm ?? member.titleForm),
                                   errors: errors.messages(context.language))
            return try await renderer.page("members/profile", form, title: .profile_title, context: context,
                                           path: Paths.memberProfile(member.user.id), status: .unprocessableContent)
        }
        try await members.saveOwnProfile(userId: member.user.id, affiliation: affiliation, expertise: areas, titleForm: titleForm,
                                         by: context.auditActor)
        return try await sessions.redirect(to: Paths.member(member.user.id), flash: .flash_profile_saved, context)
    }

    func saveSeat(_ request: Request, context: AppRequestContext) async throws -> Response {
        let member = try await target(context)
        try context.require(.manageSeats)
        let form = context.form
        let start = form["term_start"], end = form["term_end"]
        var errors = FieldErrors()
        let position = Position(rawValue: form["position"])
        if position == nil { errors.add("position", .error_choice) }
        if !start.isEmpty && !Formats.isISODate(start) { errors.add("term_start", .error_date) }
        if !end.isEmpty && !Formats.isISODate(end) { errors.add("term_end", .error_date) }
        if errors.isEmpty, !start.isEmpty, !end.isEmpty, end < start { errors.add("term_end", .error_term_order) }
        if errors.isEmpty, let position {
            do {
                try await members.saveSeat(userId: member.user.id, external: form["external"] == "1", position: position,
                                           voting: form["voting"] == "1", termStart: start.isEmpty ? nil : start,
                                           termEnd: end.isEmpty ? nil : end, by: context.auditActor)
                return try await sessions.redirect(to: Paths.member(member.user.id), flash: .flash_seat_saved, context)
            } catch let taken as PositionTaken {
                let text = Catalog.messages(context.language)[.error_position_taken]
                var page = try await pages.page(for: member, context: context,
                                                seatErrors: ["position": text.replacingOccurrences(of: "{name}", with: taken.holder)])
                keepTyped(&page, form: form, position: position)
                return try await reshow(page, member, context)
            }
        }
        var page = try await pages.page(for: member, context: context, seatErrors: errors.messages(context.language))
        keepTyped(&page, form: form, position: position)
        return try await reshow(page, member, context)
    }

    /// Keeps what was typed on the re-rendered seat form.
    private func keepTyped(_ page: inout MemberPage, form: FormFields, position: Position?) {
        page.seat?.external = form["external"] == "1"
        page.seat?.voting = form["voting"] == "1"
        page.seat?.termStart = form["term_start"]
        page.seat?.termEnd = form["term_end"]
        if let position, let seat = page.seat {
            page.seat?.positions = seat.positions.map { Choice(value: $0.value, label: $0.label, selected: $0.value == position.rawValue) }
        }
    }

    func addInterest(_ request: Request, context: AppRequestContext) async throws -> Response {
        let member = try await target(context)
        try context.require(.editMemberProfile(memberId: member.user.id))
        let form = InterestForm(organisation: context.form["organisation"], nature: context.form["nature"], since: context.form["since"])
        var errors = FieldErrors()
        if let problem = Validate.text(form.organisation, max: 200) { errors.add("organisation", problem) }
        if let problem = Validate.text(form.nature, max: 500) { errors.add("nature", problem) }
        if !form.since.isEmpty && !Formats.isISODate(form.since) { errors.add("since", .error_date) }
        guard errors.isEmpty else {
            var invalid = form
            invalid.errors = errors.messages(context.language)
            return try await reshow(try await pages.page(for: member, context: context, interestForm: invalid), member, context)
        }
        try await members.addInterest(userId: member.user.id, organisation: form.organisation, nature: form.nature,
                                      since: form.since.isEmpty ? nil : form.since, by: context.auditActor)
        return try await sessions.redirect(to: Paths.member(member.user.id), flash: .flash_interest_added, context)
    }

    func withdrawInterest(_ request: Request, context: AppRequestContext) async throws -> Response {
        let member = try await target(context)
        try context.require(.editMemberProfile(memberId: member.user.id))
        guard let interest = context.parameters.get("interest", as: Int64.self) else { throw Refusal.notFound }
        try await members.withdrawInterest(id: interest, userId: member.user.id, by: context.auditActor)
        return try await sessions.redirect(to: Paths.member(member.user.id), flash: .flash_interest_withdrawn, context)
    }

    func signDeclaration(_ request: Request, context: AppRequestContext) async throws -> Response {
        let member = try await target(context)
        try context.require(.signDeclaration(memberId: member.user.id))
        guard context.form["accept"] == "1" else {
            var page = try await pages.page(for: member, context: context)
            page.declarationError = Catalog.messages(context.language)[.error_declaration_accept]
            return try await reshow(page, member, context)
        }
        let current = settings.current
        try await members.signDeclaration(userId: member.user.id, text: current.declarationText,
                                          version: current.declarationVersion, by: context.auditActor)
        return try await sessions.redirect(to: Paths.member(member.user.id), flash: .flash_declaration_signed, context)
    }

    private func reshow(_ page: MemberPage, _ member: Member, _ context: AppRequestContext) async throws -> Response {
        try await renderer.page("members/show", page, titleText: member.user.name, context: context,
                                path: Paths.member(member.user.id), status: .unprocessableContent)
    }
}
