/// View models of the incident pages.
enum IncidentPages {
    struct Hint: Sendable {
        let max: Int
        let hint: String
    }

    /// The report form (signed in) and its refusal.
    struct New: Sendable {
        let systemName: String
        let systemHref: String
        let action: String
        let form: FormState
        let harmTypes: [Choice]
        let severities: [Choice]
        let fallbacks: [Choice]
        let title: Hint
        let text: Hint
        let today: String
    }

    /// The public feedback form, and the receipt that is all it ever shows back.
    struct Feedback: Sendable {
        let action: String
        let form: FormState
        let harmTypes: [Choice]
        let fallbacks: [Choice]
        let title: Hint
        let text: Hint
        let service: Hint
        let honeypot = PublicFeedbackForm.honeypot
        let today: String
    }
    struct Receipt: Sendable {
        let receipt: String
    }

    struct Fact: Sendable {
        let label: String
        let value: String
        var href: String? = nil
    }

    struct Evidence: Sendable {
        let name: String
        let href: String
        let meta: String
    }

    /// The Art. 73 box of a serious incident.
    struct Deadline: Sendable {
        let due: String
        let explanation: String
        let notified: String?
        let missed: Bool
    }

    struct Triage: Sendable {
        let action: String
        let form: FormState
        let systems: [Choice]
        let severities: [Choice]
        let owners: [Choice]
        let periods: [Choice]
        let text: Hint
        let first: Bool
        /// The system field's length limit (a system's name).
        var systemNameMax: Int { SystemLimits.name }
    }

    struct Show: Sendable {
        let id: Int64
        let title: String
        let status: String
        let statusKey: String
        let severity: String?
        let severityKey: String
        let critical: Bool
        let facts: [Fact]
        let description: String
        let actionsTaken: String?
        let rootCause: String?
        let correctiveActions: String?
        let evidence: [Evidence]
        let deadline: Deadline?
        let systemHref: String?
        let maySuspend: Bool
        let triage: Triage?
        let closeHref: String?
        let formError: String?
    }

    struct Row: Sendable {
        let href: String
        let title: String
        let system: String
        let severity: String
        let severityKey: String
        let harm: String
        let status: String
        let statusKey: String
        let reported: String
        let publicReport: Bool
    }

    struct List: Sendable {
        let tabs: [StatusTab]
        let action: String
        let status: String
        let severities: [Choice]
        let harmTypes: [Choice]
        let sources: [Choice]
        let rows: [Row]
        let hasRows: Bool
        let count: String
        let pageNumber: Int
        let pageCount: Int
        let hasPages: Bool
        let previous: String?
        let next: String?
        let exportHref: String?
    }

    /// The incidents section of a system page (paged with `incidents_page`).
    struct SystemSection: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let count: String
        let reportHref: String?
        let pageNumber: Int
        let pageCount: Int
        let hasPages: Bool
        let previous: String?
        let next: String?
    }
}
