import EthicsCommittee

/// The kinds of project a customer-service committee sees, each with a description and a typical
/// readiness profile (one letter per question, in `Readiness.questionIds` order: y(es), p(artly), n(o)).
struct DemoProject: Sendable {
    let key: String
    let title: String
    let team: String
    let vendor: String
    let kind: CaseKind
    let customerFacing: Bool
    let personalData: Bool
    let profile: String
    let description: String
    /// What the secretary asks the owner when the file is incomplete.
    let question: String
    let answer: String

    /// The profile as answers.
    var answers: [String: Readiness.Answer] { DemoProject.answers(profile) }

    static func answers(_ profile: String) -> [String: Readiness.Answer] {
        let letters = profile.filter { $0 != " " }.map { $0 }
        var answers: [String: Readiness.Answer] = [:]
        for (index, id) in Readiness.questionIds.enumerated() where index < letters.count {
            switch letters[index] {
            case "y": answers[id] = .yes
            case "p": answers[id] = .partly
            case "n": answers[id] = .no
            default: break  // "-": not answered yet
            }
        }
        return answers
    }
}

enum DemoProjects {
    static let chatbot = DemoProject(
        key: "chatbot", title: "Website chatbot for first-level questions", team: "Digital customer care", vendor: "Parlo AI",
        kind: .tool, customerFacing: true, personalData: true, profile: "yyyy yyyp yyyy yyy yypy yppy",
        description: """
            A generative chatbot on the help pages of the website answers first-level questions (opening hours, \
            invoices, moving house, parcel tracking) from the **verified knowledge base** only.

            ## What changes for customers
            - The chatbot introduces itself as an AI assistant in its first message.
            - A "Talk to an agent" button is shown from the first exchange; after two unresolved exchanges the \
            conversation is handed to an agent with its history.

            ## Data
            Conversations are kept 90 days, then deleted. Parlo AI processes them in the EU under a signed DPA \
            and does not train its models on them.
            """,
        question: "Which answers may the chatbot give about invoices, and who checks them before launch?",
        answer: "Only the 40 invoice articles of the knowledge base; the billing team reviewed each of them in March.")

    static let agentAssist = DemoProject(
        key: "agent_assist", title: "Agent assist: suggested replies in the CRM", team: "Contact centre — Lyon", vendor: "ClearDesk",
        kind: .tool, customerFacing: true, personalData: true, profile: "yyyp yyyy yyyp ypy pnpn ppnp",
        description: """
            While an agent answers a chat or an e-mail, ClearDesk suggests a reply drafted from the customer's \
            history and the knowledge base. The agent edits, accepts or discards it; nothing is sent without them.

            ## Expected effects
            - Shorter handling time on simple requests (target: −20 %).
            - More consistent answers between sites.

            ## Open points
            The training of the 250 agents is still being designed, and the staff representatives have not yet \
            been consulted on how acceptance rates will be used.
            """,
        question: "Will acceptance rates of suggestions be reported per agent, and to whom?",
        answer: "No: only per team, to the site managers, and never used in individual reviews.")

    static let emailTriage = DemoProject(
        key: "email_triage", title: "E-mail triage and routing with a language model", team: "Customer mail centre", vendor: "Nimbus CX",
        kind: .process, customerFacing: false, personalData: true, profile: "yypy yyyy ypyy ppy yypy yypp",
        description: """
            Incoming customer e-mails (about 6,000 a day) are classified by a language model into 14 reasons and \
            routed to the right queue, with an urgency flag for complaints and vulnerable customers.

            ## Safeguards
            - Messages the model is unsure about go to a human triage queue.
            - A weekly sample of 200 messages is checked by hand.
            """,
        question: "How are vulnerable customers detected, and what happens when the model misses one?",
        answer: "A keyword list agreed with the customer-protection team, plus the model; missed cases found in the weekly sample are reported to the committee every quarter.")

    static let voiceBot = DemoProject(
        key: "voice_bot", title: "Voice bot for out-of-hours calls", team: "Contact centre — night service", vendor: "VoxMetrics",
        kind: .tool, customerFacing: true, personalData: true, profile: "yypy ypyy pppy ypy ppyp yppn",
        description: """
            Between 8 pm and 8 am, calls are answered by a voice bot that identifies the caller, handles simple \
            requests (balance, outage information, appointment changes) and books a call-back for the rest.

            ## Points for the committee
            - Callers are told at once that they speak to an automated assistant.
            - Voice recordings are transcribed by VoxMetrics; retention is still under discussion.
            - When the bot fails, the caller is offered a call-back, but no live fallback exists at night.
            """,
        question: "What does a caller in distress reach at night when the voice bot cannot help?",
        answer: "The emergency line of the on-call supervisor, announced in the first menu; tested with the night team in May.")

