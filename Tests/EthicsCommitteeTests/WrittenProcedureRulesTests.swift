import Foundation
import GRDB
import Testing
@testable import EthicsCommittee

/// The written procedure's pure rules: the result from the settings, and the policy's table.
@Suite struct WrittenProcedureRulesTests {
    @Test(arguments: [
        // (quorum, majority, eligible, for, against, abstain, expected)
        (QuorumRule.majority, WrittenMajority.simple, 4, 2, 1, 1, WrittenResultCode.adopted),
        (.majority, .simple, 4, 1, 1, 0, .noQuorum),          // 2 of 4 is not more than half
        (.half, .simple, 4, 1, 1, 0, .rejected),              // 2 of 4 is half; a tie is not carried
        (.majority, .absolute, 4, 2, 0, 2, .rejected),        // 2 of 4 cast are for: not more than half
        (.majority, .absolute, 5, 3, 0, 2, .adopted),
        (.twoThirds, .simple, 6, 2, 1, 0, .noQuorum),         // 3 of 6 is below two thirds
        (.twoThirds, .twoThirds, 6, 3, 1, 0, .adopted),       // 3 of 4 cast are for
        (.majority, .twoThirds, 5, 2, 1, 0, .adopted),        // 2 of 3 is two thirds
        (.majority, .simple, 0, 0, 0, 0, .noQuorum),
        (.majority, .simple, 3, 0, 0, 2, .rejected),          // abstentions count for participation only
    ])
    func theResultFollowsTheSettings(quorum: QuorumRule, majority: WrittenMajority, eligible: Int, yes: Int, no: Int, abstain: Int,
                                     expected: WrittenResultCode) {
        #expect(WrittenResult.compute(quorum: quorum, majority: majority, eligible: eligible, for: yes, against: no, abstain: abstain) == expected)
    }

