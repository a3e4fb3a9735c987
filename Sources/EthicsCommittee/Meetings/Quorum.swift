/// The quorum of one agenda item, from the committee's rule, counted after recusals: a member
/// recused from the item's case neither counts among the voting members nor among those present.
public enum Quorum {
    public struct Voter: Sendable, Equatable {
        public let id: Int64
        public let external: Bool
        public init(id: Int64, external: Bool) { self.id = id; self.external = external }
    }

    public enum Result: Sendable, Equatable {
        case ok
        /// Not reached; the catalogue key says why.
        case refused(String)
    }

    /// - Parameters:
    ///   - voters: the committee's voting members.
    ///   - present: who is recorded present at the meeting.
    ///   - recused: who is recused from this item (its case).
    public static func check(rule: QuorumRule, requiresExternal: Bool, voters: [Voter], present: Set<Int64>,
                             recused: Set<Int64>) -> Result {
        let eligible = voters.filter { !recused.contains($0.id) }
        let attending = eligible.filter { present.contains($0.id) }
        guard !eligible.isEmpty, !attending.isEmpty else { return .refused("quorum_no_voters") }
        let (have, need) = (attending.count, eligible.count)
        let reached = switch rule {
        case .majority: have * 2 > need
        case .twoThirds: have * 3 >= need * 2
        case .half: have * 2 >= need
        }
        guard reached else { return .refused("quorum_not_reached_\(rule.rawValue)") }
        if requiresExternal && !attending.contains(where: \.external) { return .refused("quorum_no_external") }
        return .ok
    }
}
