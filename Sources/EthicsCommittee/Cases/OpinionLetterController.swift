import Foundation
import Hummingbird

/// `/cases/{id}/opinion-letter`: the committee's opinion as a letter to the project owner, printable to A4.
/// Whoever may open the case may print it (its owner, staff, the committee members who see the case): it says
/// nothing the case page does not already show them.
struct OpinionLetterController {
    let cases: CaseStore
    let decisions: CaseDecisionStore
    let renderer: Renderer
    let settings: SettingsCache
    let formats: Formats

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.caseOpinionLetterPattern), use: show)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (found, _) = try await CaseController.load(context, cases)
        guard [.decided, .closed].contains(found.status), let letter = try await decisions.letter(caseId: found.id) else {
            throw Refusal.notFound
        }
        let page = Self.page(found, letter, committee: settings.current.committeeName, reader: context.session?.user.name ?? "",
                             formats: formats, language: context.language)
        var letterPage = page
        letterPage.friaLine = letter.decision.friaVersion.map {
            Catalog.messages(context.language).fill(.fria_decided_on, ["version": String($0)])
        }
        return try renderer.standalone("cases/opinion_letter", letterPage, context: context)
    }

    static func page(_ found: Case, _ letter: OpinionLetter, committee: String, reader: String, formats: Formats,
                     language: Language) -> OpinionLetter.Page {
        let messages = Catalog.messages(language)
        func fill(_ key: MessageKey, _ values: [String: String]) -> String { messages.fill(key, values) }
        let decision = letter.decision
        let decidedOn = formats.date(decision.decidedAt, language)
        let procedure = decision.procedure == "meeting"
            ? fill(.letter_procedure_meeting, ["date": decision.meetingOn.map { formats.calendarDate($0, language) } ?? decidedOn])
            : fill(.letter_procedure_written, ["date": decidedOn])
        let conditions = letter.conditions.enumerated().map { index, condition in
            OpinionLetter.Page.Condition(number: index + 1, text: condition.text, owner: condition.ownerName,
                                         due: formats.calendarDate(condition.dueOn, language),
                                         met: condition.metAt.map { fill(.letter_condition_met, ["date": formats.date($0, language)]) })
        }
        return OpinionLetter.Page(
            lang: language.rawValue, committeeName: committee, pageNumbers: Paths.pageNumbersStylesheet(language), icon: Layout.LinkPaths().icon, backHref: Paths.case(found.id),
            date: decidedOn, addressee: found.submitterName, team: found.team,
            subject: fill(.letter_subject, ["title": found.title, "number": String(found.id)]),
            outcome: messages[runtime: "outcome_\(decision.outcome.rawValue)"] ?? "", outcomeCode: decision.outcome.rawValue,
            procedureLine: procedure, opinionHTML: decision.opinionHTML,
            articles: decision.articles.isEmpty ? nil : decision.articles,
            conditions: conditions, hasConditions: !conditions.isEmpty,
            charterLine: letter.charterVersion.map { number in
                fill(.letter_charter, ["number": String(number),
                                        "date": letter.charterPublishedAt.map { formats.date($0, language) } ?? ""])
            },
            chairName: letter.chairName,
            generatedLine: fill(.letter_generated, ["date": formats.dateTime(Timestamp.string(formats.clock.now), language),
                                                     "name": reader]))
    }
}
