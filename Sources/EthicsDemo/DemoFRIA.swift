import EthicsCommittee
import Foundation

/// A demo project that needs a fundamental-rights impact assessment (Art. 27): instalment-plan eligibility scoring,
/// a creditworthiness evaluation (Annex III 5(b)) the company deploys. Filed by its owner at the end of the demo's
/// year with its assessment written, it waits for the secretary's triage. Written through the stores.
enum DemoFRIA {
    static let title = "Eligibility scoring for instalment plans"

    static func add(_ world: DemoWorld) async throws {
        let person = DemoRoster.owners[0]
        guard let owner = try await world.users.find(email: person.email) else { return }
        let actor = AuditActor(id: owner.id, label: person.email, client: person.client)
        var answers = ["scope.ai_system": "yes", "scope.exclusion": "none", "role.operator": "deployer", "annex3.use": "5b",
                       "art6_3.profiling": "yes", "art6_3.derogation": "no", "fria.public_service": "no", "gpai.kind": "none"]
        for question in AIActQuestionnaire.questions where question.kind == .yesNo { answers[question.id] = answers[question.id] ?? "no" }
        let description = """
            Customers asking to pay a repair or a new device in instalments are scored by the vendor's model on their \
            payment history with us; a low score sends the request to a credit analyst, who decides.
            """
        let draft = CaseDraft(
            title: title, team: "Billing and refunds", vendor: "CrediSense", kind: .tool, customerFacing: true, personalData: true,
            confidential: false, description: description,
            answers: DemoProject.answers("yyyy yyyy yyyy yyy yypy yyyy"),
            notes: ["governance.purpose": "Offer instalment plans quickly to customers who can afford them.",
                    "governance.affected": "Residential customers asking for an instalment plan (about 3,000 a month).",
                    "governance.oversight": "A credit analyst reviews every low score before any refusal.",
                    "data.retention": "Scores are kept 13 months, then deleted."],
            aiActAnswers: AIActQuestionnaire.relevant(answers))
        world.clock.set(world.end + 60)
        let id = try await world.cases.create(draft, descriptionHTML: (try? Markdown.html(description)) ?? "", submitterId: owner.id, by: actor)
        world.clock.set(world.end + 120)
        try await world.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: actor)
        world.clock.set(world.end + 600)
        _ = try await FRIAStore(db: world.db, clock: world.clock.appClock).save(caseId: id, FRIA(
            processes: "Requests for an instalment plan in shops and online; the score only routes a request: a high score is accepted at once, a low one goes to an analyst.",
            period: "Every request, all year round, for the two-year contract with the vendor; reviewed after six months.",
            persons: "Residential customers asking for an instalment plan, among them people in financial difficulty and customers with a short payment history (young people, newcomers).",
            risks: "Indirect discrimination through proxies in the payment history; unjustified delays for low scores; a refusal felt as final although an analyst decides; errors in the vendor's data.",
            oversight: "Two trained credit analysts review every low score and may override it; monthly sample of accepted requests; the vendor's instructions for use are followed (Art. 26(1)).",
            measures: "A customer may ask for the reasons and contest a decision through the billing complaints desk (answer within 15 days); the risk committee suspends the model if error rates rise; incidents are reported to the vendor."),
            base: 0, by: actor)
    }
}
