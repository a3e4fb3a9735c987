import Foundation

/// The meeting pack (board book) of one reader: the cover (when, where, who is invited, the quorum outlook), the
/// agenda, and for each item the reader may open the papers they decide on. An item they may not open, or are
/// recused from, is "Not in your pack", without its title. Each page's footer names the reader and the time.
struct MeetingPack: Sendable {
    struct Invitee: Sendable {
        let name: String
        let seat: String
    }

    struct Score: Sendable {
        let area: String
        let score: Int
    }

    struct Item: Sendable {
        let number: Int
        let included: Bool
        let title: String
        let kind: String
        let quorum: String?
        let noteHTML: String?
        /// The case's papers, for a case item in the pack.
        let paper: CaseShowPage?
        let scores: [Score]
    }

    let lang: String
    let committeeName: String
    let baseStylesheet = Paths.printStylesheet
    let stylesheet = Paths.packPrintStylesheet
    let pageNumbers: String
    let icon: String
    let backHref: String
    let title: String
    let when: String
    let place: String?
    let videoURL: String?
    let invitees: [Invitee]
    let items: [Item]
    let hasItems: Bool
    /// "Prepared for … on …": on every printed page.
    let watermark: String
}

/// Builds a reader's pack from the meeting's record and, for each case item in their reach, the case page's own
/// model (`CaseShowBuilder`), so the pack shows exactly what the case page would show them.
struct MeetingPackBuilder: Sendable {
    let views: MeetingViews
    let cases: CaseStore
    let caseBuilder: CaseShowBuilder

    func pack(_ record: MeetingRecord, context: AppRequestContext) async throws -> MeetingPack {
        let language = context.language, messages = Catalog.messages(language), settings = views.settings.current
        let actor = context.actor
        let voting = Set(record.voters.map(\.userId))
        let invitedVoters = Set(record.invitees.map(\.userId)).intersection(voting)
        var items: [MeetingPack.Item] = []
        for (index, item) in record.items.enumerated() {
            let recused = actor.map { record.recused(item).contains($0.userId) } ?? true
            guard MeetingViews.canSee(item, record, actor), !recused else {
                items.append(MeetingPack.Item(number: index + 1, included: false, title: messages[.pack_not_in_pack], kind: "",
                                              quorum: nil, noteHTML: nil, paper: nil, scores: []))
                continue
            }
            var paper: CaseShowPage?
            if let caseId = item.caseId, let (found, facts) = try await cases.find(id: caseId) {
                paper = try await caseBuilder.page(found, facts, context: context)
            }
            // The best case: every invited voting member who is not recused comes.
            let outlook = Quorum.check(rule: settings.quorumRule, requiresExternal: settings.quorumRequiresExternal,
                                       voters: record.voters.map { Quorum.Voter(id: $0.userId, external: $0.external) },
                                       present: invitedVoters, recused: record.recused(item))
            let title: String = switch item.kind {
            case .case: item.caseTitle ?? ""
            case .minutes: messages[.agenda_minutes_of] + " " + item.title
            case .free: item.title
            }
            items.append(MeetingPack.Item(
                number: index + 1, included: true, title: title, kind: messages[runtime: "agenda_kind_\(item.kind.rawValue)"] ?? "",
                quorum: Self.outlook(outlook, voters: invitedVoters.subtracting(record.recused(item)).count, messages),
                noteHTML: item.noteHTML.isEmpty ? nil : item.noteHTML, paper: paper,
                scores: paper?.bars.map { MeetingPack.Score(area: $0.label, score: $0.score) } ?? []))
        }
        let meeting = record.meeting
        return MeetingPack(
            lang: language.rawValue, committeeName: settings.committeeName, pageNumbers: Paths.pageNumbersStylesheet(language),
            icon: Layout.LinkPaths().icon, backHref: Paths.meeting(meeting.id), title: meeting.title,
            when: views.when(meeting, language), place: meeting.place.isEmpty ? nil : meeting.place,
            videoURL: meeting.videoURL.isEmpty ? nil : meeting.videoURL,
            invitees: record.invitees.map { invitee in
                MeetingPack.Invitee(name: invitee.name + (invitee.chair ? " (\(Catalog.title(.chair, invitee.titleForm, messages)))" : ""),
                                    seat: messages[invitee.external ? .member_external : .member_internal])
            },
            items: items, hasItems: !items.isEmpty,
            watermark: messages.fill(.pack_watermark, [
                "name": context.session?.user.name ?? "",
                "date": views.formats.dateTime(Timestamp.string(views.formats.clock.now), language)]))
    }

    /// The quorum outlook of an item before the meeting: within reach if every voting member invited (and not
    /// recused) comes, or out of reach and why.
    static func outlook(_ result: Quorum.Result, voters: Int, _ messages: Messages) -> String {
        switch result {
        case .ok: messages.fill(.pack_quorum_possible, ["count": String(voters)])
        case .refused(let key): messages[.pack_quorum_impossible] + " " + (messages[runtime: key] ?? key)
        }
    }
}
