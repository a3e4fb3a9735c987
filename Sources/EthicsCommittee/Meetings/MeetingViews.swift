import Foundation

/// Everything recorded about one meeting, loaded once per page.
struct MeetingRecord: Sendable {
    let meeting: Meeting
    let facts: MeetingFacts
    let invitees: [Invitee]
    let items: [AgendaItem]
    let votes: [Int64: [Vote]]
    let cases: [Int64: CaseFacts]
    let voters: [Invitee]
    let minutes: Minutes?
    /// Invitees whose declared interests match a case on the agenda, by case (read while the meeting is planned).
    var conflicts: [Int64: Set<Int64>] = [:]

    /// Members recused from the case of an item.
    func recused(_ item: AgendaItem) -> Set<Int64> {
        item.caseId.flatMap { cases[$0]?.recused } ?? []
    }

    var present: Set<Int64> { Set(invitees.filter { $0.attendance == .present }.map(\.userId)) }

    /// The quorum of one item under the committee's rule.
    func quorum(_ item: AgendaItem, _ settings: Settings) -> Quorum.Result {
        Quorum.check(rule: settings.quorumRule, requiresExternal: settings.quorumRequiresExternal,
                     voters: voters.map { Quorum.Voter(id: $0.userId, external: $0.external) }, present: present,
                     recused: recused(item))
    }

    /// Who may vote on an item: present, voting, not recused.
    func eligibleVoters(_ item: AgendaItem) -> [Invitee] {
        let recused = recused(item), voting = Set(voters.map(\.userId))
        return invitees.filter { $0.attendance == .present && voting.contains($0.userId) && !recused.contains($0.userId) }
    }
}

/// Loads a meeting's record and turns it into what one person may see (redacting items about cases
/// outside their reach), for the page, the print view and the minutes' prefill.
struct MeetingViews: Sendable {
    let meetings: MeetingStore
    let agenda: AgendaStore
    let minutes: MinutesStore
    let settings: SettingsCache
    let formats: Formats

    /// The meeting in the path, after the policy allowed the person to see it; 404 otherwise.
    func load(_ context: AppRequestContext) async throws -> MeetingRecord {
        guard let id = context.parameters.get("id", as: Int64.self), let record = try await record(id) else { throw Refusal.notFound }
        try context.require(.viewMeeting(record.facts))
        return record
    }

    /// A meeting's record, whoever asks (the archive of approved minutes); callers ask the policy first.
    /// Read in one `read {}` (`MeetingRecordStore`).
    func record(_ id: Int64) async throws -> MeetingRecord? {
        try await MeetingRecordStore(db: meetings.db).load(id)
    }

    /// Whether the person may see an item's content: its case, if any, is within their reach, or they are the
    /// chair approving these minutes (`Action.readMeetingItem`).
    static func canSee(_ item: AgendaItem, _ record: MeetingRecord, _ actor: Requester?) -> Bool {
        guard let caseId = item.caseId else { return true }
        guard let facts = record.cases[caseId] else { return false }
        return Policy.decide(actor, .readMeetingItem(facts, approvingMinutes: approvesMinutes(record, actor))) == .allow
    }

    /// The numbers of the case items the person is recused from: a chair recused from an item does not approve
    /// the minutes alone; they go to a vote at a later meeting, as the rules of procedure provide.
    static func recusedItemNumbers(_ record: MeetingRecord, _ actor: Requester?) -> [Int] {
        guard let actor else { return [] }
        return record.items.enumerated().compactMap { index, item in
            item.caseId.flatMap { record.cases[$0] }?.recused.contains(actor.userId) == true ? index + 1 : nil
        }
    }

    /// The committee's chair, while the meeting's minutes are a draft awaiting approval.
    static func approvesMinutes(_ record: MeetingRecord, _ actor: Requester?) -> Bool {
        guard let actor, let minutes = record.minutes, !minutes.approved else { return false }
        return record.voters.contains { $0.chair && $0.userId == actor.userId }
            || record.invitees.contains { $0.chair && $0.userId == actor.userId }
    }

    func when(_ meeting: Meeting, _ language: Language) -> String {
        formats.dateTime(meeting.startsAt, language)
    }

    func attendanceRows(_ record: MeetingRecord, _ messages: Messages) -> [MeetingPages.AttendanceRow] {
        let voting = Set(record.voters.map(\.userId))
        return record.invitees.map { invitee in
            MeetingPages.AttendanceRow(
                userId: invitee.userId, name: invitee.name + (invitee.chair ? " (\(Catalog.title(.chair, invitee.titleForm, messages)))" : ""),
                kind: messages[invitee.external ? .member_external : .member_internal], voting: voting.contains(invitee.userId),
                attendance: invitee.attendance.flatMap { messages[runtime: "attendance_\($0.rawValue)"] } ?? messages[.attendance_unknown],
                field: "attendance_\(invitee.userId)",
                options: Attendance.allCases.map {
                    Choice(value: $0.rawValue, label: messages[runtime: "attendance_\($0.rawValue)"] ?? "", selected: $0 == invitee.attendance)
                })
        }
    }

