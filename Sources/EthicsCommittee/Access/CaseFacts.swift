/// What the policy needs to know about a case to decide who may do what with it.
public struct CaseFacts: Sendable, Equatable {
    public let submitterId: Int64
    public let confidential: Bool
    public let status: CaseStatus
    /// Assigned reviewers who are not recused.
    public let reviewers: Set<Int64>
    /// Reviewers who declared a conflict of interest on this case.
    public let recused: Set<Int64>
    /// The tier decides the procedure: a high-risk case is decided only in a meeting (`ReviewPath`).
    public let riskTier: RiskTier
    /// Who has a vote on it now: the voting invitees of a planned or held meeting whose agenda has it undecided,
    /// the committee's chair, who counts as a voting invitee of every meeting, and the eligible voters of its
    /// running written procedure who have not recused themselves.
    public let voters: Set<Int64>

    public init(submitterId: Int64, confidential: Bool, status: CaseStatus, reviewers: Set<Int64> = [], recused: Set<Int64> = [],
                riskTier: RiskTier = .medium, voters: Set<Int64> = []) {
        self.submitterId = submitterId; self.confidential = confidential; self.status = status
        self.reviewers = reviewers; self.recused = recused; self.riskTier = riskTier; self.voters = voters
    }
}

extension CaseFacts {
    /// The case as it reads once decided: nobody has a vote on it any more.
    var withoutVoters: CaseFacts {
        CaseFacts(submitterId: submitterId, confidential: confidential, status: status, reviewers: reviewers, recused: recused,
                  riskTier: riskTier)
    }
}
