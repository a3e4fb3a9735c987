/// The quorum an agenda item can expect, before the meeting, from the invitees' answers and the conflicts:
/// the same rule as `Quorum.check`, with "present" read as "invited, voting, not excused". Members recused
/// from the case, and members whose declared interests match it, count as recused. An invitee who has not
/// answered, or is not sure, may still come, so a red forecast means the quorum cannot be reached.
public enum QuorumForecast {
    public struct Result: Sendable, Equatable {
        /// The committee's voting members (the base of the rule).
        public let voters: Int
        /// Voting members recused from the item or in conflict with it.
        public let recused: Int
        /// Eligible voting invitees who answered "excused".
        public let excused: Int
        /// Eligible voting invitees who may come (attending, not sure, or no answer yet).
        public let expected: Int
        /// Of whom answered "attending".
        public let confirmed: Int
        /// How many must be present under the rule.
        public let needed: Int
        public let outcome: Quorum.Result
        public var quorate: Bool { outcome == .ok }
    }

    /// - Parameters:
    ///   - voters: the committee's voting members.
    ///   - answers: each invitee and their answer (nil: none yet).
    ///   - recused: recused from the item's case, or whose declared interests match it.
    public static func forecast(rule: QuorumRule, requiresExternal: Bool, voters: [Quorum.Voter], answers: [Int64: RSVP?],
                                recused: Set<Int64>) -> Result {
        let eligible = voters.filter { !recused.contains($0.id) }
        let invited = eligible.filter { answers.keys.contains($0.id) }
        func answer(_ id: Int64) -> RSVP? { answers[id] ?? nil }
        let excused = invited.filter { answer($0.id) == .excused }
        let expected = invited.filter { answer($0.id) != .excused }
        let confirmed = invited.filter { answer($0.id) == .attending }
        let outcome = Quorum.check(rule: rule, requiresExternal: requiresExternal, voters: voters, present: Set(expected.map(\.id)),
                                   recused: recused)
        return Result(voters: voters.count, recused: voters.count - eligible.count, excused: excused.count, expected: expected.count,
                      confirmed: confirmed.count, needed: needed(rule, of: eligible.count), outcome: outcome)
    }

    /// The smallest number present that reaches the rule among `count` eligible voters.
    public static func needed(_ rule: QuorumRule, of count: Int) -> Int {
        switch rule {
        case .majority: count / 2 + 1
        case .twoThirds: (count * 2 + 2) / 3
        case .half: (count + 1) / 2
        }
    }
}
