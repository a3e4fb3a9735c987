/// The typed view models of the written-procedure pages.
enum WrittenProcedurePages {
    struct Row: Sendable {
        let href: String
        let title: String
        let kind: String
        let deadline: String
        let status: String
        let statusKey: String
        let progress: String
    }

    struct List: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let totalLabel: String
        let newHref: String?
        let pageNumber: Int
        let pageCount: Int
        let previous: String?
        let next: String?
    }

    struct Condition: Sendable {
        let text: String
        let owner: String
        let due: String
    }

    struct Voter: Sendable {
        let name: String
        /// Voted, not yet, recused, must declare…
        let state: String
        /// Once closed: the choice and reasoning.
        let choice: String?
        let reasoning: String?
    }

    struct Show: Sendable {
        let id: Int64
        let title: String
        let kind: String
        let caseHref: String?
        let deliverableHref: String?
        let textHTML: String
        let deadline: String
        let open: Bool
        let status: String
        let statusKey: String
        let result: String?
        let tally: String?
        let proposedOutcome: String?
        let opinionHTML: String?
        let articles: String?
        let charterVersion: String?
        let conditions: [Condition]
        let hasConditions: Bool
        let voters: [Voter]
        let votedLine: String
        /// Taken to a meeting: where, or "to be scheduled".
        let meetingHref: String?
        let toMeetingLine: String?
        let myBallot: String?
        let ballotAction: String?
        let choices: [Choice]
        let declarationAction: String?
        let conflictLine: String?
        let objectionHref: String?
        let formError: String?
        let ballot: FormState
        let declaration: FormState
        let limits: LimitHints
    }

    struct NewMotion: Sendable {
        let action: String
        let deliverables: [Choice]
        let form: FormState
        let limits: LimitHints
        let backHref: String
    }
}
