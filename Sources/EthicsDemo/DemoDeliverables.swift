import EthicsCommittee
import Foundation

/// The committee's deliverables other than case opinions (benchmarks, charter proposals, recommendations,
/// training reviews, annual reports), and the documents project owners attach to their cases.
enum DemoDeliverables {
    struct Plan {
        var kind: DeliverableKind
        var title: String
        var owner: DemoPerson
        var created: Date
        var due: Date
        /// When it was started and delivered, if it was; `cancelled` ends it instead.
        var started: Date?
        var delivered: Date?
        var cancelled: Date?
        var body: DemoText
    }

    static func events(_ world: DemoWorld, _ plans: [Plan], secretary: DemoPerson) -> [DemoEvent] {
        let store = DeliverableStore(db: world.db, clock: world.clock.appClock)
        let ids = DemoIds()
        var events: [DemoEvent] = []
        for (index, plan) in plans.enumerated() {
            events.append(DemoEvent(at: plan.created, audits: 1, work: .alone { state in
                let draft = DeliverableDraft(kind: plan.kind, title: plan.title, ownerId: state.userId(plan.owner.email),
                                             dueOn: DemoDate.iso(plan.due), caseId: nil, meetingId: nil, body: plan.body.markdown)
                ids.set(index, try await store.create(draft, bodyHTML: plan.body.html, by: secretary.actor(state)))
            }))
            for (moment, status) in [(plan.started, DeliverableStatus.inProgress), (plan.delivered, .delivered), (plan.cancelled, .cancelled)] {
                guard let moment else { continue }
                events.append(DemoEvent(at: moment, audits: 1, work: .alone { state in
                    try await store.move(id: ids.get(index), to: status, by: plan.owner.actor(state))
                }))
            }
        }
        return events
    }

    /// `count` deliverables spread over the history: most delivered on time, some late, some still open or overdue.
    static func generated(_ count: Int, owners: [DemoPerson], from: Date, to: Date, rng: inout DemoRandom) -> [Plan] {
        let kinds: [(DeliverableKind, String)] = [
            (.benchmark, "Benchmark of AI vendors"), (.charterProposal, "Charter proposal"),
            (.governanceRecommendation, "Governance recommendation"), (.trainingReview, "Review of the training programme"),
            (.annualReport, "Annual report"), (.other, "Note to the executive committee"),
        ]
        let span = to.timeIntervalSince(from)
        return (0..<count).map { index in
            let (kind, label) = rng.pick(kinds)
            let created = from + span * (Double(index) + Double.random(in: 0..<1, using: &rng)) / Double(max(1, count))
            let due = created + rng.days(20...120)
            var plan = Plan(kind: kind, title: "\(label) no. \(index + 1)", owner: rng.pick(owners), created: created, due: due,
                            body: DemoText("Scope, method and expected outcome agreed with the committee."))
            if created + 5 * DemoDate.day < to { plan.started = created + rng.days(1...5) }
            if let started = plan.started, rng.chance(0.8) {
                let delivered = started + rng.days(10...140)
                if delivered < to { plan.delivered = delivered }
            } else if let started = plan.started, rng.chance(0.2) {
                plan.cancelled = min(started + rng.days(5...30), to - 3600)
            }
            return plan
        }
    }

    /// The small committee's deliverables, by name.
    static func small(_ world: DemoWorld, person: (String) -> DemoPerson) -> [Plan] {
        [
            Plan(kind: .benchmark, title: "Benchmark of large language model vendors", owner: person("Priya Raman"),
                 created: world.daysAgo(200), due: world.daysAgo(120), started: world.daysAgo(195), delivered: world.daysAgo(125),
                 body: DemoText("Five vendors compared on **data residency**, retention, audit rights and published evaluations.")),
            Plan(kind: .annualReport, title: "Annual report of the committee", owner: DemoRoster.secretary,
                 created: world.daysAgo(90), due: world.daysAgo(30), started: world.daysAgo(80), delivered: world.daysAgo(33),
                 body: DemoText("Cases reviewed, decisions and conditions, meetings and attendance, charter changes.")),
            Plan(kind: .charterProposal, title: "Charter article on generative AI", owner: person("Hélène Marchand"),
                 created: world.daysAgo(60), due: world.daysAgo(-20), started: world.daysAgo(50),
                 body: DemoText("Wording for labelling generated content and keeping a person reachable.")),
            Plan(kind: .governanceRecommendation, title: "Recommendation on emotion recognition", owner: person("Samuel Okafor"),
                 created: world.daysAgo(70), due: world.daysAgo(10),
                 body: DemoText("No inference of emotions from voice or text, except reviewed safety uses.")),
            Plan(kind: .trainingReview, title: "Review of the AI Act training for internal members", owner: person("Nadia Haddad"),
                 created: world.daysAgo(25), due: world.daysAgo(-45),
                 body: DemoText("Two half-day sessions; feedback collected from participants.")),
        ]
    }
}

/// The documents project owners attach (a data-protection impact assessment, a vendor's model card), as small
/// but real PDF files, stored the way uploads are.
enum DemoAttachments {
    static func events(_ world: DemoWorld, directory: String, cases: [(script: Int, owner: DemoPerson, at: Date)]) -> [DemoEvent] {
        let store = CaseAttachmentStore(db: world.db, clock: world.clock.appClock, directory: directory)
        return cases.flatMap { item in
            [("Data protection impact assessment.pdf", "Data protection impact assessment"), ("Vendor model card.pdf", "Vendor model card")]
                .enumerated().map { offset, file in
                    DemoEvent(at: item.at + Double(offset + 1) * 3600, audits: 1, work: .alone { state in
                        try await store.add(caseId: state.caseId(item.script), filename: file.0, type: AttachmentType.detect(pdf(file.1), filename: file.0)!,
                                            bytes: pdf(file.1), by: item.owner.actor(state))
                    })
                }
        }
    }

    /// A one-page PDF with a title line: the objects, then the cross-reference table with their byte offsets.
    static func pdf(_ title: String) -> [UInt8] {
        let text = title.unicodeScalars.filter { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" }.map(String.init).joined()
        let stream = "BT /F1 18 Tf 72 770 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(body.utf8)
    }
}
