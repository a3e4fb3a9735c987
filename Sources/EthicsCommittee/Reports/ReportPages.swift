/// View models of the figures page and the annual report.
enum ReportPages {
    struct Headline: Sendable {
        let label: String
        let value: String
    }

    struct Figures: Sendable {
        let year: Int
        let years: [Choice]
        let action: String
        let headlines: [Headline]
        let charts: [SVGChart]
        let exportCSV: String
        let exportJSON: String
        let annualHref: String
        let systemsOverdue: SystemsOverdue
        /// Incidents (issue 18): headline numbers, charts, the list and its export.
        var incidentHeadlines: [Headline] = []
        var incidentCharts: [SVGChart] = []
        let incidentsHref = Paths.incidents
        let incidentsExport = Paths.incidentsExportCSV
    }

    /// Systems overdue for review today: the count and the first few, each linking to its page, and the CSV of all of them.
    struct SystemsOverdue: Sendable {
        struct Row: Sendable {
            let href: String
            let name: String
            let owner: String
            let due: String
        }
        let count: String
        let hasAny: Bool
        let rows: [Row]
        let more: String?
        /// "… and N more" (the annual report, which prints no link to follow).
        let moreText: String?
        /// The date the list is read on ("on 26 November 2026").
        let on: String
        let csv = Paths.systemsOverdueCSV
    }

    /// The standalone, printable annual report.
    struct Annual: Sendable {
        let lang: String
        let committeeName: String
        let title: String
        let year: Int
        let years: [Choice]
        let action: String
        let generated: String
        let baseStylesheet = Paths.printStylesheet
        let stylesheet = Paths.reportPrintStylesheet
        let icon: String
        let backHref: String
        let cases: [Headline]
        let decisionsTable: [Headline]
        let decisions: SVGChart
        let median: SVGChart
        /// The AI Act classes and roles of the year's cases.
        let aiActClasses: SVGChart
        let aiActRoles: SVGChart
        let conditions: [Headline]
        let meetings: [MeetingRow]
        let hasMeetings: Bool
        let meetingFigures: [Headline]
        let versions: [VersionRow]
        let hasVersions: Bool
        let deliverables: [DeliverableRow]
        let hasDeliverables: Bool
        /// "… and N more" when the list is cut (`ReportStore.annual`'s `listLimit`).
        let deliverablesMore: String?
        let deliverableKinds: [Headline]
        var incidentFigures: [Headline] = []
        var incidentCharts: [SVGChart] = []
        /// Systems overdue for review on the day the report is read (issue 18).
        var systemsOverdue: SystemsOverdue? = nil
    }
    struct MeetingRow: Sendable {
        let date: String
        let title: String
        let invited: String
        let present: String
    }
    struct VersionRow: Sendable {
        let document: String
        let number: Int
        let kind: String
        let note: String
        let date: String
    }
    struct DeliverableRow: Sendable {
        let title: String
        let kind: String
        let date: String
    }
}