    static let kbSearch = DemoProject(
        key: "kb_search", title: "Semantic search in the agents' knowledge base", team: "Knowledge management", vendor: "",
        kind: .tool, customerFacing: false, personalData: false, profile: "yyyy yyyy yypy yyy yyyy yypy",
        description: """
            Agents search the knowledge base in plain words instead of keywords. The model runs on Acme's own \
            servers and indexes only published articles; it returns articles, never generated text.
            """,
        question: "Who keeps the index in step with the knowledge base when articles are withdrawn?",
        answer: "The index is rebuilt every night from the published articles only; withdrawn ones disappear the next morning.")

    static let training = DemoProject(
        key: "training", title: "Generative AI training programme for 400 agents", team: "Learning and development", vendor: "",
        kind: .training, customerFacing: false, personalData: false, profile: "yyyy yyyy ppyp yyp yppy pyyp",
        description: """
            A four-module programme for every agent before generative tools are rolled out:

            1. Fundamentals: what a language model is and is not.
            2. Practical use and prompting, on real cases.
            3. Handling errors: spotting a wrong answer, correcting it, reporting it.
            4. Ethics: transparency with customers, personal data, the committee's charter.
            """,
        question: "Which module covers handling AI errors, and who trains the trainers?",
        answer: "Module 3; the trainers follow the course of the AI engineering team first, with an assessment.")

    static let callSummaries = DemoProject(
        key: "call_summaries", title: "Automatic call summaries in the CRM", team: "Contact centre — Lille", vendor: "Nimbus CX",
        kind: .tool, customerFacing: false, personalData: true, profile: "yyyy yppy yyyy yyy ypyy pypy",
        description: """
            After each call, a summary is drafted from the transcript and proposed to the agent, who corrects and \
            saves it in the customer's record. Transcripts are deleted after 24 hours.
            """,
        question: "Is the customer told that the call is transcribed to write the summary?",
        answer: "Yes, in the welcome message, with the possibility to refuse; the agent then writes the summary by hand.")

    static let sentiment = DemoProject(
        key: "sentiment", title: "Sentiment scoring of agents' calls", team: "Quality assurance", vendor: "VoxMetrics",
        kind: .tool, customerFacing: false, personalData: true, profile: "ppnp pnyp pypn ypy nnpn nnnp",
        description: """
            Every recorded call is scored for customer sentiment and agent "empathy"; scores would feed the \
            quality dashboards and the agents' yearly reviews.
            """,
        question: "Have the staff representatives been consulted on the use of scores in individual reviews?",
        answer: "Not yet.")

    static let churn = DemoProject(
        key: "churn", title: "Proactive messages to customers likely to leave", team: "Customer retention", vendor: "Parlo AI",
        kind: .process, customerFacing: true, personalData: true, profile: "ypyp ppyp pyyp ypp ---- ----",
        description: """
            A model flags customers likely to cancel their contract; the retention team sends them a personalised \
            message written with a generative tool, with an offer.
            """,
        question: "On which legal basis are customers profiled, and can they object?",
        answer: "Legitimate interest, with an opt-out link in every message; the DPO is reviewing the balancing test.")

    static let translation = DemoProject(
        key: "translation", title: "Live translation in chat for non-French speakers", team: "Digital customer care", vendor: "LinguaBridge",
        kind: .tool, customerFacing: true, personalData: true, profile: "yyyy ypyy yyyy yyp yyyy yyyy",
        description: """
            Customers may chat in English, Arabic, Spanish or Portuguese; messages are translated both ways and \
            the customer sees that a machine translation is used, with the original text available.
            """,
        question: "What happens to contract terms translated automatically?",
        answer: "Contract terms are never translated on the fly: the agent sends the official translated document.")

    static let refunds = DemoProject(
        key: "refunds", title: "Fraud screening of refund requests", team: "Billing and refunds", vendor: "",
        kind: .process, customerFacing: false, personalData: true, profile: "yypp yyyy pyyy yyy yypy ppyy",
        description: """
            Refund requests above €200 are scored for fraud risk; high scores are held for a manual check. No \
            request is refused by the model alone.
            """,
        question: "How long is a held refund delayed, at most, and is the customer told why?",
        answer: "Five working days at most; the customer is told that a manual check is under way, not the score.")

    static let handover = DemoProject(
        key: "handover", title: "Chatbot hand-over to human agents (phase 2)", team: "Digital customer care", vendor: "Parlo AI",
        kind: .process, customerFacing: true, personalData: true, profile: "yyyy yyyy yyyy yyy yyyy yyyy",
        description: """
            Phase 2 of the website chatbot: the conversation and the bot's summary are passed to the agent who \
            takes over, so the customer never repeats themself.
            """,
        question: "Is the bot's summary shown to the customer as well?",
        answer: "Yes, the customer sees the summary the agent receives, and can correct it.")

    /// Each project's description as HTML, rendered once (the case store keeps it with the case).
    static func html(_ project: DemoProject) -> String { descriptions[project.key] ?? "" }
    private static let descriptions = Dictionary(uniqueKeysWithValues: all.map { ($0.key, (try? Markdown.html($0.description)) ?? "") })

    static let all = [chatbot, agentAssist, emailTriage, voiceBot, kbSearch, training, callSummaries, sentiment, churn,
                      translation, refunds, handover]
}
