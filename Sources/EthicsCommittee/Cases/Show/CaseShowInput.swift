import Foundation

/// What every section of the case page is made from: the case, the reader, the refused forms and the page's one
/// read (`CaseDetailStore`), with the policy's answers the sections share.
struct CaseShowInput: Sendable {
    let found: Case
    let facts: CaseFacts
    let detail: CaseDetail
    let actor: Requester?
    let me: Int64?
    let language: Language
    let messages: Messages
    let formats: Formats
    let today: String
    let forms: CaseShowForms
    /// Reviewers, reviews, comments and the full timeline: the committee's side.
    let internals: Bool
    let manage: Bool
    /// May open a written procedure, and none is running (no second one is offered).
    let decideHere: Bool
    /// Condition owners' suggestions, read only for someone who may decide here.
    let people: [User]

    init(_ found: Case, _ facts: CaseFacts, _ detail: CaseDetail, context: AppRequestContext, formats: Formats,
         forms: CaseShowForms, internals: Bool, manage: Bool, mayDecide: Bool) {
        self.found = found
        self.facts = facts
        self.detail = detail
        actor = context.actor
        me = context.session?.user.id
        language = context.language
        messages = Catalog.messages(context.language)
        self.formats = formats
        today = formats.localISODate()
        self.forms = forms
        self.internals = internals
        self.manage = manage
        decideHere = mayDecide && !detail.procedures.contains { $0.status == .open }
        people = decideHere ? detail.people : []
    }

    func allowed(_ action: Action) -> Bool { Policy.decide(actor, action) == .allow }

    /// A catalogue text by a key made from a value (`case_status_…`), empty when the catalogue lacks it.
    func text(_ key: String) -> String { messages[runtime: key] ?? "" }
}
