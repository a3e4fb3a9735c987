import Foundation
import Hummingbird

/// Builds the case page for one person: what the policy lets them see and the forms they may use.
struct CaseShowBuilder: Sendable {
    /// How many people a person field suggests (its `<datalist>`); anyone allowed may still be typed.
    static let suggestions = 30
    let cases: CaseStore
    let reviews: CaseReviewStore
    let decisions: CaseDecisionStore
    let attachments: CaseAttachmentStore
    let users: UserStore
    let written: WrittenProcedureStore
    let formats: Formats

    /// The case page again, with the reason a form was refused (422).
    func refusal(_ found: Case, _ facts: CaseFacts, _ key: String, context: AppRequestContext,
                 renderer: Renderer) async throws -> Response {
        var page = try await page(found, facts, context: context)
        page.formError = Catalog.messages(context.language)[runtime: key] ?? key
        return try await renderer.page("cases/show", page, titleText: found.title, context: context, path: Paths.case(found.id),
                                       status: .unprocessableContent)
    }

    /// The case page again with a refused form's values and messages in place (422). The form's `action`
    /// carries its fragment, so the browser lands on the form.
    func refusal(_ found: Case, _ facts: CaseFacts, forms: CaseShowForms, context: AppRequestContext,
                 renderer: Renderer) async throws -> Response {
        let page = try await page(found, facts, context: context, forms: forms)
        return try await renderer.page("cases/show", page, titleText: found.title, context: context, path: Paths.case(found.id),
                                       status: .unprocessableContent)
    }

    func openConditions(_ caseId: Int64) async throws -> Int {
        try await decisions.conditions(caseId: caseId).filter { !$0.met }.count
    }

