extension Policy {
    /// Meetings and deliverables: the committee's own business. Staff and members see every meeting;
    /// an external expert only those they are invited to; project owners never see meetings or votes.
    /// Agenda items about a case the person may not open are redacted by the page (`canView`).
    static func decideMeeting(_ actor: Actor, _ action: Action) -> Decision {
        let staff = actor.role == .admin || actor.role == .secretary
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
        case .manageMeetings, .manageDeliverables:
            return allow(staff)
        case .answerInvitation(let facts):
            // Answered for oneself: whoever is invited and may open the meeting (never a project owner).
            return allow(actor.role != .submitter && facts.invitees.contains(actor.userId))
        case .approveMinutes(let chairId):
            return allow(chairId != nil && chairId == actor.userId)
        case .viewDeliverables:
            return allow(actor.role != .submitter)
        case .viewDeliverable(let ownerId, let linkedCase):
            guard actor.role != .submitter else { return .notFound }
            if let linkedCase, !canView(actor, linkedCase) { return .notFound }
            return allow(staff || actor.role == .member || ownerId == actor.userId)
        default:
            return .notFound
        }
    }
}
