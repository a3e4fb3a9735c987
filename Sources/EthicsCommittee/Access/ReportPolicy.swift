extension Policy {
    /// Figures, exports and the annual report: the committee staff and its internal members, never external
    /// experts (who see only what they are assigned) nor project owners. What each reader counts is still
    /// limited to the cases they may open (`CaseStore.visibility` inside every query).
    static func decideReports(_ actor: Requester, _ action: Action) -> Decision {
        switch action {
        case .viewFigures, .exportCases, .viewAnnualReport:
            return [.admin, .secretary, .member].contains(actor.role) ? .allow : .notFound
        default:
            return .notFound
        }
    }
}
