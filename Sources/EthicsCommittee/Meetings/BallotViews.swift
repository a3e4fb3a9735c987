import Foundation

/// The vote part of one agenda item for one person: the secretary's controls and count, or the voter's ballot.
/// Every control is offered only when the policy allows its action, as the handlers ask it.
struct BallotViews: Sendable {
    let formats: Formats

    func view(_ item: AgendaItem, number: Int, _ record: MeetingRecord, ballots: [Ballot], owners: [Choice],
              forms: MeetingShowForms, _ context: AppRequestContext) -> BallotPages.ItemVote? {
        guard let actor = context.actor else { return nil }
        let refusedHere = forms.ballotItemId == item.id
        // A ballot refused because the vote closed comes back with what was typed, even once the decided case is
        // out of the voter's reach (the item then reads "Confidential item"); nothing else of the item shows.
        let visible = MeetingViews.canSee(item, record, actor), refusedBallot = refusedHere && forms.ballot.refused
        guard visible || refusedBallot else { return nil }
        let language = context.language, messages = Catalog.messages(language)
        let vote = record.voteFacts(item), meetingId = record.meeting.id
        let allowed = { (action: Action) in visible && Policy.decide(actor, action) == .allow }
        let mineFacts = record.ballotFacts(item, userId: actor.userId)
        let canCast = allowed(.castBallot(mineFacts))
        let showBallot = canCast || refusedBallot
        let canOpen = allowed(.openVote(vote)), follow = allowed(.followVote(vote)) && vote.isOpen
        let canClose = allowed(.closeVote(vote)), canRecord = allowed(.recordBallot(vote))
        let notVoting = visible && vote.isOpen && mineFacts.invited && Policy.hasBallot(actor) && !canCast ? Policy.ballotRefusal(mineFacts).flatMap { messages[runtime: $0] } : nil
        guard canOpen || follow || showBallot || notVoting != nil else { return nil }

        let eligible = record.eligibleVoters(item)
        let byVoter = Dictionary(ballots.map { ($0.userId, $0) }, uniquingKeysWith: { first, _ in first })
        let counted = eligible.filter { byVoter[$0.userId] != nil }.count
        let choices: [(value: String, label: String)] = VoteChoice.allCases.map { ($0.rawValue, messages[runtime: "vote_\($0.rawValue)"] ?? "") }
        let outcomes: [ItemOutcome] = item.kind == .case ? [.favourable, .conditions, .unfavourable, .deferred] : [.adopted, .rejected]
        let own = byVoter[actor.userId]
        let ballotForm = refusedHere ? forms.ballot : FormState()
        let closeForm = refusedHere ? forms.closeVote : FormState()
        let handsForm = refusedHere ? forms.hands : FormState()
        return BallotPages.ItemVote(
            number: number, open: vote.isOpen,
            openAction: canOpen ? Paths.meetingItemVoteOpen(meetingId, item.id) : nil,
            follow: follow,
            countLine: messages.fill(.ballot_count_line, ["cast": String(counted), "eligible": String(eligible.count)]),
            countRows: eligible.map { voter in
                let ballot = byVoter[voter.userId]
                let status = ballot.map { $0.bySecretary ? "ballot_status_by_secretary" : "ballot_status_voted" } ?? "ballot_status_waiting"
                return BallotPages.CountRow(name: voter.name, status: messages[runtime: status] ?? "", voted: ballot != nil)
            },
            refreshHref: Paths.meeting(meetingId) + "#vote-\(number)",
            countHref: Paths.meetingItemVoteCount(meetingId, item.id),
            handsAction: canRecord ? Paths.meetingItemVoteHands(meetingId, item.id) : nil,
            handsVoters: handsForm.choices("voter_id", eligible.map { (String($0.userId), $0.name) }),
            handsChoices: handsForm.choices("choice", choices), handsForm: handsForm,
            closeAction: canClose ? Paths.meetingItemVoteClose(meetingId, item.id) : nil,
            closeOutcomes: closeForm.choices("outcome", outcomes.map { ($0.rawValue, messages[runtime: "outcome_\($0.rawValue)"] ?? "") }),
            closeForm: closeForm, isCase: item.kind == .case,
            conditionRows: canClose && item.kind == .case
                ? ConditionRowView.rows(closeForm, owners: owners.map { ($0.value, $0.label) }, fallback: nil, suffix: "-close-\(number)") : [],
            ballotAction: showBallot ? Paths.meetingItemBallot(meetingId, item.id) : nil,
            ballotChoices: (ballotForm.refused ? ballotForm.choices("choice", choices)
                            : FormState().choices("choice", choices, fallback: own?.choice.rawValue)).inGroup(id: "ballot-\(number)", name: "choice"),
            ballotForm: ballotForm,
            dissent: ballotForm.refused ? ballotForm.value("dissent") : own?.dissent ?? "",
            mine: own.map { ballot in
                messages.fill(ballot.bySecretary ? .ballot_mine_by_secretary : .ballot_mine,
                             ["choice": messages[runtime: "vote_\(ballot.choice.rawValue)"] ?? "", "when": formats.dateTime(ballot.castAt, language)])
            },
            notVoting: notVoting)
    }
}
