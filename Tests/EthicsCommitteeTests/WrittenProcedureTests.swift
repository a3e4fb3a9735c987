import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// Decisions between meetings: a written vote opened by the secretary, cast by each eligible voter, closed by the
/// last ballot or at the deadline, or taken to a meeting by one voter's objection.
@Suite struct WrittenProcedureTests {
    /// The shared committee with a low-risk case in review.
    @dynamicMemberLookup struct Fixture {
        let people: CommitteeFixture
        let low: Int64
        subscript<T>(dynamicMember path: KeyPath<CommitteeFixture, T>) -> T { people[keyPath: path] }
        var s: AppServices { people.services }
        var by: AuditActor { people.sec }
        func actor(_ user: User) -> AuditActor { people.actor(user) }
    }

    /// The shared committee (Ada chairs; Ada, Bob and Carol are members, Turing an external expert), where Turing
    /// declared an interest in the vendor and Carol reviewed the low-risk case in review ("Claims triage", vendor Claims AI).
    static func fixture(confidential: Bool = false) async throws -> Fixture {
        let c = try await CommitteeFixture.make()
        let s = c.services
        try await s.members.addInterest(userId: c.turing.id, organisation: "Claims AI", nature: "Adviser", since: nil, by: .system())
        var answers: [String: Readiness.Answer] = [:]
        for question in Readiness.questionIds { answers[question] = .yes }
        let draft = CaseDraft(title: "Claims triage", team: "Customer care", vendor: "Claims AI Ltd", kind: .tool, customerFacing: false,
                              personalData: false, confidential: confidential, description: "Triage.", answers: answers, notes: [:])
        let low = try await s.cases.create(draft, descriptionHTML: "<p>Triage.</p>", submitterId: c.owner.id, by: .system())
        try await s.cases.move(id: low, from: .draft, to: .submitted, transition: .submit, by: .system())
        try await s.caseReviews.assign(caseId: low, userId: c.carol.id, dueOn: "2030-12-31", by: c.sec)
        try await s.caseReviews.review(caseId: low, reviewerId: c.carol.id, recommendation: .conditions, reasoning: "Log it.",
                                       reasoningHTML: "<p>Log it.</p>", by: .system())
        return Fixture(people: c, low: low)
    }

    static func caseFields(_ f: Fixture, deadline: String = "2030-06-30T12:00") -> [String: String] {
        ["outcome": "conditions", "opinion": "The triage may be deployed.\n\nIts routing must be logged.", "articles": "Art. 4",
         "condition_text_1": "Log every routing", "condition_owner_1": "\(f.owner.id)", "condition_due_1": "2031-01-31",
         "text": "Decided in writing: the next meeting is two months away.", "deadline": deadline]
    }

    /// A motion opened through the store, deadline far ahead.
    static func motion(_ f: Fixture, title: String = "Adopt the benchmark", deadline: String = "2030-06-30T12:00:00.000Z") async throws -> Int64 {
        try await f.s.written.open(WrittenProposal(kind: .motion, caseId: nil, deliverableId: nil, title: title, text: "Adopt it.",
                                                   textHTML: "<p>Adopt it.</p>", outcome: nil, opinion: "", opinionHTML: "", charterVersion: nil,
                                                   articles: "", conditions: [], deadline: deadline), by: f.by)
    }

