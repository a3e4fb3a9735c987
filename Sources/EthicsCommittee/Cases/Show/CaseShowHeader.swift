/// The top of the case page: its facts, the edit link and the moves the reader may make.
struct CaseShowHeader: Sendable {
    let id: Int64
    let title: String
    let status: String
    let statusKey: String
    let tier: String
    let tierKey: String
    let team: String
    let vendor: String
    let kind: String
    let customerFacing: Bool
    let personalData: Bool
    let confidential: Bool
    let submitter: String
    let descriptionHTML: String
    let editHref: String?
    let buttons: [CaseShowPage.Button]

    init(_ input: CaseShowInput) {
        let found = input.found
        id = found.id
        title = found.title
        status = input.text("case_status_\(found.status.rawValue)")
        statusKey = found.status.rawValue
        tier = input.text("tier_\(found.riskTier.rawValue)")
        tierKey = found.riskTier.rawValue
        team = found.team
        vendor = found.vendor
        kind = input.text("case_kind_\(found.kind.rawValue)")
        customerFacing = found.customerFacing
        personalData = found.personalData
        confidential = found.confidential
        submitter = found.submitterName
        descriptionHTML = found.descriptionHTML
        editHref = input.allowed(.editCase(input.facts)) ? Paths.caseEdit(found.id) : nil
        buttons = Self.buttons(input)
    }

    private static func buttons(_ input: CaseShowInput) -> [CaseShowPage.Button] {
        Policy.moves(input.actor, input.facts)
            .filter { CaseController.pageMoves.contains($0) }
            // A case closes by itself when its last condition is met; offer closing only without open ones.
            .filter { $0 != .close || input.detail.conditions.allSatisfy(\.met) }
            .map { CaseShowPage.Button(action: Paths.caseMove(input.found.id, $0),
                                       label: CaseController.moveLabel[$0].map { input.messages[$0] } ?? "",
                                       danger: CaseController.confirmed.contains($0)) }
    }
}

extension CaseShowPage {
    struct Button: Sendable {
        let action: String
        let label: String
        let danger: Bool
    }
}
