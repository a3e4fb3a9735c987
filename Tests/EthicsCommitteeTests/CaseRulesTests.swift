import Testing
@testable import EthicsCommittee

/// The pure rules of cases: transitions, the tier, the review path.
@Suite struct CaseRulesTests {
    typealias T = CaseLifecycle.Transition

    /// Every (status, transition, mover) combination: allowed exactly when the table lists it.
    @Test func transitionTableIsExhaustive() {
        let allowed: [CaseStatus: [T: (CaseStatus, [CaseLifecycle.Mover])]] = [
            .draft: [.submit: (.submitted, [.owner, .staff]), .withdraw: (.withdrawn, [.owner, .staff])],
            .submitted: [.startReview: (.inReview, [.staff]), .askInfo: (.needsInfo, [.staff]), .withdraw: (.withdrawn, [.owner, .staff])],
            .needsInfo: [.resubmit: (.submitted, [.owner, .staff]), .withdraw: (.withdrawn, [.owner, .staff])],
            .inReview: [.askInfo: (.needsInfo, [.staff]), .decide: (.decided, [.staff]), .defer_: (.inReview, [.staff]),
                        .withdraw: (.withdrawn, [.owner, .staff])],
            .decided: [.close: (.closed, [.staff])],
            .closed: [:], .withdrawn: [:],
        ]
        for status in CaseStatus.allCases {
            for transition in T.allCases {
                for mover in [CaseLifecycle.Mover.owner, .staff, .other] {
                    let result = CaseLifecycle.apply(transition, from: status, by: mover)
                    if let (target, movers) = allowed[status]?[transition] {
                        if movers.contains(mover) {
                            #expect(result == .success(target), "\(status) \(transition) \(mover)")
                        } else {
                            #expect(result == .failure(.init(key: "transition_not_yours")), "\(status) \(transition) \(mover)")
                        }
                    } else {
                        #expect(result == .failure(.init(key: "transition_not_from_status")), "\(status) \(transition) \(mover)")
                    }
                }
            }
        }
    }

    @Test func nobodyWithdrawsADecidedCase() {
        #expect(CaseLifecycle.available(from: .decided, by: .owner).isEmpty)
        #expect(CaseLifecycle.available(from: .closed, by: .staff).isEmpty)
    }

    static func answers(_ value: Readiness.Answer, except overrides: [String: Readiness.Answer] = [:]) -> [String: Readiness.Answer] {
        var result = Dictionary(uniqueKeysWithValues: Readiness.questionIds.map { ($0, value) })
        for (key, answer) in overrides { result[key] = answer }
        return result
    }

    @Test func customerFacingWithPersonalDataAndNoFallbackIsHigh() {
        let assessment = Readiness.assess(customerFacing: true, personalData: true,
                                          answers: Self.answers(.yes, except: ["crisis.fallback": .no]))
        #expect(assessment.tier == .high)
        #expect(assessment.reasons.first == "tier_reason_no_fallback")
        #expect(assessment.scores["crisis"] == 75)
    }

    @Test func theSameProjectWithAFallbackIsMedium() {
        let assessment = Readiness.assess(customerFacing: true, personalData: true, answers: Self.answers(.yes))
        #expect(assessment.tier == .medium)
        #expect(assessment.reasons == ["tier_reason_customer_facing", "tier_reason_personal_data"])
    }

    @Test func internalReadyProjectIsLow() {
        let assessment = Readiness.assess(customerFacing: false, personalData: false, answers: Self.answers(.yes))
        #expect(assessment.tier == .low)
        #expect(assessment.scores.values.allSatisfy { $0 == 100 })
    }

    @Test func aVeryWeakAreaMakesAnyProjectHigh() {
        // Training answered "no" throughout: 0 %
        var answers = Self.answers(.yes)
        for question in ["fundamentals", "practice", "errors", "ethics"] { answers["training.\(question)"] = .no }
        let assessment = Readiness.assess(customerFacing: false, personalData: false, answers: answers)
        #expect(assessment.tier == .high)
        #expect(assessment.scores["training"] == 0)
        #expect(assessment.reasons == ["tier_reason_area_very_low"])
    }

