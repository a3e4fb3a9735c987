import Testing
@testable import EthicsCommittee

/// The status-aware case questions the page and the handler both ask (issue 20), as tables: role × status × what
/// the policy answers. No HTTP: the handlers' use of them is covered by the flow tests.
@Suite struct CasePolicyQuestionsTests {
    static let owner = Requester(userId: 1, role: .submitter)
    static let stranger = Requester(userId: 9, role: .submitter)
    static let secretary = Requester(userId: 2, role: .secretary)
    static let admin = Requester(userId: 3, role: .admin)
    /// A member who reviews the case.
    static let reviewer = Requester(userId: 4, role: .member)
    static let expert = Requester(userId: 5, role: .expert)

    static func facts(_ status: CaseStatus) -> CaseFacts {
        CaseFacts(submitterId: 1, confidential: false, status: status, reviewers: [4, 5])
    }

    @Test func movesFollowTheLifecycleForWhoeverMayMoveTheCase() {
        let table: [(Requester, CaseStatus, [CaseLifecycle.Transition])] = [
            (Self.owner, .draft, [.submit, .withdraw]),
            (Self.owner, .submitted, [.withdraw]),
            (Self.owner, .needsInfo, [.resubmit, .withdraw]),
            (Self.owner, .inReview, [.withdraw]),
            (Self.owner, .decided, []),
            (Self.stranger, .submitted, []),
            (Self.secretary, .draft, [.submit, .withdraw]),
            (Self.secretary, .submitted, [.startReview, .askInfo, .withdraw]),
            (Self.secretary, .inReview, [.askInfo, .decide, .defer_, .withdraw]),
            (Self.admin, .decided, [.close]),
            (Self.secretary, .closed, []),
            (Self.reviewer, .inReview, []),
            (Self.expert, .submitted, []),
        ]
        for (actor, status, expected) in table {
            let facts = Self.facts(status)
            #expect(Policy.moves(actor, facts) == expected, "\(actor.role) \(status)")
            for transition in CaseLifecycle.Transition.allCases where !expected.contains(transition) {
                // Someone who may not move the case at all is told it is not theirs; the owner or staff, why not now
                let refusal = Policy.moveRefusal(actor, facts, transition)
                #expect(refusal != nil)
                if Policy.decide(actor, .moveCase(facts)) != .allow { #expect(refusal == "transition_not_yours") }
            }
        }
    }

    @Test func uploadsAreTheDraftsEditorsAndTheStaffsUntilTheCaseEnds() {
        for status in CaseStatus.allCases {
            let facts = Self.facts(status)
            let ownerMay = Policy.decide(Self.owner, .uploadAttachment(facts)) == .allow
            #expect(ownerMay == [.draft, .needsInfo].contains(status), "\(status)")
            for staff in [Self.secretary, Self.admin] {
                #expect((Policy.decide(staff, .uploadAttachment(facts)) == .allow) == ![.closed, .withdrawn].contains(status), "\(status)")
            }
            #expect(Policy.decide(Self.reviewer, .uploadAttachment(facts)) == .notFound)
            #expect(Policy.decide(Self.stranger, .uploadAttachment(facts)) == .notFound)
        }
    }

    @Test func eachRoleHasItsCaseListTabsAndTheStaffFileOnBehalf() {
        #expect(Policy.caseListScopes(Self.owner) == [.mine])
        #expect(Policy.caseListScopes(Self.reviewer) == [.all, .toReview])
        #expect(Policy.caseListScopes(Self.expert) == [.all, .toReview])
        #expect(Policy.caseListScopes(Self.secretary) == [.all, .mine])
        #expect(Policy.caseListScopes(Self.admin) == [.all, .mine])
        for actor in [Self.secretary, Self.admin] { #expect(Policy.decide(actor, .fileOnBehalf) == .allow) }
        for actor in [Self.owner, Self.reviewer, Self.expert] { #expect(Policy.decide(actor, .fileOnBehalf) == .notFound) }
        #expect(Policy.caseOwnerRoles == [.submitter])
        #expect(!Policy.deliverableOwnerRoles.contains(.submitter) && Policy.deliverableOwnerRoles.count == 4)
    }

    @Test func ballotsAreTheSeatsAndTheAssessmentItsOwnersAndTheStaffs() {
        #expect(Policy.hasBallot(Self.reviewer) && Policy.hasBallot(Self.expert))
        #expect(!Policy.hasBallot(Self.secretary) && !Policy.hasBallot(Self.admin) && !Policy.hasBallot(Self.owner))
        let decided = Self.facts(.decided)
        // Whoever writes the assessment still writes it once decided (the handler says why not: 409); a reviewer never
        #expect(Policy.writesFRIA(Self.owner, decided) && Policy.writesFRIA(Self.secretary, decided))
        #expect(Policy.decide(Self.owner, .writeFRIA(decided)) == .notFound)
        #expect(Policy.decide(Self.owner, .writeFRIA(Self.facts(.inReview))) == .allow)
        #expect(!Policy.writesFRIA(Self.reviewer, Self.facts(.inReview)) && !Policy.writesFRIA(nil, decided))
    }

    @Test func aConditionsOwnerIsAnActiveAccountThatMayOpenTheCase() {
        let decided = CaseFacts(submitterId: 1, confidential: true, status: .decided, reviewers: [4], voters: [6])
        #expect(Policy.mayOwnCondition(Self.owner, active: true, decided))
        #expect(!Policy.mayOwnCondition(Self.owner, active: false, decided))
        #expect(Policy.mayOwnCondition(Self.reviewer, active: true, decided))
        // A voter read the confidential case while it was voted on; the condition outlives the vote
        #expect(!Policy.mayOwnCondition(Requester(userId: 6, role: .member), active: true, decided))
        #expect(!Policy.mayOwnCondition(Self.stranger, active: true, decided))
    }
}
