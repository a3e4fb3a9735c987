/// The one place that says which status changes exist and who may make them.
/// Any other change is refused with a clear message.
public enum CaseLifecycle {
    /// Who is acting on the case, as far as transitions care.
    public enum Mover: Sendable, Equatable {
        /// The submitter who owns the case.
        case owner
        /// Secretary or admin.
        case staff
        /// Anyone else.
        case other
    }

    public enum Transition: String, Sendable, CaseIterable {
        case submit, startReview, askInfo, resubmit, decide, defer_, close, withdraw
    }

    /// The allowed moves: (from, to, transition, who).
    public static let table: [(from: CaseStatus, to: CaseStatus, transition: Transition, movers: [Mover])] = [
        (.draft, .submitted, .submit, [.owner, .staff]),
        (.submitted, .inReview, .startReview, [.staff]),
        (.submitted, .needsInfo, .askInfo, [.staff]),
        (.inReview, .needsInfo, .askInfo, [.staff]),
        (.needsInfo, .submitted, .resubmit, [.owner, .staff]),
        (.inReview, .decided, .decide, [.staff]),
        (.inReview, .inReview, .defer_, [.staff]),
        (.decided, .closed, .close, [.staff]),
        (.draft, .withdrawn, .withdraw, [.owner, .staff]),
        (.submitted, .withdrawn, .withdraw, [.owner, .staff]),
        (.needsInfo, .withdrawn, .withdraw, [.owner, .staff]),
        (.inReview, .withdrawn, .withdraw, [.owner, .staff]),
    ]

    /// The status a transition leads to from `status`, if `mover` may make it; otherwise why not.
    public static func apply(_ transition: Transition, from status: CaseStatus, by mover: Mover) -> Result<CaseStatus, Refusal> {
        guard let row = table.first(where: { $0.from == status && $0.transition == transition }) else {
            return .failure(Refusal(key: "transition_not_from_status"))
        }
        guard row.movers.contains(mover) else { return .failure(Refusal(key: "transition_not_yours")) }
        return .success(row.to)
    }

    /// Transitions someone may make now, to offer them as buttons.
    public static func available(from status: CaseStatus, by mover: Mover) -> [Transition] {
        table.filter { $0.from == status && $0.movers.contains(mover) }.map(\.transition)
    }

    public struct Refusal: Error, Equatable, Sendable {
        /// Catalogue key of the message shown.
        public let key: String
    }
}
