/// The result of a written procedure from the settings' rules, pure so it is table-tested: the participation
/// quorum (the meeting quorum rule, applied to ballots cast among the eligible voters, abstentions included) and
/// the majority among the ballots cast.
public enum WrittenResult {
    public static func compute(quorum: QuorumRule, majority: WrittenMajority, eligible: Int,
                               for yes: Int, against no: Int, abstain: Int) -> WrittenResultCode {
        let cast = yes + no + abstain
        guard eligible > 0, cast > 0 else { return .noQuorum }
        let quorate = switch quorum {
        case .majority: cast * 2 > eligible
        case .twoThirds: cast * 3 >= eligible * 2
        case .half: cast * 2 >= eligible
        }
        guard quorate else { return .noQuorum }
        let carried = switch majority {
        case .simple: yes > no
        case .absolute: yes * 2 > cast
        case .twoThirds: yes * 3 >= cast * 2
        }
        return carried ? .adopted : .rejected
    }
}