    /// The item as this person may see it; `forms` adds the secretary's controls.
    func item(_ item: AgendaItem, number: Int, _ record: MeetingRecord, _ context: AppRequestContext, forms: Bool,
              targets: [Meeting] = [], owners: [Choice] = [], vote: FormState = FormState()) -> MeetingPages.Item {
        let messages = Catalog.messages(context.language)
        let visible = Self.canSee(item, record, context.actor)
        let meetingId = record.meeting.id
        let planned = record.meeting.status == .planned, held = record.meeting.status == .held
        let votes = visible ? record.votes[item.id] ?? [] : []
        let quorum = record.quorum(item, settings.current)
        let tally = VoteChoice.allCases.map { choice in
            "\(votes.filter { $0.choice == choice }.count) \(messages[runtime: "vote_\(choice.rawValue)"] ?? "")"
        }.joined(separator: " · ")
        let recusedNames = record.recused(item).compactMap { id in record.voters.first { $0.userId == id }?.name ?? record.invitees.first { $0.userId == id }?.name }
        let title: String = switch item.kind {
        case .case: item.caseTitle ?? ""
        case .minutes: messages[.agenda_minutes_of] + " " + (item.title.isEmpty ? "#\(item.minutesMeetingId ?? 0)" : item.title)
        case .free: item.title
        }
        let outcomes: [ItemOutcome] = item.kind == .case ? [.favourable, .conditions, .unfavourable, .deferred] : [.adopted, .rejected]
        // An item opened to the members' ballots is decided by closing its vote (`BallotViews`), not by the roll.
        let canVote = forms && held && item.decidedAt == nil && item.voteOpenedAt == nil && visible
        var view = MeetingPages.Item(
            number: number, confidential: !visible, title: visible ? title : messages[.agenda_confidential],
            kind: messages[runtime: "agenda_kind_\(item.kind.rawValue)"] ?? "",
            caseHref: visible ? item.caseId.map(Paths.case) : nil, noteHTML: visible && !item.noteHTML.isEmpty ? item.noteHTML : nil,
            recused: visible ? recusedNames.sorted() : [], hasRecused: visible && !recusedNames.isEmpty,
            quorum: visible && item.decidedAt == nil && held ? quorumText(quorum, messages) : nil, quorumOK: quorum == .ok,
            decided: visible && item.decidedAt != nil,
            outcome: item.outcome.flatMap { messages[runtime: "outcome_\($0.rawValue)"] } ?? "",
            decisionHTML: visible ? item.decisionHTML : "", tally: visible ? tally : "",
            votes: votes.map {
                MeetingPages.VoteRow(name: $0.name, choice: messages[runtime: "vote_\($0.choice.rawValue)"] ?? "", dissent: $0.dissent,
                                     note: item.voteOpenedAt != nil && $0.recordedBy != $0.userId ? messages[.ballot_by_secretary] : nil)
            },
            dissents: votes.filter { !$0.dissent.isEmpty }.map {
                MeetingPages.VoteRow(name: $0.name, choice: messages[runtime: "vote_\($0.choice.rawValue)"] ?? "", dissent: $0.dissent)
            },
            upAction: forms && planned ? Paths.meetingItemMove(meetingId, item.id, up: true) : nil,
            downAction: forms && planned ? Paths.meetingItemMove(meetingId, item.id, up: false) : nil,
            transferAction: forms && planned && !targets.isEmpty ? Paths.meetingItemTransfer(meetingId, item.id) : nil,
            targets: targets.map { Choice(value: String($0.id), label: "\($0.title) — \(formats.date($0.startsAt, context.language))", selected: false) },
            voteAction: canVote ? Paths.meetingItemVote(meetingId, item.id) : nil,
            voters: canVote ? record.eligibleVoters(item).map { voter in
                let field = "vote_\(voter.userId)", dissentField = "dissent_\(voter.userId)"
                return MeetingPages.Voter(name: voter.name, number: number, field: field, dissentField: dissentField,
                                          choices: vote.choices(field, VoteChoice.allCases.map { ($0.rawValue, messages[runtime: "vote_\($0.rawValue)"] ?? "") }),
                                          dissent: vote.value(dissentField), error: vote.errors[field], dissentError: vote.errors[dissentField])
            } : [],
            outcomes: vote.choices("outcome", outcomes.map { ($0.rawValue, messages[runtime: "outcome_\($0.rawValue)"] ?? "") }),
            isCase: item.kind == .case, owners: owners)
        if canVote {
            view.form = vote
            if item.kind == .case {
                view.conditionRows = ConditionRowView.rows(vote, owners: owners.map { ($0.value, $0.label) }, fallback: nil, suffix: "-\(number)")
            }
        }
        return view
    }

    func quorumText(_ result: Quorum.Result, _ messages: Messages) -> String {
        switch result {
        case .ok: messages[.quorum_ok]
        case .refused(let key): messages[runtime: key] ?? key
        }
    }

    /// "Fingerprint (SHA-256) of the approved copy: …", for minutes approved with an archive.
    func fingerprintLine(_ minutes: Minutes?, _ language: Language) -> String? {
        guard let fingerprint = minutes?.fingerprint else { return nil }
        return Catalog.messages(language).fill(.minutes_fingerprint_line, ["sha256": fingerprint])
    }

    /// "Approved by … on …", or "Draft: not yet approved".
    func approvalLine(_ minutes: Minutes?, _ language: Language) -> String {
        let messages = Catalog.messages(language)
        guard let minutes, minutes.approved else { return messages[.minutes_not_approved] }
        let key = minutes.approvedInMeeting == nil ? "minutes_approved_line" : "minutes_approved_vote_line"
        return (messages[runtime: key] ?? "").replacingOccurrences(of: "{name}", with: minutes.approvedByName ?? "")
            .replacingOccurrences(of: "{date}", with: minutes.approvedAt.map { formats.dateTime($0, language) } ?? "")
    }
}
