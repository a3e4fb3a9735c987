import EthicsCommittee
import Foundation

/// The small demo's dozen cases and the people in them, oldest first.
struct DemoSmallCases {
    let world: DemoWorld
    let sophie = DemoSmall.person("Sophie Laurent"), karim = DemoSmall.person("Karim Diallo"), anna = DemoSmall.person("Anna Kowalska")
    let david = DemoSmall.person("David Chen"), secretary = DemoRoster.secretary
    let helene = DemoSmall.person("Hélène Marchand"), samuel = DemoSmall.person("Samuel Okafor"), ines = DemoSmall.person("Inès Benali")
    let thomas = DemoSmall.person("Thomas Weber"), priya = DemoSmall.person("Priya Raman"), marc = DemoSmall.person("Marc Lefèvre")
    let julia = DemoSmall.person("Julia Novak"), nadia = DemoSmall.person("Nadia Haddad"), olivier = DemoSmall.person("Olivier Martin")
    let emma = DemoSmall.person("Emma Schneider")
    let comments = DemoTexts.comments
    let conditions = DemoTexts.conditions

    func shape(_ project: DemoProject, _ owner: DemoPerson, daysAgo: Double, _ target: CaseStatus, title: String? = nil,
           profile: String? = nil) -> DemoCaseShape {
        DemoCaseShape(project: project, title: title ?? project.title, answers: profile.map(DemoProject.answers) ?? project.answers,
                  owner: owner, created: world.daysAgo(daysAgo), target: target)
    }

    /// The earliest cases (five to nine months ago), now closed or withdrawn.
    func settled() -> [DemoCaseShape] {
        var chatbot = shape(DemoProjects.chatbot, sophie, daysAgo: 270, .closed)
        chatbot.reviewers = [marc, nadia]
        chatbot.recommendations = [.conditions, .favourable]
        chatbot.comments = [(olivier, comments[6]), (nadia, comments[1])]
        chatbot.outcome = .conditions
        chatbot.conditions = [(conditions[7], sophie, 30), (conditions[3], sophie, 45)]
        chatbot.conditionsMet = 2

        var voiceV1 = shape(DemoProjects.voiceBot, sophie, daysAgo: 240, .closed, title: "Voice bot for out-of-hours calls (first version)",
                            profile: "yypn ypnp nppy ypy ppnp ypnn")
        voiceV1.reviewers = [julia, emma]
        voiceV1.recommendations = [.unfavourable, .unfavourable]
        voiceV1.comments = [(emma, comments[2]), (julia, comments[3])]
        voiceV1.outcome = .unfavourable

        var kb = shape(DemoProjects.kbSearch, anna, daysAgo: 225, .closed)
        kb.reviewers = [priya]
        kb.recommendations = [.favourable]
        kb.outcome = .favourable

        var sentiment = shape(DemoProjects.sentiment, karim, daysAgo: 205, .withdrawn)
        sentiment.confidential = true
        sentiment.withdrawFrom = .inReview
        sentiment.reviewers = [julia, emma]
        sentiment.recommendations = [.unfavourable]
        sentiment.comments = [(emma, comments[2])]

        var handover = shape(DemoProjects.handover, sophie, daysAgo: 175, .closed)
        handover.reviewers = [thomas]
        handover.recommendations = [.favourable]
        handover.outcome = .favourable
        return [chatbot, voiceV1, kb, sentiment, handover]
    }

    /// The cases still moving: decided with conditions open, in review, waiting for answers, submitted, drafted, withdrawn.
    func current() -> [DemoCaseShape] {
        var agentAssist = shape(DemoProjects.agentAssist, karim, daysAgo: 130, .decided)
        agentAssist.reviewers = [samuel, nadia]
        agentAssist.recusing = ines
        agentAssist.recommendations = [.conditions, .conditions]
        agentAssist.comments = [(secretary, comments[4]), (samuel, comments[5]), (emma, comments[2])]
        agentAssist.outcome = .conditions
        agentAssist.conditions = [(conditions[1], karim, 20), (conditions[0], karim, 30), (conditions[5], secretary, 150)]
        agentAssist.conditionsMet = 1

        var translation = shape(DemoProjects.translation, sophie, daysAgo: 100, .decided)
        translation.reviewers = [marc]
        translation.recommendations = [.favourable]
        translation.comments = [(marc, comments[7])]
        translation.outcome = .favourable

        var triage = shape(DemoProjects.emailTriage, karim, daysAgo: 62, .inReview)
        triage.question = true
        triage.reviewers = [thomas, julia]
        triage.recommendations = [.conditions]
        triage.comments = [(thomas, comments[0])]

        var voice = shape(DemoProjects.voiceBot, sophie, daysAgo: 38, .inReview, title: "Voice bot for out-of-hours calls (revised)")
        voice.reviewers = [helene, marc]
        voice.recusing = priya
        voice.recommendations = [.conditions]
        voice.comments = [(helene, comments[3]), (nadia, comments[6])]
        voice.pace = 0.6

        var refunds = shape(DemoProjects.refunds, karim, daysAgo: 20, .inReview)
        refunds.confidential = true
        refunds.reviewers = [ines, olivier]
        refunds.pace = 0.5

        let training = shape(DemoProjects.training, david, daysAgo: 15, .needsInfo)
        let summaries = shape(DemoProjects.callSummaries, karim, daysAgo: 6, .submitted)
        let churn = shape(DemoProjects.churn, sophie, daysAgo: 3, .draft)
        var phase3 = shape(DemoProjects.handover, sophie, daysAgo: 12, .withdrawn, title: "Chatbot hand-over: voice channel (phase 3)")
        phase3.withdrawFrom = .draft
        return [agentAssist, translation, triage, voice, refunds, training, summaries, churn, phase3]
    }
}
