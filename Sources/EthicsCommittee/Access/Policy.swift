/// The answer. A record someone may not see is `.notFound`, so its existence does not leak.
public enum Decision: Sendable, Equatable {
    case allow
    case notFound
    case signInRequired
    /// A new member or expert must first complete their profile and sign the declaration.
    case onboardingRequired
}

/// The one access policy: every route asks it, nothing else decides. Pure, so it is tested as a table.
public enum Policy {
    public static func decide(_ actor: Requester?, _ action: Action) -> Decision {
        if case .readCharter(let isPublic) = action, actor == nil { return isPublic ? .allow : .notFound }
        if case .sendPublicFeedback(let enabled) = action { return enabled ? .allow : .notFound }
        guard let actor else { return .signInRequired }
        if action == .completeOnboarding { return actor.role.sitsOnCommittee && !actor.onboarded ? .allow : .notFound }
        if !actor.onboarded { return .onboardingRequired }
        switch action {
        case .useApp, .manageAccounts, .manageSettings, .readAuditTrail, .createResetLink, .resetSecondFactor, .manageInvitations,
             .invite, .viewInvitation, .revokeInvitation:
            return decideAccounts(actor, action)
        case .viewComposition, .viewCompositionDetails, .viewMemberPrivate, .editMemberProfile, .manageSeats, .signDeclaration,
             .completeOnboarding:
            return decideMembers(actor, action)
        case .createCase, .fileOnBehalf, .viewCase, .editCase, .viewCaseInternals, .manageCase, .reviewCase, .moveCase,
             .uploadAttachment, .comment, .recuse, .ownCondition, .openWrittenProcedure, .readMeetingItem:
            return decideCase(actor, action)
        case .readCharter, .editCharterDraft, .publishCharter, .acknowledgeCharter, .viewAcknowledgements:
            return decideCharter(actor, action)
        case .viewMeetings, .viewMeeting, .manageMeetings, .approveMinutes, .answerInvitation:
            return decideMeeting(actor, action)
        case .viewDeliverables, .viewDeliverable, .manageDeliverables:
            return decideDeliverable(actor, action)
        case .openVote, .followVote, .closeVote, .recordBallot, .castBallot:
            return decideBallot(actor, action)
        case .openWrittenMotion, .viewWrittenProcedures, .viewWrittenProcedure, .castWrittenBallot, .declareWrittenInterest,
             .objectToWrittenProcedure:
            return decideWritten(actor, action)
        case .viewFigures, .exportCases, .viewAnnualReport:
            return decideReports(actor, action)
        case .manageAIActDates, .reclassifyCases, .readFRIA, .writeFRIA:
            return decideAIAct(actor, action)
        case .reportIncident, .viewIncidents, .viewIncident, .triageIncident, .closeIncident, .ownIncident:
            return decideIncident(actor, action)
        case .sendPublicFeedback:
            return .notFound
        case .viewSystems, .registerSystem, .viewSystem, .editSystem, .suspendSystem, .resumeSystem, .retireSystem,
             .reportSystemChange, .attestSystem:
            return decideSystem(actor, action)
        }
    }
}
