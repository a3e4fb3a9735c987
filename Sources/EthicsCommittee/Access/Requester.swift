/// Who is asking: a signed-in account, or nobody (a visitor).
public struct Requester: Sendable, Equatable {
    public let userId: Int64
    public let role: Role
    /// False for a member or expert who has not yet completed the profile and signed the declaration.
    public let onboarded: Bool
    public init(userId: Int64, role: Role, onboarded: Bool = true) {
        self.userId = userId; self.role = role; self.onboarded = onboarded
    }
}