    @Test func thePolicyTable() {
        let me: Int64 = 7, other: Int64 = 8
        let confidential = CaseFacts(submitterId: 1, confidential: true, status: .inReview, voters: [me])
        let open = WrittenFacts(caseFacts: confidential, open: true, voters: [me, other])
        let closed = WrittenFacts(caseFacts: CaseFacts(submitterId: 1, confidential: true, status: .decided), open: false, voters: [me])
        let mustDeclare = WrittenFacts(caseFacts: confidential, open: true, voters: [me], mustDeclare: [me])
        let voted = WrittenFacts(caseFacts: confidential, open: true, voters: [me], voted: [me])
        let noObjection = WrittenFacts(caseFacts: confidential, open: true, voters: [me], objectionAllowed: false)
        let motion = WrittenFacts(caseFacts: nil, open: true, voters: [other])
        let recusedFromCase = WrittenFacts(caseFacts: CaseFacts(submitterId: 1, confidential: false, status: .inReview, recused: [me]),
                                           open: true, voters: [])
        struct Row { let role: Role; let action: Action; let expected: Decision }
        let rows: [Row] = [
            // Seeing: a voter reads the confidential case's procedure; once it is over, no longer
            Row(role: .expert, action: .viewWrittenProcedure(open), expected: .allow),
            Row(role: .expert, action: .viewWrittenProcedure(closed), expected: .notFound),
            Row(role: .member, action: .viewWrittenProcedure(closed), expected: .notFound),
            Row(role: .secretary, action: .viewWrittenProcedure(closed), expected: .allow),
            Row(role: .submitter, action: .viewWrittenProcedure(open), expected: .notFound),
            Row(role: .member, action: .viewWrittenProcedure(motion), expected: .allow),
            Row(role: .expert, action: .viewWrittenProcedure(motion), expected: .notFound),
            Row(role: .member, action: .viewWrittenProcedure(recusedFromCase), expected: .notFound),
            // Voting: an eligible voter, once, while open, after clearing a matching interest
            Row(role: .member, action: .castWrittenBallot(open), expected: .allow),
            Row(role: .expert, action: .castWrittenBallot(open), expected: .allow),
            Row(role: .member, action: .castWrittenBallot(closed), expected: .notFound),
            Row(role: .member, action: .castWrittenBallot(mustDeclare), expected: .notFound),
            Row(role: .member, action: .castWrittenBallot(voted), expected: .notFound),
            Row(role: .member, action: .castWrittenBallot(motion), expected: .notFound),
            Row(role: .secretary, action: .castWrittenBallot(motion), expected: .notFound),
            Row(role: .member, action: .declareWrittenInterest(mustDeclare), expected: .allow),
            Row(role: .member, action: .declareWrittenInterest(open), expected: .notFound),
            // Objecting: an eligible voter while open, when the settings allow it
            Row(role: .member, action: .objectToWrittenProcedure(open), expected: .allow),
            Row(role: .member, action: .objectToWrittenProcedure(voted), expected: .allow),
            Row(role: .member, action: .objectToWrittenProcedure(noObjection), expected: .notFound),
            Row(role: .member, action: .objectToWrittenProcedure(mustDeclare), expected: .notFound),
            Row(role: .member, action: .objectToWrittenProcedure(closed), expected: .notFound),
            Row(role: .secretary, action: .objectToWrittenProcedure(motion), expected: .notFound),
            // Opening: the staff; a case only in review and not high-risk
            Row(role: .secretary, action: .openWrittenMotion, expected: .allow),
            Row(role: .member, action: .openWrittenMotion, expected: .notFound),
            Row(role: .secretary, action: .openWrittenProcedure(CaseFacts(submitterId: 1, confidential: false, status: .inReview, riskTier: .low)),
                expected: .allow),
            Row(role: .secretary, action: .openWrittenProcedure(CaseFacts(submitterId: 1, confidential: false, status: .inReview, riskTier: .high)),
                expected: .notFound),
            Row(role: .member, action: .openWrittenProcedure(CaseFacts(submitterId: 1, confidential: false, status: .inReview, riskTier: .low)),
                expected: .notFound),
            Row(role: .submitter, action: .viewWrittenProcedures, expected: .notFound),
            Row(role: .expert, action: .viewWrittenProcedures, expected: .allow),
        ]
        for row in rows {
            #expect(Policy.decide(Actor(userId: me, role: row.role), row.action) == row.expected, Comment(rawValue: "\(row.role) \(row.action)"))
        }
    }

    @Test func oneRuleForAMatchingInterest() async throws {
        #expect(InterestMatch.matches(organisation: "Claims AI", team: "Customer care", vendor: "Claims AI Ltd"))
        #expect(InterestMatch.matches(organisation: "claims ai ltd (advisory board)", team: "", vendor: "Claims AI Ltd"))
        #expect(!InterestMatch.matches(organisation: "Other Corp", team: "Customer care", vendor: "Claims AI Ltd"))
        #expect(!InterestMatch.matches(organisation: "Other Corp", team: "", vendor: ""))
        // The SQL agrees with the Swift rule
        let app = try await TestApp.make()
        for (organisation, team, vendor) in [("Claims AI", "Customer care", "Claims AI Ltd"), ("Other Corp", "Care", "Claims"),
                                             ("care", "Customer care", ""), ("X", "", "")] {
            let (sql, arguments) = MemberStore.matchingInterest(userColumn: "1", team: team, vendor: vendor)
            let matched = try await app.database.writer.write { db -> Bool in
                try db.execute(sql: "DELETE FROM declared_interests")
                try db.execute(sql: "INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (1, 'a@b.c', 'A', 'member', 'x', 'now') ON CONFLICT DO NOTHING")
                try db.execute(sql: "INSERT INTO declared_interests (user_id, organisation, nature, created_at) VALUES (1, ?, 'n', 'now')",
                               arguments: [organisation])
                return try String.fetchOne(db, sql: "SELECT \(sql)", arguments: arguments) != nil
            }
            #expect(matched == InterestMatch.matches(organisation: organisation, team: team, vendor: vendor), Comment(rawValue: organisation))
        }
    }
}
