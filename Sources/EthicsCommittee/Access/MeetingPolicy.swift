extension Policy {
    /// Meetings: the committee's own business. Staff and members see every meeting;
    /// an external expert only those they are invited to; project owners never see meetings or votes.
    /// Agenda items about a case the person may not open are redacted by the page (`canView`).
    /// `MeetingStore.list` is the `.viewMeeting` rule in SQL; `SQLRuleAgreementTests` checks both agree.
    static func decideMeeting(_ actor: Requester, _ action: Action) -> Decision {
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .viewMeetings:
            return allow(actor.role != .submitter)
        case .viewMeeting(let facts):
            switch actor.role {
            case .admin, .secretary, .member: return .allow
            case .expert: return allow(facts.invitees.contains(actor.userId))
            case .submitter: return .notFound
            }
        case .manageMeetings:
            return allow(actor.role.isStaff)
        case .answerInvitation(let facts):
            // Answered for oneself: whoever is invited and may open the meeting (never a project owner).
            return allow(actor.role != .submitter && facts.invitees.contains(actor.userId))
        case .approveMinutes(let chairId):
            return allow(chairId != nil && chairId == actor.userId)
        default:
            return .notFound
        }
    }
}