    @Test func partlyEverywhereIsMedium() {
        let assessment = Readiness.assess(customerFacing: false, personalData: false, answers: Self.answers(.partly))
        #expect(assessment.tier == .medium)
        #expect(assessment.scores.values.allSatisfy { $0 == 50 })
    }

    @Test func unansweredQuestionsCountAsNo() {
        let assessment = Readiness.assess(customerFacing: false, personalData: false, answers: [:])
        #expect(assessment.tier == .high)
        #expect(Readiness.gaps([:]).count == Readiness.questionIds.count)
    }

    @Test func reviewPathFollowsTheTier() {
        let high = ReviewPath(tier: .high)
        #expect(high.minimumReviews == 2 && high.needsExternalReviewer && high.decisionInMeeting)
        #expect(high.missing(reviews: 1, externalReviews: 1) == "path_missing_reviews")
        #expect(high.missing(reviews: 2, externalReviews: 0) == "path_missing_external")
        #expect(high.missing(reviews: 2, externalReviews: 1) == nil)
        let low = ReviewPath(tier: .low)
        #expect(low.minimumReviews == 1 && !low.needsExternalReviewer && !low.decisionInMeeting)
        #expect(ReviewPath(tier: .medium).missing(reviews: 1, externalReviews: 0) == nil)
    }

    /// The case access table: role × situation.
    @Test func caseAccessTable() {
        let owner: Int64 = 1, me: Int64 = 7
        let open = CaseFacts(submitterId: owner, confidential: false, status: .inReview)
        let confidential = CaseFacts(submitterId: owner, confidential: true, status: .inReview)
        let assigned = CaseFacts(submitterId: owner, confidential: true, status: .inReview, reviewers: [me])
        let recused = CaseFacts(submitterId: owner, confidential: false, status: .inReview, recused: [me])
        let draft = CaseFacts(submitterId: owner, confidential: false, status: .draft)
        func can(_ role: Role, _ action: Action, id: Int64 = me) -> Bool {
            Policy.decide(Requester(userId: id, role: role), action) == .allow
        }
        for role in [Role.admin, .secretary] {
            for facts in [open, confidential, assigned, recused, draft] {
                #expect(can(role, .viewCase(facts)) && can(role, .manageCase(facts)) && can(role, .viewCaseInternals(facts)))
            }
        }
        // Members: open cases yes, confidential only when assigned, never when recused or a draft
        #expect(can(.member, .viewCase(open)) && can(.member, .viewCaseInternals(open)))
        #expect(!can(.member, .viewCase(confidential)))
        #expect(can(.member, .viewCase(assigned)) && can(.member, .reviewCase(assigned)))
        #expect(!can(.member, .viewCase(recused)) && !can(.member, .viewCaseInternals(recused)))
        #expect(!can(.member, .viewCase(draft)))
        #expect(!can(.member, .manageCase(open)) && !can(.member, .reviewCase(open)))
        // Experts: only what they are assigned to
        #expect(!can(.expert, .viewCase(open)))
        #expect(can(.expert, .viewCase(assigned)) && can(.expert, .viewCaseInternals(assigned)) && can(.expert, .reviewCase(assigned)))
        #expect(!can(.expert, .viewCase(recused)))
        // Submitters: their own case, never the internals
        #expect(can(.submitter, .viewCase(open), id: owner) && !can(.submitter, .viewCaseInternals(open), id: owner))
        #expect(can(.submitter, .editCase(draft), id: owner) && !can(.submitter, .editCase(open), id: owner))
        #expect(!can(.submitter, .viewCase(open)))
        #expect(can(.submitter, .createCase) && !can(.member, .createCase) && !can(.expert, .createCase))
        #expect(Policy.decide(nil, .viewCase(open)) == .signInRequired)
    }
}
