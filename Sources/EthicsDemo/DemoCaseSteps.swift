import EthicsCommittee
import Foundation
import GRDB

/// Writes one demo case's steps through the case stores, each inside the batch transaction of its moment.
struct DemoCaseSteps: Sendable {
    let shape: DemoCaseShape
    /// The case's place in its script: its id is learnt when it is created.
    let index: Int
    let world: DemoWorld
    let secretary: DemoPerson
    let schedule: DemoCharterSchedule

    func event(_ step: DemoLifecycle.Step, at: Date) -> DemoEvent {
        switch step {
        case .create: create(at)
        case .submit: move(at, from: .draft, to: .submitted, .submit, by: shape.owner)
        case .ask: ask(at)
        case .answer: answer(at)
        case .assign(let number, let first): assign(shape.reviewers[number], first: first, at)
        case .assignRecusing(let first): assign(shape.recusing!, first: first, at)
        case .recuse(let reason): recuse(reason, at)
        case .review(let number, let recommendation): review(number, recommendation, at)
        case .comment(let number): comment(number, at)
        case .decide: decide(at)
        case .meet(let number, let closes): meet(number, closes: closes, at)
        case .close: move(at, from: .decided, to: .closed, .close, by: secretary)
        case .withdraw(let from): move(at, from: from, to: .withdrawn, .withdraw, by: shape.owner)
        }
    }

    /// A step on the created case, in the batch transaction.
    private func tx(_ at: Date, audits: Int = 1, _ work: @escaping @Sendable (Database, DemoState, Int64) throws -> Void) -> DemoEvent {
        let index = index
        return DemoEvent(at: at, audits: audits, work: .inTransaction { db, state in try work(db, state, state.caseId(index)) })
    }

    private func create(_ at: Date) -> DemoEvent {
        let project = shape.project, owner = shape.owner, index = index
        var notes: [String: String] = [:]
        for (question, answer) in shape.answers where answer != .yes { notes[question] = DemoTexts.gapNotes[question] ?? "" }
        let draft = CaseDraft(title: shape.title, team: project.team, vendor: project.vendor, kind: project.kind,
                              customerFacing: project.customerFacing, personalData: project.personalData,
                              confidential: shape.confidential, description: project.description, answers: shape.answers, notes: notes,
                              aiActAnswers: DemoAIAct.answers(project.key))
        let descriptionHTML = DemoProjects.html(project)
        return DemoEvent(at: at, audits: 1, work: .inTransaction { db, state in
            let id = try CaseStore.create(db, draft, descriptionHTML: descriptionHTML, submitterId: state.userId(owner.email),
                                          by: owner.actor(state), now: at)
            state.setCase(index, id)
        })
    }

    private func move(_ at: Date, from: CaseStatus, to: CaseStatus, _ transition: CaseLifecycle.Transition, by person: DemoPerson) -> DemoEvent {
        tx(at) { db, state, id in
            try CaseStore.move(db, id: id, from: from, to: to, transition: transition, note: "", by: person.actor(state), now: at)
        }
    }

    private func ask(_ at: Date) -> DemoEvent {
        let question = shape.project.question, index = index
        return tx(at) { db, state, id in
            state.setQuestion(index, try world.reviews.ask(db, caseId: id, from: .submitted, question: question, by: secretary.actor(state)))
        }
    }

    private func answer(_ at: Date) -> DemoEvent {
        let answer = shape.project.answer, owner = shape.owner, index = index
        return tx(at) { db, state, id in
            try world.reviews.answerAndResubmit(db, caseId: id, answers: [state.questionId(index): answer], by: owner.actor(state))
        }
    }

    /// The first assignment also starts the review (a second audit entry).
    private func assign(_ reviewer: DemoPerson, first: Bool, _ at: Date) -> DemoEvent {
        let due = DemoDate.iso(at + 21 * DemoDate.day)
        return tx(at, audits: first ? 2 : 1) { db, state, id in
            try world.reviews.assign(db, caseId: id, userId: state.userId(reviewer.email), dueOn: due, by: secretary.actor(state))
        }
    }

    private func recuse(_ reason: String, _ at: Date) -> DemoEvent {
        let reviewer = shape.recusing!
        return tx(at) { db, state, id in
            try world.reviews.recuse(db, caseId: id, userId: state.userId(reviewer.email), reason: reason, by: reviewer.actor(state))
        }
    }

    private func review(_ number: Int, _ recommendation: Recommendation, _ at: Date) -> DemoEvent {
        let reviewer = shape.reviewers[number]
        let texts = DemoTexts.reviews[recommendation]!
        let text = texts[index % texts.count]
        return tx(at) { db, state, id in
            try world.reviews.review(db, caseId: id, reviewerId: state.userId(reviewer.email), recommendation: recommendation,
                                     reasoning: text.markdown, reasoningHTML: text.html, by: reviewer.actor(state))
        }
    }

    private func comment(_ number: Int, _ at: Date) -> DemoEvent {
        let (author, text) = shape.comments[number]
        return tx(at) { db, state, id in
            try world.reviews.comment(db, caseId: id, body: text.markdown, bodyHTML: text.html, by: author.actor(state))
        }
    }

    /// The decision, in a meeting or in writing as the tier's review path says, with the shape's conditions.
    private func decide(_ at: Date) -> DemoEvent {
        let outcome = shape.outcome ?? .favourable
        let opinion = DemoTexts.opinions[outcome]?.first ?? DemoText("")
        let conditions = shape.conditions, index = index
        let inMeeting = ReviewPath(tier: shape.tier).decisionInMeeting
        let version = schedule.charterVersion(at: at)
        let day = DemoDate.iso(at)
        let articles = outcome == .unfavourable ? "Articles 2 and 7" : "Articles 2, 4 and 6"
        return tx(at) { db, state, id in
            let new = conditions.map {
                NewCondition(text: $0.text, ownerId: state.userId($0.owner.email), dueOn: DemoDate.iso(at + Double($0.dueDays) * DemoDate.day))
            }
            state.setConditions(index, try CaseDecisionStore.decide(
                db, caseId: id, outcome: outcome, opinion: opinion.markdown, opinionHTML: opinion.html, charterVersion: version,
                articles: articles, procedure: inMeeting ? "meeting" : "written", meetingOn: inMeeting ? day : nil,
                conditions: new, by: secretary.actor(state), now: at))
        }
    }

    /// Meeting the last open condition closes the case too (a second audit entry).
    private func meet(_ number: Int, closes: Bool, _ at: Date) -> DemoEvent {
        let evidence = DemoTexts.evidence[(index + number) % DemoTexts.evidence.count], index = index
        return tx(at, audits: closes ? 2 : 1) { db, state, id in
            try world.decisions.meet(db, conditionId: state.conditionIds(index)[number], caseId: id, evidence: evidence,
                                     by: secretary.actor(state))
        }
    }
}
