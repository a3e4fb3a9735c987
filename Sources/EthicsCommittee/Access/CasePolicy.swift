extension Policy {
    /// Who may see a case. The case list applies the same rule in SQL (`CaseStore.visibility`);
    /// a test checks that both agree.
    static func canView(_ actor: Requester, _ facts: CaseFacts) -> Bool {
        if seesEveryCase(actor) { return true }
        let me = actor.userId
        switch actor.role {
        case .admin, .secretary:
            return true
        case .submitter:
            return facts.submitterId == me
        case .member:
            if facts.status == .draft || facts.recused.contains(me) { return false }
            return !facts.confidential || facts.reviewers.contains(me) || hasVote(me, facts)
        case .expert:
            if facts.status == .draft || facts.recused.contains(me) { return false }
            return facts.reviewers.contains(me) || hasVote(me, facts)
        }
    }

    /// The staff open every case, drafts and confidential ones included (whoever shares this answer reads the
    /// same figures, `ReportCache`).
    static func seesEveryCase(_ actor: Requester) -> Bool { actor.role.isStaff }

    /// Whoever has a vote on a case reads what they decide: from the moment it is on a meeting's agenda (or in a
    /// running written procedure) until it is decided (PRODUCT.md). For a confidential case, putting it on the agenda circulates it to the
    /// meeting's voters; each of their views goes to the view log.
    static func hasVote(_ me: Int64, _ facts: CaseFacts) -> Bool {
        facts.status == .inReview && facts.voters.contains(me)
    }

    /// Reviews, reviewers, discussion: the committee's side of a case, never the submitter's,
    /// never a recused member's.
    static func canSeeInternals(_ actor: Requester, _ facts: CaseFacts) -> Bool {
        guard canView(actor, facts) else { return false }
        switch actor.role {
        case .admin, .secretary: return true
        case .member, .expert: return !facts.recused.contains(actor.userId)
        case .submitter: return false
        }
    }

    /// Who may own a condition of a case: an active account that may open the case (its submitter, the staff,
    /// committee members and reviewers who can see it), since the condition shows the case's title and terms on
    /// their home page. The one question behind every owner list (the decision form, a meeting's roll and close of
    /// vote, the AI Act obligations) and every handler's check (`Cases/ConditionOwners`).
    public static func mayOwnCondition(_ candidate: Requester, active: Bool, _ facts: CaseFacts) -> Bool {
        active && decide(candidate, .ownCondition(facts)) == .allow
    }

    /// Statuses in which the internal discussion is open.
    static let discussionOpen: Set<CaseStatus> = [.submitted, .inReview, .needsInfo, .decided]
    /// Statuses in which a reviewer may still declare a conflict of interest (before the decision).
    static let recusalOpen: Set<CaseStatus> = [.submitted, .inReview, .needsInfo]

    static func decideCase(_ actor: Requester, _ action: Action) -> Decision {
        let staff = actor.role == .admin || actor.role == .secretary
        func allow(_ condition: Bool) -> Decision { condition ? .allow : .notFound }
        switch action {
        case .createCase:
            return allow(staff || actor.role == .submitter)
        case .fileOnBehalf:
            return allow(staff)
        case .viewCase(let facts):
            return allow(canView(actor, facts))
        case .readMeetingItem(let facts, let approvingMinutes):
            return allow(canView(actor, facts)
                         || (approvingMinutes && facts.status != .draft && !facts.recused.contains(actor.userId)))
        case .editCase(let facts):
            return allow(canView(actor, facts) && (staff || facts.submitterId == actor.userId)
                         && (facts.status == .draft || facts.status == .needsInfo))
        case .viewCaseInternals(let facts):
            return allow(canSeeInternals(actor, facts))
        case .manageCase(let facts):
            return allow(staff && canView(actor, facts))
        case .reviewCase(let facts):
            return allow(canView(actor, facts) && facts.reviewers.contains(actor.userId))
        case .comment(let facts):
            return allow(canSeeInternals(actor, facts) && discussionOpen.contains(facts.status))
        case .recuse(let facts):
            return allow(canView(actor, facts) && facts.reviewers.contains(actor.userId) && recusalOpen.contains(facts.status))
        case .ownCondition(let facts):
            // The owner follows the condition after the decision, when a vote no longer opens the case.
            return allow(canView(actor, facts.withoutVoters))
        case .openWrittenProcedure(let facts):
            // A high-risk case is decided only in a meeting, through the vote on its agenda item.
            return allow(staff && canView(actor, facts) && facts.status == .inReview
                         && !ReviewPath(tier: facts.riskTier).decisionInMeeting)
        case .moveCase(let facts):
            // Whether the lifecycle allows a given move is CaseLifecycle's answer; here: may they act at all.
            return allow(canView(actor, facts) && (staff || facts.submitterId == actor.userId))
        case .uploadAttachment(let facts):
            return allow(decideCase(actor, .editCase(facts)) == .allow
                         || (staff && canView(actor, facts) && ![.closed, .withdrawn].contains(facts.status)))
        default:
            return .notFound
        }
    }
}
