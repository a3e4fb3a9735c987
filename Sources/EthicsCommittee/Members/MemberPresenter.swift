/// Turns members into the rows and labels the pages show, in the reader's language.
struct MemberPresenter {
    let messages: Messages
    let formats: Formats
    let language: Language
    let declarationVersion: Int

    func row(_ member: Member) -> MemberRow {
        MemberRow(href: Paths.member(member.user.id), name: member.user.name, affiliation: member.affiliation,
                  position: member.position == .none ? nil : Catalog.title(member.position, member.titleForm, messages), kind: kind(member), external: member.external, voting: member.voting,
                  expertise: expertise(member.expertise), termEnd: member.termEnd.map { formats.calendarDate($0, language) },
                  declarationDue: member.declarationDue(now: formats.clock.now, currentVersion: declarationVersion))
    }

    func position(_ position: Position) -> String? {
        position == .none ? nil : messages[runtime: "position_\(position.rawValue)"]
    }

    func kind(_ member: Member) -> String {
        messages[member.external ? .member_external : .member_internal]
    }

    func expertise(_ areas: [ExpertiseArea]) -> String {
        areas.compactMap { messages[runtime: "expertise_\($0.rawValue)"] }.joined(separator: ", ")
    }

    func areaChoices(selected: [ExpertiseArea]) -> [Choice] {
        ExpertiseArea.allCases.map {
            Choice(value: $0.rawValue, label: messages[runtime: "expertise_\($0.rawValue)"] ?? "", selected: selected.contains($0))
        }
    }

    func titleFormChoices(selected: TitleForm) -> [Choice] {
        TitleForm.allCases.map {
            Choice(value: $0.rawValue, label: messages[runtime: "title_form_\($0.rawValue)"] ?? "", selected: $0 == selected)
        }
    }

    func positionChoices(selected: Position) -> [Choice] {
        Position.allCases.map {
            Choice(value: $0.rawValue, label: messages[runtime: "position_\($0.rawValue)"] ?? "", selected: $0 == selected)
        }
    }
}
