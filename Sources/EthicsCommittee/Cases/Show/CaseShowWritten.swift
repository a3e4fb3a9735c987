/// Deciding on the page: the case's written procedures, and the form opening one (outcome, conditions and their
/// owners) for someone who may while none is running.
struct CaseShowWritten: Sendable {
    /// Opens a written procedure on the case (the decision form, with a text and a deadline).
    let decideAction: String?
    /// The case's written procedures, newest first.
    let writtenProcedures: [CaseShowPage.WrittenLink]
    let hasWrittenProcedures: Bool
    let outcomes: [Choice]
    /// A high-risk case in review: the staff are told it is decided in a meeting, not on this page.
    let decisionInMeeting: Bool
    let owners: [Choice]
    let conditionRows: [ConditionRowView]

    init(_ input: CaseShowInput) {
        let found = input.found, form = input.forms.decision
        decideAction = input.decideHere ? Paths.caseWritten(found.id) : nil
        writtenProcedures = input.detail.procedures.map { row in
            CaseShowPage.WrittenLink(href: Paths.writtenProcedure(row.id),
                                     label: input.text(row.result.map { "written_result_\($0.rawValue)" } ?? "written_status_\(row.status.rawValue)")
                                         + " — " + input.formats.dateTime(row.deadline, input.language))
        }
        hasWrittenProcedures = !input.detail.procedures.isEmpty
        outcomes = form.choices("outcome", DecisionOutcome.allCases.map { ($0.rawValue, input.text("outcome_\($0.rawValue)")) })
        decisionInMeeting = input.manage && found.status == .inReview && !input.allowed(.openWrittenProcedure(input.facts))
        owners = []
        // Condition owners: a field suggesting the first allowed people, the project owner typed by default.
        let submitterEmail = input.people.first { $0.id == found.submitterId }?.email
        conditionRows = !input.decideHere ? []
            : ConditionRowView.rows(form, owners: ConditionOwners.suggestions(input.people, input.facts), fallback: submitterEmail)
    }
}

extension CaseShowPage {
    struct WrittenLink: Sendable {
        let href: String
        let label: String
    }
}