    @Test func aWrittenProcedureDecidesTheCaseWithItsConditions() async throws {
        let f = try await Self.fixture()
        let id = f.low
        let procedure: Int64 = try await f.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/cases/\(id)")
            #expect(page.body.contains("/cases/\(id)/written-procedure#decision-form"))
            // A deadline in the past is refused, with everything typed kept
            var fields = Self.caseFields(f, deadline: "2020-01-01T12:00")
            let past = try await secretary.post("/cases/\(id)/written-procedure", fields)
            #expect(past.status == .unprocessableContent)
            #expect(past.body.contains("The deadline must lie in the future"))
            #expect(past.body.contains("Decided in writing: the next meeting is two months away."))
            #expect(past.body.contains("Log every routing") && past.body.contains("2020-01-01T12:00"))
            fields["deadline"] = "2030-06-30T12:00"
            let opened = try await secretary.post("/cases/\(id)/written-procedure", fields)
            #expect(opened.status == .seeOther)
            let procedure = try #require(opened.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            // No second written vote is offered while one runs; the case links to it
            let after = try await secretary.get("/cases/\(id)")
            #expect(!after.body.contains("/cases/\(id)/written-procedure#") && after.body.contains("/written-procedures/\(procedure)"))

            // Each voter votes on their own session
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            #expect(try await ada.get("/").body.contains("Written procedures awaiting your vote"))
            let adaPage = try await ada.get("/written-procedures/\(procedure)")
            #expect(adaPage.body.contains("Its routing must be logged") && adaPage.body.contains("Log every routing"))
            #expect(adaPage.body.contains("ballot-form"))
            #expect(try await ada.post("/written-procedures/\(procedure)/ballot", ["choice": "for"]).status == .seeOther)
            let again = try await ada.post("/written-procedures/\(procedure)/ballot", ["choice": "against", "reasoning": "Changed my mind"])
            #expect(again.status == .unprocessableContent && again.body.contains("You have already voted"))

            // Turing's declared interest matches the vendor: he declares first, then votes
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            let turingPage = try await turing.get("/written-procedures/\(procedure)")
            #expect(turingPage.body.contains("declaration-form") && !turingPage.body.contains("ballot-form"))
            let early = try await turing.post("/written-procedures/\(procedure)/ballot", ["choice": "against", "reasoning": "Too early."])
            #expect(early.status == .unprocessableContent && early.body.contains("before voting") && early.body.contains("Too early."))
            #expect(try await turing.post("/written-procedures/\(procedure)/declaration", ["declaration": "no_conflict"]).status == .seeOther)
            #expect(try await turing.post("/written-procedures/\(procedure)/ballot", ["choice": "against", "reasoning": "Logs are not enough."])
                .status == .seeOther)
            for email in ["bob@example.org", "carol@example.org"] {
                let voter = Browser(client)
                try await voter.signIn(email)
                try await voter.get("/written-procedures/\(procedure)")
                #expect(try await voter.post("/written-procedures/\(procedure)/ballot", ["choice": email.hasPrefix("bob") ? "for" : "abstain"])
                    .status == .seeOther)
            }
            // Everyone voted: closed and adopted (2 for, 1 against, 1 abstaining); a late ballot is refused with a message
            let closed = try await ada.get("/written-procedures/\(procedure)")
            #expect(closed.body.contains("Adopted") && closed.body.contains("Logs are not enough."))
            let late = try await ada.post("/written-procedures/\(procedure)/ballot", ["choice": "for"])
            #expect(late.status == .unprocessableContent && late.body.contains("The written vote is over"))
            return procedure
        }
        // The case is decided exactly as a meeting's vote decides it
        let decision = try #require(try await f.s.caseDecisions.decision(caseId: id))
        #expect(decision.outcome == .conditions)
        #expect(try await f.s.caseDecisions.conditions(caseId: id).map(\.text) == ["Log every routing"])
        let (found, _) = try #require(try await f.s.cases.find(id: id))
        #expect(found.status == .decided)
        let actions = try f.app.auditActions()
        for action in ["written.opened", "written.no_conflict", "written.ballot_cast", "written.closed", "case.decide"] {
            #expect(actions.contains(action), Comment(rawValue: action))
        }
        let procedureRow = try await f.app.database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT d.procedure, w.result FROM case_decisions d, written_procedures w WHERE d.case_id = ? AND w.id = ?",
                             arguments: [id, procedure])
        }
        #expect(procedureRow?["procedure"] == "written" && procedureRow?["result"] == "adopted")
        let ownerTold = try await f.s.notifications.latest(userId: f.owner.id).contains { $0.kind == .caseDecided }
        #expect(ownerTold)
        // A second ballot cannot exist: the database refuses it, not only the code
        await #expect(throws: DatabaseError.self) {
            try await f.app.database.writer.write { db in
                try db.execute(sql: "INSERT INTO written_ballots (procedure_id, voter_id, choice, cast_at) VALUES (?, ?, 'for', 'x')",
                               arguments: [procedure, f.ada.id])
            }
        }
    }

    @Test func aCaseIsDecidedOneWayAtATime() async throws {
        let f = try await Self.fixture()
        let meeting = try await f.s.meetings.create(MeetingDraft(title: "Plenary", startsAt: "2030-12-03T13:00:00Z", duration: 120,
                                                                 place: "Room 1", videoURL: "", invitees: [f.ada.id, f.bob.id]), by: f.by)
        // On a planned agenda, the case is not put to a written vote (refused, said on the case page)
        try await f.s.agenda.add(meetingId: meeting, kind: .case, caseId: f.low, by: f.by)
        try await f.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(f.low)")
            let refused = try await secretary.post("/cases/\(f.low)/written-procedure", Self.caseFields(f))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("This case is on the agenda of a meeting that will decide it"))
        }
        // Taken off the agenda, it goes to a written vote; then no agenda offers it, and adding it is refused
        let item = try #require(try await f.s.agenda.items(meetingId: meeting).first)
        try await f.s.agenda.remove(itemId: item.id, meetingId: meeting, by: f.by)
        _ = try await f.s.written.open(WrittenProposal(kind: .case, caseId: f.low, deliverableId: nil, title: "", text: "Vote.", textHTML: "<p>Vote.</p>",
                                                       outcome: .favourable, opinion: "Fine.", opinionHTML: "<p>Fine.</p>", charterVersion: nil,
                                                       articles: "", conditions: [], deadline: "2030-06-30T12:00:00.000Z"), by: f.by)
        #expect(try await f.s.agenda.casesReady().map(\.id) == [])
        await #expect(throws: MeetingRefusal(key: "agenda_error_written_running")) {
            try await f.s.agenda.add(meetingId: meeting, kind: .case, caseId: f.low, by: f.by)
        }
    }

    @Test func aRecusedMemberAndAnUnclearedInterestCannotVote() async throws {
        let f = try await Self.fixture()
        let procedure = try await f.s.written.open(WrittenProposal(
            kind: .case, caseId: f.low, deliverableId: nil, title: "", text: "Vote.", textHTML: "<p>Vote.</p>", outcome: .favourable,
            opinion: "Fine.", opinionHTML: "<p>Fine.</p>", charterVersion: nil, articles: "", conditions: [],
            deadline: "2030-06-30T12:00:00.000Z"), by: f.by)
        // The database refuses a ballot before the matching interest is cleared
        await #expect(throws: WrittenRefusal(key: "written_error_not_eligible")) {
            try await f.s.written.cast(id: procedure, userId: f.turing.id, choice: .for, reasoning: "", by: f.actor(f.turing))
        }
        try await f.app.test { client in
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            try await turing.get("/written-procedures/\(procedure)")
            // Recusing is irreversible: without the box ticked nothing happens
            let unconfirmed = try await turing.post("/written-procedures/\(procedure)/declaration", ["declaration": "recused"])
            #expect(unconfirmed.status == .unprocessableContent && unconfirmed.body.contains("cannot be undone"))
            let recused = try await turing.post("/written-procedures/\(procedure)/declaration", ["declaration": "recused", "confirm": "1"])
            #expect(recused.location == "/written-procedures")
            // The case was only his to read through his vote: recused, it answers 404, and so does the ballot
            #expect(try await turing.get("/cases/\(f.low)").status == .notFound)
            #expect(try await turing.post("/written-procedures/\(procedure)/ballot", ["choice": "for"]).status == .notFound)
        }
        await #expect(throws: WrittenRefusal(key: "written_error_not_eligible")) {
            try await f.s.written.cast(id: procedure, userId: f.turing.id, choice: .for, reasoning: "", by: f.actor(f.turing))
        }
        // A non-voting seat is no voter at all
        let voters = try #require(try await f.s.written.find(id: procedure, objectionAllowed: true)).1
        #expect(Set(voters.map(\.userId)) == [f.ada.id, f.bob.id, f.carol.id, f.turing.id])
        #expect(try f.app.auditActions().contains("written.recused"))
    }

    @Test func anObjectionTakesTheItemToTheNextPlannedMeetingOrBackToBeScheduled() async throws {
        let f = try await Self.fixture()
        let motion = try await Self.motion(f)
        try await f.app.test { client in
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            // No meeting planned: the item goes back to be scheduled, and the page says so
            let page = try await bob.get("/written-procedures/\(motion)")
            #expect(page.body.contains("/written-procedures/\(motion)/objection"))
            let confirm = try await bob.get("/written-procedures/\(motion)/objection")
            #expect(confirm.status == .ok && confirm.body.contains("name=\"confirm\""))
            let unconfirmed = try await bob.post("/written-procedures/\(motion)/objection")
            #expect(unconfirmed.status == .ok)
            #expect(try await f.s.written.find(id: motion, objectionAllowed: true)?.0.status == .open)
            #expect(try await bob.post("/written-procedures/\(motion)/objection", ["confirm": "1"]).status == .seeOther)
            let ended = try await bob.get("/written-procedures/\(motion)")
            #expect(ended.body.contains("No meeting is planned yet"))
            #expect(try await bob.post("/written-procedures/\(motion)/ballot", ["choice": "for"]).body.contains("The written vote is over"))
        }
        #expect(try await f.s.written.find(id: motion, objectionAllowed: true)?.0.status == .toMeeting)

        // With a meeting planned, a case procedure goes on its agenda
        let meeting = try await f.s.meetings.create(MeetingDraft(title: "Plenary", startsAt: "2030-12-03T13:00:00Z", duration: 120, place: "Room 1",
                                                                 videoURL: "", invitees: [f.ada.id, f.bob.id]), by: f.by)
        let procedure = try await f.s.written.open(WrittenProposal(
            kind: .case, caseId: f.low, deliverableId: nil, title: "", text: "Vote.", textHTML: "<p>Vote.</p>", outcome: .favourable,
            opinion: "Fine.", opinionHTML: "<p>Fine.</p>", charterVersion: nil, articles: "", conditions: [],
            deadline: "2030-06-30T12:00:00.000Z"), by: f.by)
        #expect(try await f.s.written.object(id: procedure, userId: f.carol.id, by: f.actor(f.carol)) == meeting)
        #expect(try await f.s.agenda.items(meetingId: meeting).contains { $0.caseId == f.low })
        #expect(try await f.s.caseDecisions.decision(caseId: f.low) == nil)
        #expect(try f.app.auditActions().filter { $0 == "written.to_meeting" }.count == 2)
    }

    @Test func theSettingTurnsTheObjectionOff() async throws {
        let f = try await Self.fixture()
        let motion = try await Self.motion(f)
        var settings = f.s.settings.current
        settings.writtenObjection = false
        try await f.s.settings.save(settings, by: .system())
        try await f.app.test { client in
            let bob = Browser(client)
            try await bob.signIn("bob@example.org")
            #expect(!(try await bob.get("/written-procedures/\(motion)")).body.contains("/objection"))
            #expect(try await bob.get("/written-procedures/\(motion)/objection").status == .notFound)
        }
    }

    @Test func theSweepRemindsOnceAndClosesAtTheDeadline() async throws {
        let f = try await Self.fixture()
        let deadline = Timestamp.string(f.app.clock.now.addingTimeInterval(20 * 3600))
        let procedure = try await f.s.written.open(WrittenProposal(
            kind: .case, caseId: f.low, deliverableId: nil, title: "", text: "Vote.", textHTML: "<p>Vote.</p>", outcome: .favourable,
            opinion: "Fine.", opinionHTML: "<p>Fine.</p>", charterVersion: nil, articles: "", conditions: [], deadline: deadline), by: f.by)
        try await f.s.written.cast(id: procedure, userId: f.ada.id, choice: .for, reasoning: "", by: f.actor(f.ada))
        let sweep = DueDateSweep(db: f.app.database, formats: f.s.formats)
        func reminders() async throws -> Int {
            try await f.app.database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM notifications WHERE kind = 'written_reminder'") ?? 0
            }
        }
        try await sweep.run()
        // Bob, Carol and Turing have not voted: reminded once each, whatever the number of sweeps
        #expect(try await reminders() == 3)
        try await sweep.run()
        #expect(try await reminders() == 3)
        // Past the deadline: one ballot of four is too few, so the proposal is not carried and the case is deferred
        f.app.clock.advance(21 * 3600)
        await #expect(throws: WrittenRefusal(key: "written_error_closed")) {
            try await f.s.written.cast(id: procedure, userId: f.bob.id, choice: .for, reasoning: "", by: f.actor(f.bob))
        }
        try await sweep.run()
        let closed = try #require(try await f.s.written.find(id: procedure, objectionAllowed: true)).0
        #expect(closed.status == .closed && closed.result == .noQuorum)
        #expect(try await f.s.caseDecisions.decision(caseId: f.low) == nil)
        #expect(try await f.s.cases.events(caseId: f.low).contains { $0.event == "defer_" })
    }

    @Test func theListsAgreeWithThePolicy() async throws {
        let f = try await Self.fixture(confidential: true)
        let observer = try await f.app.user("observer@uni.example", role: .expert, name: "Otto Observer")
        try await f.s.members.saveSeat(userId: observer.id, external: true, position: .none, voting: false, termStart: nil, termEnd: nil, by: .system())
        let motion = try await Self.motion(f)
        let onCase = try await f.s.written.open(WrittenProposal(
            kind: .case, caseId: f.low, deliverableId: nil, title: "", text: "Vote.", textHTML: "<p>Vote.</p>", outcome: .favourable,
            opinion: "Fine.", opinionHTML: "<p>Fine.</p>", charterVersion: nil, articles: "", conditions: [],
            deadline: "2030-06-30T12:00:00.000Z"), by: f.by)
        func agree(_ expectations: [(User, Set<Int64>)]) async throws {
            for (user, expected) in expectations {
                let actor = Actor(userId: user.id, role: user.role)
                var allowed: Set<Int64> = []
                for id in [motion, onCase] {
                    let facts = try #require(try await f.s.written.find(id: id, objectionAllowed: true)).2
                    if Policy.decide(actor, .viewWrittenProcedure(facts)) == .allow { allowed.insert(id) }
                }
                let listed = try await f.s.written.list(for: actor, page: 1, size: 25)
                #expect(allowed == expected, Comment(rawValue: user.name))
                #expect(Set(listed.rows.map(\.id)) == allowed && listed.total == allowed.count, Comment(rawValue: "list of \(user.name)"))
                // Its case, confidential, is readable while the vote runs, by the same rule in Policy and in SQL
                let (_, caseFacts) = try #require(try await f.s.cases.find(id: f.low))
                let (cases, _) = try await f.s.cases.list(for: actor, filter: CaseFilter(), today: "2030-01-01", offset: 0, limit: 100)
                #expect((Policy.decide(actor, .viewCase(caseFacts)) == .allow) == cases.contains { $0.id == f.low },
                        Comment(rawValue: "case list of \(user.name)"))
            }
        }
        // Turing, an expert voter, sees both while the case vote runs; the non-voting expert sees neither; the owner none
        try await agree([(f.secretary, [motion, onCase]), (f.ada, [motion, onCase]), (f.turing, [motion, onCase]),
                         (observer, []), (f.owner, [])])
        // Once the case vote is over its voters no longer read the confidential case (Carol reviews it: she still does)
        try await f.s.written.close(id: onCase, by: .system())
        try await agree([(f.secretary, [motion, onCase]), (f.ada, [motion]), (f.carol, [motion, onCase]), (f.turing, [motion]),
                         (observer, []), (f.owner, [])])
    }

    /// Whoever votes reads what they decide: an external expert voting on a motion about a deliverable opens it while
    /// the vote runs (the page links it, the list counts it, as the policy says); once closed, the link goes with it.
    @Test func anExpertVoterReadsTheDeliverableAMotionDecides() async throws {
        let f = try await Self.fixture()
        let deliverable = try await f.s.deliverables.create(
            DeliverableDraft(kind: .benchmark, title: "Benchmark of triage vendors", ownerId: f.ada.id, dueOn: "2030-01-31", caseId: nil,
                             meetingId: nil, body: ""), bodyHTML: "", by: .system())
        let motion = try await f.s.written.open(WrittenProposal(kind: .motion, caseId: nil, deliverableId: deliverable, title: "Adopt the benchmark",
                                                                text: "Adopt it.", textHTML: "<p>Adopt it.</p>", outcome: nil, opinion: "",
                                                                opinionHTML: "", charterVersion: nil, articles: "", conditions: [],
                                                                deadline: "2030-06-30T12:00:00.000Z"), by: f.by)
        let turing = Actor(userId: f.turing.id, role: .expert)
        @Sendable func listed() async throws -> Bool {
            try await f.s.deliverables.list(for: turing, status: nil, ownerId: nil).rows.contains { $0.id == deliverable }
        }
        try await f.app.test { client in
            let browser = Browser(client)
            try await browser.signIn("turing@uni.example")
            #expect(try await browser.get("/written-procedures/\(motion)").body.contains("href=\"/deliverables/\(deliverable)\""))
            #expect(try await browser.get("/deliverables/\(deliverable)").status == .ok)
            #expect(try await listed())
            try await f.s.written.close(id: motion, by: .system())
            #expect(!(try await browser.get("/written-procedures/\(motion)").body.contains("href=\"/deliverables/\(deliverable)\"")))
            #expect(try await browser.get("/deliverables/\(deliverable)").status == .notFound)
            #expect(!(try await listed()))
        }
    }

    @Test func aHighRiskCaseAndAPastDeadlineAreRefused() async throws {
        let f = try await Self.fixture()
        let high = try await CommitteeFixture.caseInReview(f.app, title: "Voice cloning", confidential: false, owner: f.owner,
                                                           reviewers: [f.carol], by: f.secretary)
        try await f.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/cases/\(high)")
            #expect(!page.body.contains("/written-procedure#") && page.body.contains("decided only in a meeting"))
            let refused = try await secretary.post("/cases/\(high)/written-procedure", Self.caseFields(f))
            #expect(refused.status == .unprocessableContent && refused.body.contains("decided only in a meeting"))
            // A motion with a deadline in the past keeps what was typed
            try await secretary.get("/written-procedures/new")
            let past = try await secretary.post("/written-procedures", ["title": "Adopt the report", "text": "Please adopt.",
                                                                        "deadline": "2020-01-01T10:00"])
            #expect(past.status == .unprocessableContent && past.body.contains("The deadline must lie in the future")
                    && past.body.contains("Adopt the report") && past.body.contains("Please adopt."))
            let opened = try await secretary.post("/written-procedures", ["title": "Adopt the report", "text": "Please adopt.",
                                                                          "deadline": "2030-01-01T10:00"])
            #expect(opened.status == .seeOther)
            let list = try await secretary.get("/written-procedures")
            #expect(list.body.contains("Adopt the report") && list.body.contains("0 of 4 voted"))
        }
        await #expect(throws: WrittenRefusal(key: "written_error_deadline_past")) {
            _ = try await Self.motion(f, deadline: "2020-01-01T00:00:00.000Z")
        }
    }

    @Test func theNextMinutesListTheWrittenDecisionsForRatification() async throws {
        let f = try await Self.fixture()
        let motion = try await Self.motion(f, title: "Adopt the annual report")
        for voter in [f.ada, f.bob, f.carol] {
            try await f.s.written.cast(id: motion, userId: voter.id, choice: .for, reasoning: "", by: f.actor(voter))
        }
        try await f.s.written.cast(id: motion, userId: f.turing.id, choice: .against, reasoning: "", by: f.actor(f.turing))
        #expect(try await f.s.written.find(id: motion, objectionAllowed: true)?.0.result == .adopted)
        let meeting = try await f.s.meetings.create(MeetingDraft(title: "Plenary", startsAt: "2030-12-03T13:00:00Z", duration: 120, place: "Room 1",
                                                                 videoURL: "", invitees: [f.ada.id, f.bob.id]), by: f.by)
        try await f.app.test { client in
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let print = try await ada.get("/meetings/\(meeting)/minutes/print")
            #expect(print.body.contains("Decisions by written procedure, for ratification"))
            #expect(print.body.contains("Written procedure no. \(motion): Adopt the annual report"))
        }
    }

    /// Every eligible voter of the case's running written procedure votes for it (declaring no conflict first when
    /// asked): other suites use it to decide a case the way the app now does.
    static func allVoteFor(_ app: TestApp, caseId: Int64) async throws {
        let store = app.services.written
        let running = try #require(try await store.forCase(caseId).first { $0.status == .open })
        let voters = try #require(try await store.find(id: running.id, objectionAllowed: true)).1
        for voter in voters {
            let actor = AuditActor(id: voter.userId, label: voter.name, client: "")
            if voter.mustDeclare { try await store.declare(id: running.id, userId: voter.userId, .noConflict, by: actor) }
            try await store.cast(id: running.id, userId: voter.userId, choice: .for, reasoning: "", by: actor)
        }
    }

    /// A case procedure on the fixture's case (Turing must declare on it).
    static func motionWithCase(_ f: Fixture) async throws -> Int64 {
        try await f.s.written.open(WrittenProposal(
            kind: .case, caseId: f.low, deliverableId: nil, title: "", text: "Vote.", textHTML: "<p>Vote.</p>", outcome: .favourable,
            opinion: "Fine.", opinionHTML: "<p>Fine.</p>", charterVersion: nil, articles: "", conditions: [],
            deadline: "2030-06-30T12:00:00.000Z"), by: f.by)
    }
}
