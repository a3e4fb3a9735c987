import Testing
@testable import EthicsCommittee

/// The AI Act's actions as a table of role × action × situation (the actor is user 7).
@Suite struct AIActPolicyTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let role: Role?
        let action: Action
        let expected: Decision
        var testDescription: String { "\(role?.rawValue ?? "visitor") \(action) → \(expected)" }
    }

    static let table: [Row] = {
        var rows: [Row] = []
        for action in [Action.manageAIActDates, .reclassifyCases] { rows.append(Row(role: nil, action: action, expected: .signInRequired)) }
        for role in Role.allCases {
            rows.append(Row(role: role, action: .manageAIActDates, expected: role == .admin ? .allow : .notFound))
            rows.append(Row(role: role, action: .reclassifyCases, expected: role == .admin || role == .secretary ? .allow : .notFound))
        }
        for status in CaseStatus.allCases {
            let open = [CaseStatus.draft, .submitted, .needsInfo, .inReview].contains(status)
            let own = CaseFacts(submitterId: 7, confidential: false, status: status)
            let others = CaseFacts(submitterId: 6, confidential: false, status: status)
            let reviewed = CaseFacts(submitterId: 6, confidential: true, status: status, reviewers: [7])
            let confidential = CaseFacts(submitterId: 6, confidential: true, status: status)
            for role in Role.allCases {
                let staff = role == .admin || role == .secretary
                let committee = role == .member || role == .expert
                // Read: the case's own rule (the owner, staff, a member on a non-confidential case once submitted, a reviewer)
                // (A member who owned a case would read it as any member does: not while it is a draft.)
                let seesOwn = staff || role == .submitter || (role == .member && status != .draft)
                rows.append(Row(role: role, action: .readFRIA(own), expected: seesOwn ? .allow : .notFound))
                rows.append(Row(role: role, action: .readFRIA(others),
                                expected: staff || (role == .member && status != .draft) ? .allow : .notFound))
                rows.append(Row(role: role, action: .readFRIA(reviewed), expected: staff || (committee && status != .draft) ? .allow : .notFound))
                rows.append(Row(role: role, action: .readFRIA(confidential), expected: staff ? .allow : .notFound))
                // Write: the owner or staff, until the decision; never a reviewer
                rows.append(Row(role: role, action: .writeFRIA(own), expected: seesOwn && open ? .allow : .notFound))
                rows.append(Row(role: role, action: .writeFRIA(others), expected: staff && open ? .allow : .notFound))
                rows.append(Row(role: role, action: .writeFRIA(reviewed), expected: staff && open ? .allow : .notFound))
            }
        }
        let facts = CaseFacts(submitterId: 7, confidential: false, status: .inReview)
        for action in [Action.readFRIA(facts), .writeFRIA(facts)] { rows.append(Row(role: nil, action: action, expected: .signInRequired)) }
        return rows
    }()

    @Test(arguments: table)
    func decision(_ row: Row) {
        let actor = row.role.map { Requester(userId: 7, role: $0) }
        #expect(Policy.decide(actor, row.action) == row.expected)
    }
}