    func page(_ found: Case, _ facts: CaseFacts, context: AppRequestContext,
              forms: CaseShowForms = CaseShowForms()) async throws -> CaseShowPage {
        let actor = context.actor
        let language = context.language
        let messages = Catalog.messages(language)
        let today = formats.localISODate()
        let internals = Policy.decide(actor, .viewCaseInternals(facts)) == .allow
        let manage = Policy.decide(actor, .manageCase(facts)) == .allow
        let isReviewer = Policy.decide(actor, .reviewCase(facts)) == .allow
        // The page's data in one read (`CaseDetailStore`); what the reader may not see is not read.
        let mayDecide = Policy.decide(actor, .openWrittenProcedure(facts)) == .allow
        let detail = try await CaseDetailStore(db: cases.db).load(found, scope: CaseDetailStore.Scope(
            internals: internals, candidates: manage && [.submitted, .inReview].contains(found.status), people: mayDecide,
            suggestions: Self.suggestions))
        let (answers, notes, aiAct) = (detail.answers, detail.notes, detail.aiAct)
        let assessment = Readiness.assess(customerFacing: found.customerFacing, personalData: found.personalData, answers: answers,
                                          aiActHighRisk: aiAct.riskClass == .highRisk || aiAct.riskClass == .prohibited)
        let path = ReviewPath(tier: found.riskTier)

        let (reviewerRows, reviewList, comments, questions) = (detail.reviewers, detail.reviews, detail.comments, detail.questions)
        let (decision, conditions, events, files) = (detail.decision, detail.conditions, detail.events, detail.attachments)
        let externalReviews = reviewList.filter { review in reviewerRows.first { $0.userId == review.reviewerId }?.external == true }.count
        let missing = path.missing(reviews: reviewList.count, externalReviews: externalReviews)

        let me = context.session?.user.id
        let commentsOpen = Policy.decide(actor, .comment(facts)) == .allow
        let hasReviewed = reviewList.contains { $0.reviewerId == me }
        // The reviewer field suggests a bounded list; any candidate may be typed (`CaseReviewStore.candidate`).
        let (candidates, flagged) = detail.candidates
        // The case's written procedures (links), and whether one is running (no second one is offered).
        let procedures = detail.procedures
        let running = procedures.contains { $0.status == .open }
        let decideHere = mayDecide && !running
        // Condition owners: a field suggesting the first allowed people, the project owner typed by default.
        let people = decideHere ? detail.people : []
        let ownerSuggestions = ConditionOwners.suggestions(people, facts)
        let submitterEmail = people.first { $0.id == found.submitterId }?.email
        let owners: [Choice] = []
        let decisionForm = forms.decision
        let conditionRows = !decideHere ? [] : ConditionRowView.rows(decisionForm, owners: ownerSuggestions, fallback: submitterEmail)

        let buttons: [CaseShowPage.Button] = Policy.moves(actor, facts)
            .filter { CaseController.pageMoves.contains($0) }
            // A case closes by itself when its last condition is met; offer closing only without open ones.
            .filter { $0 != .close || conditions.allSatisfy(\.met) }
            .map { CaseShowPage.Button(action: Paths.caseMove(found.id, $0), label: CaseController.moveLabel[$0].map { messages[$0] } ?? "",
                                       danger: CaseController.confirmed.contains($0)) }

        let barHeight = 26
        var page = CaseShowPage(
            id: found.id, title: found.title, status: messages[runtime: "case_status_\(found.status.rawValue)"] ?? "",
            statusKey: found.status.rawValue, tier: messages[runtime: "tier_\(found.riskTier.rawValue)"] ?? "", tierKey: found.riskTier.rawValue,
            team: found.team, vendor: found.vendor, kind: messages[runtime: "case_kind_\(found.kind.rawValue)"] ?? "",
            customerFacing: found.customerFacing, personalData: found.personalData, confidential: found.confidential,
            submitter: found.submitterName, descriptionHTML: found.descriptionHTML,
            bars: Readiness.areas.enumerated().map { index, area in
                let score = assessment.scores[area.id] ?? 0
                return CaseShowPage.Bar(label: messages[runtime: "readiness_\(area.id)"] ?? "", score: score, y: index * barHeight,
                                        width: max(2, score * 3), textY: index * barHeight + 17, low: score < 67)
            },
            chartSummary: Punctuation.of(language).list(Readiness.areas.map {
                Punctuation.of(language).labelled(messages[runtime: "readiness_\($0.id)"] ?? "", formats.percent(Double(assessment.scores[$0.id] ?? 0), language))
            }),
            gaps: Readiness.gaps(answers).map { id in
                let parts = id.split(separator: ".").map(String.init)
                return CaseShowPage.Gap(area: messages[runtime: "readiness_\(parts[0])"] ?? "", question: messages[runtime: "readiness_\(parts[0])_\(parts[1])"] ?? "",
                                        answer: answers[id].flatMap { messages[runtime: "answer_\($0.rawValue)"] } ?? messages[.answer_none],
                                        note: notes[id] ?? "")
            },
            hasGaps: !Readiness.gaps(answers).isEmpty,
            tierReasons: assessment.reasons.compactMap { messages[runtime: $0] },
            path: pathLines(path, messages, language), pathMissing: found.status == .inReview ? missing.flatMap { messages[runtime: $0] } : nil,
            editHref: Policy.decide(actor, .editCase(facts)) == .allow ? Paths.caseEdit(found.id) : nil,
            buttons: buttons,
            questions: questions.map {
                CaseShowPage.QuestionBlock(id: $0.id, question: $0.question, asked: formats.date($0.askedAt, language), answer: $0.answer,
                                           answered: $0.answeredAt.map { formats.date($0, language) },
                                           draft: forms.answers.value("answer.\($0.id)"), error: forms.answers.errors["answer.\($0.id)"])
            },
            hasQuestions: !questions.isEmpty,
            answerAction: Policy.moveRefusal(actor, facts, .resubmit) == nil ? Paths.caseAnswers(found.id) : nil,
            askAction: manage && Policy.moveRefusal(actor, facts, .askInfo) == nil ? Paths.caseQuestions(found.id) : nil,
            internals: internals,
            reviewers: reviewerRows.map { reviewer in
                CaseShowPage.ReviewerRow(name: reviewer.name, kind: messages[reviewer.external ? .member_external : .member_internal],
                                         due: formats.calendarDate(reviewer.dueOn, language),
                                         overdue: !reviewer.hasReviewed && !reviewer.recused && reviewer.dueOn < today,
                                         reviewed: reviewer.hasReviewed, recused: reviewer.recused)
            },
            reviews: reviewList.map {
                CaseShowPage.ReviewBlock(reviewer: $0.reviewerName, recommendation: messages[runtime: "recommendation_\($0.recommendation.rawValue)"] ?? "",
                                         reasoningHTML: $0.reasoningHTML, date: formats.date($0.submittedAt, language),
                                         domId: "review-\($0.id)")
            },
            comments: comments.map { comment in
                let editable = comment.authorId == me && commentsOpen
                    && (Timestamp.date(comment.createdAt).map { formats.clock.now.timeIntervalSince($0) <= CaseWorkController.commentEditWindow } ?? false)
                let refused = forms.commentEditId == comment.id ? forms.commentEdit : nil
                return CaseShowPage.CommentBlock(author: comment.authorName, bodyHTML: comment.bodyHTML,
                                                 date: formats.dateTime(comment.createdAt, language), edited: comment.editedAt != nil,
                                                 editAction: editable ? Paths.caseCommentEdit(found.id, comment.id) : nil,
                                                 body: editable ? refused?.value("body") ?? comment.body : "", domId: "comment-\(comment.id)",
                                                 error: refused.flatMap { $0.errors["body"] ?? $0.message })
            },
            commentAction: commentsOpen ? Paths.caseComments(found.id) : nil,
            assignAction: manage && [.submitted, .inReview].contains(found.status) ? Paths.caseReviewers(found.id) : nil,
            candidates: candidates.map { candidate in
                let kind = messages[candidate.external ? .member_external : .member_internal]
                let flag = candidate.conflictWith.map { " — " + messages[.reviewer_conflict_flag] + " " + $0 } ?? ""
                return CaseShowPage.Candidate(value: candidate.email, label: "\(candidate.name) (\(kind))\(flag)")
            },
            conflictWarnings: flagged.compactMap { candidate in
                candidate.conflictWith.map { Punctuation.of(language).labelled(candidate.name, "\(messages[.reviewer_conflict_flag]) \($0)") }
            },
            reviewAction: isReviewer && found.status == .inReview && !hasReviewed ? Paths.caseReview(found.id) : nil,
            recuseAction: Policy.decide(actor, .recuse(facts)) == .allow ? Paths.caseRecuse(found.id) : nil,
            recommendations: forms.review.choices("recommendation", Recommendation.allCases.map { ($0.rawValue, messages[runtime: "recommendation_\($0.rawValue)"] ?? "") }),
            decideAction: decideHere ? Paths.caseWritten(found.id) : nil,
            writtenProcedures: procedures.map { row in
                CaseShowPage.WrittenLink(href: Paths.writtenProcedure(row.id),
                                         label: (messages[runtime: row.result.map { "written_result_\($0.rawValue)" } ?? "written_status_\(row.status.rawValue)"] ?? "")
                                             + " — " + formats.dateTime(row.deadline, language))
            },
            hasWrittenProcedures: !procedures.isEmpty,
            outcomes: decisionForm.choices("outcome", DecisionOutcome.allCases.map { ($0.rawValue, messages[runtime: "outcome_\($0.rawValue)"] ?? "") }),
            // A high-risk case in review: the staff are told it is decided in a meeting, not on this page.
            decisionInMeeting: manage && found.status == .inReview && Policy.decide(actor, .openWrittenProcedure(facts)) != .allow,
            owners: owners,
            decision: decision.flatMap { messages[runtime: "outcome_\($0.outcome.rawValue)"] },
            opinionHTML: decision?.opinionHTML, decisionDate: decision.map { formats.date($0.decidedAt, language) },
            letterHref: decision != nil && [.decided, .closed].contains(found.status) ? Paths.caseOpinionLetter(found.id) : nil,
            conditions: conditions.map { condition in
                CaseShowPage.ConditionBlock(
                    text: condition.text, owner: condition.ownerName, due: formats.calendarDate(condition.dueOn, language),
                    overdue: !condition.met && condition.dueOn < today, met: condition.met, evidence: condition.evidence,
                    metOn: condition.metAt.map { formats.date($0, language) },
                    meetAction: manage && !condition.met ? Paths.caseConditionMet(found.id, condition.id) : nil)
            },
            hasConditions: !conditions.isEmpty,
            attachments: files.map {
                CaseShowPage.AttachmentRow(href: Paths.caseAttachment(found.id, $0.id), name: AttachmentType.downloadName($0.filename, mime: $0.contentType),
                                           size: ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file),
                                           uploader: $0.uploaderName, date: formats.date($0.uploadedAt, language))
            },
            uploadAction: Policy.decide(actor, .uploadAttachment(facts)) == .allow ? Paths.caseAttachments(found.id) : nil,
            // The submitter's timeline leaves out who reviews and who recused.
            events: events.filter { internals || !["reviewer_assigned", "recused", "reviewed"].contains($0.event) }.map { event in
                CaseShowPage.EventRow(date: formats.dateTime(event.at, language),
                                      text: messages[runtime: "event_\(event.event)"] ?? event.event, actor: event.actorName ?? "")
            },
            formError: nil, conditionRows: conditionRows, limits: LimitHints(language), forms: forms)
        page.aiAct = AIActCaseView(aiAct, dates: detail.aiActDates, today: today, formats: formats, language: language)
        let fria = try await FRIAStore(db: cases.db, clock: formats.clock).version(caseId: found.id)
        page.aiAct?.showFRIA(caseId: found.id, required: aiAct.labels.contains { $0.code == "fria" }, latest: fria,
                             mayWrite: Policy.decide(actor, .writeFRIA(facts)) == .allow, formats: formats, language: language)
        if let version = decision?.friaVersion {
            page.friaDecisionLine = messages.fill(.fria_decided_on, ["version": String(version)])
            page.friaDecisionHref = Paths.caseFRIAPrint(found.id, version: version)
        }
        page.system = try await CaseSystemSection(systems: SystemStore(db: cases.db, clock: cases.clock)).view(found, context: context)
        if decideHere {
            // The obligations' owners are chosen in a bounded list (the first suggestions, the submitter first).
            page.aiAct?.offerConditions(decisionForm, owners: ConditionOwners.obligationOwners(people, facts), fallback: String(found.submitterId))
        }
        return page
    }

    private func pathLines(_ path: ReviewPath, _ messages: Messages, _ language: Language) -> [String] {
        var lines = [Catalog.messages(language).fill(.path_reviews, count: path.minimumReviews)]
        if path.needsExternalReviewer { lines.append(messages[.path_external]) }
        lines.append(messages[path.decisionInMeeting ? .path_meeting : .path_written])
        return lines
    }
}
