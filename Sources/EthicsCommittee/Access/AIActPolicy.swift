extension Policy {
    /// Who writes a case's assessment at all, whatever its status: its project owner, and the staff on their behalf.
    /// Anyone else reading the case is answered like a stranger (404); a writer once the case is decided is told why (409).
    static func writesFRIA(_ actor: Requester?, _ facts: CaseFacts) -> Bool {
        guard let actor, decide(actor, .readFRIA(facts)) == .allow else { return false }
        return actor.role.isStaff || facts.submitterId == actor.userId
    }

    /// The AI Act's administration and the fundamental-rights impact assessment (Art. 27). The dates of
    /// application are the administrator's, like the settings; re-classifying is the committee staff's triage.
    /// The assessment is the case's: whoever may open the case reads it (404 otherwise); its project owner
    /// writes it (staff may, on their behalf, as they may create a case), until the case is decided.
    static func decideAIAct(_ actor: Requester, _ action: Action) -> Decision {
        let staff = actor.role == .admin || actor.role == .secretary
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .manageAIActDates:
            return allow(actor.role == .admin)
        case .reclassifyCases:
            return allow(staff)
        case .readFRIA(let facts):
            return allow(canView(actor, facts))
        case .writeFRIA(let facts):
            let open: Set<CaseStatus> = [.draft, .submitted, .needsInfo, .inReview]
            return allow(writesFRIA(actor, facts) && open.contains(facts.status))
        default:
            return .notFound
        }
    }
}
