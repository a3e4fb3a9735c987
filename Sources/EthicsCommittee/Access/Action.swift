/// What they want to do, carrying the facts about the record that the decision needs.
public enum Action: Sendable, Equatable {
    /// Any signed-in page of one's own: home, own password, own language.
    case useApp
    /// List accounts, change roles, deactivate.
    case manageAccounts
    /// Make a password reset link for someone (shown once, e-mailed when SMTP is configured).
    case createResetLink
    /// Remove someone's second factor when they lost it (they set it up again).
    case resetSecondFactor
    /// Committee settings.
    case manageSettings
    /// Read and verify the audit trail.
    case readAuditTrail
    /// Create, revoke and re-send invitation links.
    case manageInvitations
    /// Invite someone with this role.
    case invite(Role)
    /// Open an invitation's page (details, state): whoever may invite that role.
    case viewInvitation(Role)
    /// Revoke a pending invitation: whoever may invite that role.
    case revokeInvitation(Role)
    /// The composition page and the members' directory (names, affiliations, expertise).
    case viewComposition
    /// The composition's figures, terms, declarations due and former members (not for external experts).
    case viewCompositionDetails
    /// A member's e-mail, interests and declarations.
    case viewMemberPrivate(memberId: Int64)
    /// A member's affiliation, expertise and interests.
    case editMemberProfile(memberId: Int64)
    /// A seat's internal/external, position, voting right and term.
    case manageSeats
    /// Signing one's own independence declaration.
    case signDeclaration(memberId: Int64)
    /// The first-visit page of a new member or expert.
    case completeOnboarding
    /// Start a new case (project owners, and the secretary on their behalf).
    case createCase
    /// Open a case: its page, its attachments, its place in lists and counts.
    case viewCase(CaseFacts)
    /// Change a draft (or a case sent back for information).
    case editCase(CaseFacts)
    /// Reviewers, reviews and the internal discussion.
    case viewCaseInternals(CaseFacts)
    /// Read a case item of a meeting (its part of the agenda, minutes, pack). Whoever may open the case may; so
    /// may the chair while approving the meeting's draft minutes, unless recused from the case (issue 14): the
    /// chair signs for every item, and a recused chair's items are approved as the rules of procedure say.
    case readMeetingItem(CaseFacts, approvingMinutes: Bool)
    /// Triage: assign reviewers, ask the submitter, decide, follow conditions.
    case manageCase(CaseFacts)
    /// Write one's review, declare a conflict of interest.
    case reviewCase(CaseFacts)
    /// Write in (or correct one's comment in) the internal discussion: open until the case is closed or withdrawn.
    case comment(CaseFacts)
    /// Declare a conflict of interest on a case one reviews, while it is not yet decided.
    case recuse(CaseFacts)
    /// Be named owner of a condition of this case (asked for the candidate, not for who names them).
    case ownCondition(CaseFacts)
    /// Open a written procedure on a case (a written vote on the proposed decision): never for a high-risk case,
    /// which is decided in a meeting.
    case openWrittenProcedure(CaseFacts)
    /// Open a written procedure on a free motion (adopting a deliverable, a recommendation…).
    case openWrittenMotion
    /// The written procedures list.
    case viewWrittenProcedures
    /// One written procedure: its text, proposed decision, who voted, the result.
    case viewWrittenProcedure(WrittenFacts)
    /// Cast one's ballot in a written procedure.
    case castWrittenBallot(WrittenFacts)
    /// Declare no conflict, or recuse, when one's declared interests match the case.
    case declareWrittenInterest(WrittenFacts)
    /// Ask for the item to be taken to a meeting instead (ends the written vote).
    case objectToWrittenProcedure(WrittenFacts)
    /// Move a case at all (submit, answer and resubmit, withdraw…): its project owner and the staff. Which move
    /// now is `Policy.moveRefusal`'s answer, from `CaseLifecycle`'s table.
    case moveCase(CaseFacts)
    /// Add a file to a case: whoever may edit the draft, and the staff until the case is closed or withdrawn.
    case uploadAttachment(CaseFacts)
    /// File a case on behalf of a project owner (the new-case form's owner field).
    case fileOnBehalf
    /// Read the published versions of a governance document (current, older, history, diff, print).
    /// Everyone signed in may; a visitor only when the settings make it public, and 404 otherwise.
    case readCharter(isPublic: Bool)
    /// Read and edit a document's working draft.
    case editCharterDraft
    /// Freeze the draft as the next version.
    case publishCharter
    /// "I have read and accept version N": the committee's accounts.
    case acknowledgeCharter
    /// See who has not acknowledged the current version.
    case viewAcknowledgements
    /// The meetings list (each person sees the meetings they may open).
    case viewMeetings
    /// A meeting's page, agenda, votes, minutes, print view and calendar file.
    case viewMeeting(MeetingFacts)
    /// Plan meetings, set the agenda, record attendance and votes, write the minutes.
    case manageMeetings
    /// Approve a meeting's minutes: the chair only (`chairId` is who holds the position now).
    case approveMinutes(chairId: Int64?)
    /// Open an item's vote to the members' own ballots (a held meeting, an undecided item).
    case openVote(ItemVoteFacts)
    /// See who has voted on an open vote (not how) and refresh the count.
    case followVote(ItemVoteFacts)
    /// Close an open vote: quorum and majority are checked, the item gets its result.
    case closeVote(ItemVoteFacts)
    /// Record a member's vote by show of hands while the vote is open ("recorded by the secretary").
    case recordBallot(ItemVoteFacts)
    /// Cast or change one's own ballot: a present voting member, not recused, while the vote is open.
    case castBallot(BallotFacts)
    /// Answer a meeting's invitation (attending, excused, not sure): its invitees.
    case answerInvitation(MeetingFacts)
    /// The deliverables list.
    case viewDeliverables
    /// One deliverable, with the case it is linked to, if any, and who votes on it in an open written procedure.
    case viewDeliverable(DeliverableFacts)
    /// Create, edit and move deliverables.
    case manageDeliverables
    /// The committee's figures as charts and tables (`/figures`).
    case viewFigures
    /// The cases one may open, with decisions and conditions, as CSV or JSON.
    case exportCases
    /// The annual report (PDF-ready HTML).
    case viewAnnualReport
    /// The AI Act obligation dates table: when each group of obligations applies, with its source.
    case manageAIActDates
    /// The cases the current AI Act questionnaire would classify differently, and re-classifying one.
    case reclassifyCases
    /// Read a case's fundamental-rights impact assessment (Art. 27) and print it.
    case readFRIA(CaseFacts)
    /// Write its next version: the case's project owner (or staff on their behalf) until the case is decided.
    case writeFRIA(CaseFacts)
    /// Report an incident on a system (its form and its sending): whoever may see the system.
    case reportIncident(SystemFacts)
    /// The incidents list (each person sees the incidents on the systems they may see).
    case viewIncidents
    /// One incident: its page and its evidence.
    case viewIncident(IncidentFacts)
    /// Triage: confirm the system and severity, assign an owner, record root cause and corrective actions.
    case triageIncident(IncidentFacts)
    /// Close a triaged incident (it is frozen).
    case closeIncident(IncidentFacts)
    /// Be named owner of an incident (asked for the candidate).
    case ownIncident(IncidentFacts)
    /// Send feedback through the public form: anyone, signed in or not, when the setting is on; 404 otherwise.
    case sendPublicFeedback(enabled: Bool)
    /// The register of AI systems (each person sees the systems they may open).
    case viewSystems
    /// Register a system, from a decided case or for a project that predates the committee.
    case registerSystem
    /// A system's page: its record, approving cases, conditions, status (`SystemPolicy.swift`).
    case viewSystem(SystemFacts)
    /// Edit a system's record.
    case editSystem(SystemFacts)
    /// Suspend a system's approval (opens a re-review case).
    case suspendSystem(SystemFacts)
    /// Put a planned or suspended system (back) in service.
    case resumeSystem(SystemFacts)
    /// Retire a system (irreversible).
    case retireSystem(SystemFacts)
    /// Report a substantive change (new model, data source, purpose, population): opens a re-review case.
    case reportSystemChange(SystemFacts)
    /// Attest that a system in service operates as approved.
    case attestSystem(SystemFacts)
}
