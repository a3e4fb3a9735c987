import EthicsCommittee
import Foundation

/// What the demo's meetings discuss and how their minutes read.
enum DemoMeetingTexts {
    struct Topic: Sendable {
        let title: String
        let note: DemoText
    }

    static let topics: [Topic] = [
        Topic(title: "Quarterly review of open conditions", note: DemoText("""
            The secretary presents the conditions still open and those past due. Owners of overdue conditions are asked \
            for a date, and the committee decides whether a case must come back for review.
            """)),
        Topic(title: "Proposal: a charter article on generative AI", note: DemoText("""
            Draft wording for a new article:

            > Generated content shown to customers is labelled as such, and a person can always be reached.

            The committee is asked to adopt the principle; the wording goes to the next charter version.
            """)),
        Topic(title: "Training plan for internal members", note: DemoText("""
            Two half-day sessions on the **EU AI Act** risk classes and on bias testing, given by external members. \
            Proposed dates in the next quarter.
            """)),
        Topic(title: "Benchmark of large language model vendors", note: DemoText("""
            Results of the comparison of five vendors on data residency, retention, audit rights and evaluation \
            reports. The committee is asked to adopt the benchmark as a reference for reviewers.
            """)),
        Topic(title: "Annual report: outline and owners", note: DemoText("""
            Sections: cases reviewed, decisions and conditions, meetings and attendance, charter changes, \
            deliverables. Each section gets an owner and a date.
            """)),
        Topic(title: "Recommendation on emotion recognition", note: DemoText("""
            The committee recommends that no project infer customers' or employees' emotions from voice or text, \
            except for safety uses reviewed case by case.
            """)),
        Topic(title: "Independence declarations due this quarter", note: DemoText("""
            Members whose declaration is more than a year old are reminded to sign it again before the next meeting.
            """)),
        Topic(title: "Feedback from project owners on the review process", note: DemoText("""
            Project owners ask for the readiness questions earlier in their projects. Proposal: publish the \
            questionnaire on the intranet.
            """)),
    ]

    static let adopted = DemoText("Adopted. The secretary records it in the committee's register.")
    static let rejected = DemoText("Not adopted: the committee asks for a revised proposal at a later meeting.")
    static let minutesApproved = DemoText("The minutes of the previous meeting are approved without changes.")
    static let dissent = "I support the aim, but the proposal needs a clearer scope before I can vote for it."

    /// The secretary's text: the discussion under each item's heading. Attendance, votes and resolutions come
    /// from the record in the printed minutes, so the text does not repeat them.
    static func minutes(items: [AgendaItem]) -> String {
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            let heading = item.kind == .minutes ? "Approval of the minutes of \(item.title)" : item.caseTitle ?? item.title
            lines += ["## \(index + 1). \(heading)", ""]
            switch item.outcome {
            case .adopted?: lines += ["The rapporteur presented the item and answered the members' questions before the vote.", ""]
            case .rejected?: lines += ["The members found the proposal incomplete and asked for a revised version.", ""]
            default: lines += ["The item was discussed and carried over to a later meeting.", ""]
            }
        }
        lines += ["## Other business and closing", "", "No other business. The chair closes the meeting.", ""]
        return lines.joined(separator: "\n")
    }
}
