import EthicsCommittee

/// Texts the demo's people write: notes on readiness gaps, reviews, comments, opinions, conditions.
/// Each Markdown text comes with its HTML, rendered once here (as the stores keep it).
struct DemoText: Sendable {
    let markdown: String
    let html: String
    init(_ markdown: String) { self.markdown = markdown; html = (try? Markdown.html(markdown)) ?? "" }
}

enum DemoTexts {
    /// A note for an answer that is not "yes", per question.
    static let gapNotes: [String: String] = [
        "governance.purpose": "The purpose is written down but not yet agreed with the business owner.",
        "governance.affected": "Customers are listed; the effect on agents is still being described.",
        "governance.oversight": "A supervisor reviews a sample each week; no one owns the overall decision yet.",
        "governance.disclosure": "The disclosure text is drafted; legal has not approved it.",
        "data.legal_basis": "Legitimate interest is assumed; the balancing test is not written.",
        "data.dpa": "The supplier's DPA is under negotiation.",
        "data.retention": "Retention is 12 months by default; we are checking whether 90 days is enough.",
        "data.dpo": "The DPO has been informed but not yet consulted formally.",
        "crisis.fallback": "The fallback exists in business hours only.",
        "crisis.escalation": "Escalation to a human works in chat, not yet by phone.",
        "crisis.feedback": "Customers can rate answers; agents have no way to report errors yet.",
        "crisis.owner": "The supplier fixes errors; no one at Acme is named to follow them up.",
        "quality.centralised": "Two knowledge bases remain (chat and phone); merging is planned.",
        "quality.structured": "About half the articles are tagged.",
        "quality.maintained": "Articles have owners, but reviews are not scheduled.",
        "training.fundamentals": "An e-learning module exists; it is not compulsory.",
        "training.practice": "Practical sessions are planned for pilot teams only.",
        "training.errors": "Not covered yet.",
        "training.ethics": "Planned for the second wave.",
        "change.roles": "The effect on team leaders' work is not described.",
        "change.communication": "Announced at the site meeting; no written communication yet.",
        "change.feedback": "A feedback channel will open after launch.",
        "change.champions": "No champions named yet.",
    ]

    static let reviews: [Recommendation: [DemoText]] = [
        .favourable: [
            DemoText("""
                The project is well prepared. Customers are told they talk to an AI, can reach a person at once, \
                and the data stays in the EU under a signed DPA.

                I recommend a **favourable** opinion.
                """),
            DemoText("""
                Low risk: internal tool, no personal data, articles only (no generated text). The nightly rebuild of \
                the index answers my only question. **Favourable.**
                """),
        ],
        .conditions: [
            DemoText("""
                The purpose is legitimate and the safeguards are mostly in place. Two gaps remain:

                - agents are not yet trained to spot and report wrong suggestions (charter, article 6.3);
                - acceptance rates must never be used to assess individual agents (article 2.3).

                **Favourable with conditions** on both points.
                """),
            DemoText("""
                I support the project provided the retention period is set before launch and the fallback at night \
                is tested with real callers. **Favourable with conditions.**
                """),
            DemoText("""
                Good file. The weekly manual sample should be kept for at least six months after launch and its \
                results shared with the committee. **Favourable with conditions.**
                """),
        ],
        .unfavourable: [
            DemoText("""
                Scoring agents' "empathy" from their voice and using it in yearly reviews is a form of workplace \
                surveillance the charter does not allow (article 7), and the model's accuracy across accents is \
                not documented. **Unfavourable.**
                """),
            DemoText("""
                Without a live fallback at night, a caller in distress may reach no one. I cannot support the \
                project as it stands. **Unfavourable.**
                """),
        ],
    ]

    static let comments: [DemoText] = [
        DemoText("Has the DPO seen the latest version of the DPA? The one attached in the file is a draft."),
        DemoText("The supplier confirmed in writing that conversations are not used to train its models."),
        DemoText("I would like the staff representatives' view before we decide. Could the secretary ask them?"),
        DemoText("The pilot figures look good, but the sample is small (two teams, three weeks)."),
        DemoText("Reminder: the charter's article 2.2 asks for a human within **two exchanges**. The current flow needs three."),
        DemoText("Agreed with the previous comment. Let's make it a condition rather than refuse."),
        DemoText("Accessibility: is the chat widget usable with a screen reader? Worth checking before launch."),
        DemoText("The vendor's model card is attached; error rates are only given for English."),
    ]

    static let opinions: [DecisionOutcome: [DemoText]] = [
        .favourable: [
            DemoText("""
                The committee gives a **favourable** opinion. The project complies with the charter; the committee \
                asks to receive the usage figures after six months.
                """),
        ],
        .conditions: [
            DemoText("""
                The committee gives a **favourable opinion with conditions**. The project may start once the \
                conditions below are met; the secretary follows them up.
                """),
        ],
        .unfavourable: [
            DemoText("""
                The committee gives an **unfavourable** opinion. The project as described is not compatible with the \
                charter (articles 2 and 7). A revised project may be submitted.
                """),
        ],
    ]

    static let conditions = [
        "Train every agent concerned on handling AI errors (module 3) before launch.",
        "State in writing that acceptance rates are never used to assess individual agents.",
        "Set the retention period of transcripts and recordings to 90 days at most.",
        "Test the fallback to a human with real customers during a two-week pilot.",
        "Sign the data processing agreement with the supplier before any production data is sent.",
        "Present the project to the staff representatives before deployment.",
        "Report the results of the weekly manual sample to the committee every quarter for a year.",
        "Add the disclosure sentence approved by legal to the first message.",
    ]

    static let evidence = [
        "Training completed by all agents; attendance sheet sent to the secretary.",
        "Written commitment signed by the head of operations.",
        "Retention set to 90 days in the supplier's console; screenshot in the file.",
        "Pilot report received: 96 % of hand-overs within two exchanges.",
        "DPA signed by both parties.",
        "Presented to the works council; minutes received.",
    ]

    static let recusals = [
        "I hold shares in the supplier.",
        "My firm advised this supplier in the past two years.",
        "I sit on the supplier's advisory board.",
        "I took part in choosing this supplier for Acme.",
    ]
}
