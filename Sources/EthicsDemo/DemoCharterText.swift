import EthicsCommittee

/// The demo's governance documents: three versions of the charter (two substantive, one editorial)
/// and the rules of procedure.
enum DemoCharterText {
    static let v1 = """
        # Charter of the AI Ethics Committee

        Acme deploys artificial intelligence in its customer service to serve customers better, never to \
        serve them less. This charter states the principles the committee applies to every project it reviews.

        ## Article 1 — Purpose

        The committee gives an independent opinion on every planned use of AI that affects customers or \
        employees: tools, changes of process, training programmes.

        ## Article 2 — Human oversight

        1. A person remains responsible for every decision that matters to a customer.
        2. Customers can always reach a human agent, without having to insist.
        3. Agents may overrule any suggestion made by an AI system.

        ## Article 3 — Transparency

        Customers are told when they talk or write to an AI system.

        ## Article 4 — Personal data

        Personal data is processed on a documented legal basis, kept no longer than needed, and never \
        used to train a supplier's models without the customers' consent. The data protection officer is \
        consulted before any review.

        ## Article 5 — Fairness

        Projects are checked for effects that differ by language, age, disability or place of residence.

        ## Article 6 — Independence

        Members declare their interests and withdraw from any case where a conflict could be seen.
        """

    /// Substantive: generative AI, the right to a human, staff.
    static let v2 = """
        # Charter of the AI Ethics Committee

        Acme deploys artificial intelligence in its customer service to serve customers better, never to \
        serve them less. This charter states the principles the committee applies to every project it reviews.

        ## Article 1 — Purpose

        The committee gives an independent opinion on every planned use of AI that affects customers or \
        employees: tools, changes of process, training programmes.

        ## Article 2 — Human oversight

        1. A person remains responsible for every decision that matters to a customer.
        2. Customers can always reach a human agent, without having to insist, **within two exchanges** \
        with an automated system.
        3. Agents may overrule any suggestion made by an AI system, and are never assessed on how often \
        they accept its suggestions.

        ## Article 3 — Transparency

        Customers are told, at the start of the conversation, when they talk or write to an AI system, \
        and when a reply was written with the help of one.

        ## Article 4 — Personal data

        Personal data is processed on a documented legal basis, kept no longer than needed, and never \
        used to train a supplier's models without the customers' consent. The data protection officer is \
        consulted before any review. A data processing agreement is signed with every supplier.

        ## Article 5 — Fairness

        Projects are checked for effects that differ by language, age, disability or place of residence.

        ## Article 6 — Generative AI

        1. Generated answers rely only on the verified knowledge base; their sources can be traced.
        2. Every project plans what happens when the system fails: fallback, escalation, and who corrects it.
        3. Agents are trained before they use a generative tool: its limits, its errors, and ethics.

        ## Article 7 — Staff

        The effects of a project on jobs and working conditions are presented to the staff representatives \
        before deployment.

        ## Article 8 — Independence

        Members declare their interests and withdraw from any case where a conflict could be seen.
        """

    /// Editorial: wording only.
    static let v3 = v2
        .replacingOccurrences(of: "with an automated system.",
                              with: "with an automated system (a chatbot, a voice bot or an e-mail assistant).")
        .replacingOccurrences(of: "kept no longer than needed", with: "kept no longer than the documented retention period")
        .replacingOccurrences(of: "their sources can be traced", with: "the sources of each answer can be traced")

    static let rules = """
        # Rules of procedure

        ## 1. Referral

        Any project owner may refer a planned AI project to the committee through the platform, with the \
        readiness assessment completed. The secretary checks the file within five working days and may \
        ask questions.

        ## 2. Reviewers

        The secretary assigns one reviewer or more, with a due date. High-risk cases get two reviewers, one \
        of them external. A reviewer who has a conflict of interest declares it and withdraws at once.

        ## 3. Decisions

        Low and medium-risk cases may be decided by written procedure. High-risk cases are decided in a \
        meeting, by a majority of the voting members present, the quorum being met. Recused members do not vote.

        ## 4. Opinions

        The opinion is favourable, favourable with conditions, or unfavourable. Conditions have an owner \
        and a due date; the case closes when all of them are met.

        ## 5. Confidentiality

        Members keep confidential what they learn through the committee. Confidential cases are seen only \
        by the secretariat and the assigned reviewers.
        """
}
