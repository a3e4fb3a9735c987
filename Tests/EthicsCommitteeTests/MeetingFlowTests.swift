import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The meeting journey through HTTP: agenda, attendance, quorum after recusals, votes, the decision
/// reaching the case, minutes approved and locked, redaction for an invited expert, the audit trail.
@Suite struct MeetingFlowTests {
    /// The shared committee with two cases in review.
    @dynamicMemberLookup struct Committee {
        let people: CommitteeFixture
        let open: Int64, secret: Int64
        subscript<T>(dynamicMember path: KeyPath<CommitteeFixture, T>) -> T { people[keyPath: path] }
    }

    /// The shared committee (Ada chairs); Bob is recused from the open case; Turing (external) reviews only the open
    /// case; Carol alone reviews the confidential one.
    static func committee() async throws -> Committee {
        let c = try await CommitteeFixture.make()
        let open = try await c.caseInReview(title: "Chatbot for claims", reviewers: [c.bob, c.turing])
        let secret = try await c.caseInReview(title: "Secret voice cloning", confidential: true, reviewers: [c.carol])
        try await c.services.caseReviews.recuse(caseId: open, userId: c.bob.id, reason: "I built it.", by: .system())
        return Committee(people: c, open: open, secret: secret)
    }

    static func form(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
    }

    @Test func theWholeMeetingJourney() async throws {
        let c = try await Self.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")

            // Given a planned meeting: an invalid form keeps its values and explains
            try await secretary.get("/meetings/new")
            let invalid = try await secretary.post("/meetings", ["title": "November plenary", "starts_at": "soon", "duration": "120", "place": ""])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.body.contains("Give the date and time of the meeting."))
            #expect(invalid.body.contains("Give a place or a video link."))
            #expect(invalid.body.contains("value=\"November plenary\""))
            let created = try await secretary.postRaw("/meetings", [
                ("title", "November plenary"), ("starts_at", "2026-11-24T14:00"), ("duration", "120"), ("place", "Room 4, Paris"),
                ("invitees", "\(c.ada.id)"), ("invitees", "\(c.bob.id)"), ("invitees", "\(c.carol.id)"), ("invitees", "\(c.turing.id)"),
            ])
            #expect(created.status == .seeOther)
            let meeting = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })

            // Three items: the two cases and a free item; the free item moves up one place
            try await secretary.get("/meetings/\(meeting)")
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.open)"])
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.secret)"])
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "free", "title": "Annual report planning", "note": "Draft due in **March**."])
            let items = try await c.app.services.agenda.items(meetingId: meeting)
            #expect(items.count == 3)
            try await secretary.post("/meetings/\(meeting)/items/\(items[2].id)/move/up")
            let reordered = try await c.app.services.agenda.items(meetingId: meeting).map(\.id)
            #expect(reordered == [items[0].id, items[2].id, items[1].id])
            let openItem = items[0].id, secretItem = items[1].id
            let planned = try await secretary.get("/meetings/\(meeting)")
            #expect(planned.body.contains("<strong>March</strong>"))

            // Votes cannot be recorded before the meeting is held
            let early = try await secretary.post("/meetings/\(meeting)/items/\(openItem)/vote", ["outcome": "favourable", "decision": "x"])
            #expect(early.status == .unprocessableContent)

            // The meeting is held; Ada and Bob present, Carol absent, Turing excused
            try await secretary.post("/meetings/\(meeting)/hold")
            try await secretary.post("/meetings/\(meeting)/attendance", [
                "attendance_\(c.ada.id)": "present", "attendance_\(c.bob.id)": "present",
                "attendance_\(c.carol.id)": "absent", "attendance_\(c.turing.id)": "excused"])
            // Bob is recused from the open case: one of three voting members present is no quorum
            let page = try await secretary.get("/meetings/\(meeting)")
            #expect(page.body.contains("more than half of the voting members (not counting those recused) must be present"))
            let noQuorum = try await secretary.post("/meetings/\(meeting)/items/\(openItem)/vote", [
                "vote_\(c.ada.id)": "for", "outcome": "favourable", "decision": "Go."])
            #expect(noQuorum.status == .unprocessableContent)
            #expect(noQuorum.body.contains("Quorum") || noQuorum.body.contains("not reached"))
            #expect(try await c.app.services.agenda.votes(meetingId: meeting).isEmpty)

            // Carol and Turing arrive: the quorum is reached
            try await secretary.post("/meetings/\(meeting)/attendance", [
                "attendance_\(c.ada.id)": "present", "attendance_\(c.bob.id)": "present",
                "attendance_\(c.carol.id)": "present", "attendance_\(c.turing.id)": "present"])
            let decisionForm: [String: String] = [
                "vote_\(c.ada.id)": "for", "vote_\(c.turing.id)": "for", "vote_\(c.carol.id)": "against",
                "dissent_\(c.carol.id)": "The fallback is not tested.", "outcome": "conditions",
                "decision": "Favourable **if a human fallback exists**.",
                "condition_text_1": "Deploy a fallback to human agents", "condition_owner_1": "\(c.owner.id)", "condition_due_1": "2027-01-31"]
            // A recused member may not vote, nor may anyone vote twice
            var withBob = decisionForm
            withBob["vote_\(c.bob.id)"] = "for"
            let recusedVote = try await secretary.post("/meetings/\(meeting)/items/\(openItem)/vote", withBob)
            #expect(recusedVote.status == .unprocessableContent)
            #expect(recusedVote.body.contains("Only present voting members who are not recused may vote on this item."))
            var missing = decisionForm
            missing["vote_\(c.carol.id)"] = nil
            #expect(try await secretary.post("/meetings/\(meeting)/items/\(openItem)/vote", missing).status == .unprocessableContent)
            let voted = try await secretary.post("/meetings/\(meeting)/items/\(openItem)/vote", decisionForm)
            #expect(voted.status == .seeOther)
            let twice = try await secretary.post("/meetings/\(meeting)/items/\(openItem)/vote", decisionForm)
            #expect(twice.status == .unprocessableContent)
            #expect(twice.body.contains("already recorded"))
            let votes = try await c.app.services.agenda.votes(meetingId: meeting)[openItem] ?? []
            #expect(votes.count == 3)
            #expect(!votes.contains { $0.userId == c.bob.id })

            // The decision reached the case: decided, procedure "meeting" on the meeting's date, with its condition and opinion
            let (decidedCase, _) = try #require(try await c.app.services.cases.find(id: c.open))
            #expect(decidedCase.status == .decided)
            let decision = try #require(try await c.app.services.caseDecisions.decision(caseId: c.open))
            #expect(decision.outcome == .conditions)
            #expect(decision.procedure == "meeting")
            #expect(decision.meetingOn == "2026-11-24")
            #expect(try await c.app.services.caseDecisions.conditions(caseId: c.open).map(\.text) == ["Deploy a fallback to human agents"])
            let opinions = try await c.app.services.deliverables.all().map(\.0).filter { $0.kind == .opinion && $0.caseId == c.open }
            #expect(opinions.count == 1 && opinions[0].status == .delivered && opinions[0].meetingId == meeting)

            // The confidential case is decided too (Carol is its reviewer; all four may vote)
            try await secretary.post("/meetings/\(meeting)/items/\(secretItem)/vote", [
                "vote_\(c.ada.id)": "for", "vote_\(c.bob.id)": "for", "vote_\(c.turing.id)": "abstain", "vote_\(c.carol.id)": "for",
                "outcome": "unfavourable", "decision": "Unfavourable: voice cloning without consent."])
            #expect(try await c.app.services.cases.find(id: c.secret)?.0.status == .decided)

            // The minutes come prefilled with one heading per item to write under; the record is not copied in
            let minutesPage = try await secretary.get("/meetings/\(meeting)/minutes")
            let markdown = try #require(Self.textarea(minutesPage.body))
            #expect(markdown.hasPrefix("## 1. Chatbot for claims"))
            #expect(markdown.contains("## 3. Secret voice cloning") && markdown.contains("## Other business and closing"))
            #expect(!markdown.contains("Votes") && !markdown.contains("Present"))
            let edited = markdown.replacingOccurrences(of: "## 1. Chatbot for claims\n", with: "## 1. Chatbot for claims\n\nThe reviewers presented the fallback plan.\n")
                + "\n\nThe chair closed the meeting at 16:00."
            #expect(try await secretary.post("/meetings/\(meeting)/minutes", ["markdown": edited]).status == .seeOther)

            // The printed draft takes the record once: attendance, the conflict, numbered resolutions with the
            // tally, the dissent, the conditions and the quorum; the discussion sits under its item; DRAFT stands on it
            let printed = try await secretary.get("/meetings/\(meeting)/minutes/print")
            for expected in ["Present (4)", "Ada Lovelace", "Bob Babbage declared a conflict of interest on item 1 and took no part in it.",
                             "Resolution 1</strong> — Favourable with conditions", "Votes: 2 for, 1 against, 0 abstaining.",
                             "Carol Shaw — Against: The fallback is not tested.", "Deploy a fallback to human agents",
                             "Quorum: 3 of 3 voting members present and entitled to vote; 1 recused.",
                             "The reviewers presented the fallback plan.", "The chair closed the meeting at 16:00.",
                             "class=\"watermark\"", "DRAFT"] {
                #expect(printed.body.contains(expected), Comment(rawValue: expected))
            }
            #expect(printed.body.components(separatedBy: "The reviewers presented the fallback plan.").count == 2)

            // Only the chair approves; the secretary and another member get 404
            #expect(try await secretary.post("/meetings/\(meeting)/minutes/approve").status == .notFound)
            let carol = Browser(client)
            try await carol.signIn("carol@example.org")
            try await carol.get("/meetings/\(meeting)/minutes")
            #expect(try await carol.post("/meetings/\(meeting)/minutes/approve").status == .notFound)
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            let chairView = try await ada.get("/meetings/\(meeting)/minutes")
            #expect(chairView.body.contains("Approve the minutes") && chairView.body.contains("Send the draft back to the secretary"))

            // The chair may first send the draft back with comments: an empty comment is refused, the secretary reads
            // the comments on the minutes until the draft is saved again; nobody else may send it back
            let empty = try await ada.post("/meetings/\(meeting)/minutes/return", ["comment": "  "])
            #expect(empty.status == .unprocessableContent && empty.body.contains("Write what should be corrected."))
            #expect(try await carol.post("/meetings/\(meeting)/minutes/return", ["comment": "x"]).status == .notFound)
            c.app.clock.advance(60)
            #expect(try await ada.post("/meetings/\(meeting)/minutes/return", ["comment": "Name the reviewers in item 1."]).status == .seeOther)
            let returned = try await secretary.get("/meetings/\(meeting)/minutes")
            #expect(returned.body.contains("Sent back by Ada Lovelace on") && returned.body.contains("Name the reviewers in item 1."))
            c.app.clock.advance(60)
            let resaved = try #require(Self.textarea(returned.body))
            #expect(try await secretary.post("/meetings/\(meeting)/minutes", ["markdown": resaved]).status == .seeOther)
            #expect(!(try await secretary.get("/meetings/\(meeting)/minutes")).body.contains("Name the reviewers in item 1."))
            #expect(try c.app.auditActions().contains("meeting.minutes_returned"))
            try await ada.get("/meetings/\(meeting)/minutes")
            #expect(try await ada.post("/meetings/\(meeting)/minutes/approve", ["confirm": "1"]).status == .seeOther)
            let approved = try await ada.get("/meetings/\(meeting)/minutes")
            #expect(approved.body.contains("Approved by Ada Lovelace on"))
            // The closing part is under no numbered heading: only readers who may see every item read it (fails closed)
            #expect(!approved.body.contains("The chair closed the meeting at 16:00."))
            #expect(approved.body.contains("A part of the minutes is not shown"))
            #expect(try await secretary.get("/meetings/\(meeting)/minutes").body.contains("The chair closed the meeting at 16:00."))
            #expect(try await c.app.services.meetings.find(id: meeting)?.0.status == .closed)

            // Approval is a signature: the printed minutes are archived with their SHA-256, which the audit entry,
            // the minutes page and the print view carry, and the approved copy downloads byte for byte
            let archive = try #require(try await c.app.services.minutes.archive(meetingId: meeting))
            #expect(archive.isIntact && archive.html.contains("Approved by Ada Lovelace on") && !archive.html.contains("class=\"watermark\""))
            #expect(archive.html.contains("Secret voice cloning"))  // the committee's record holds every item
            let audited = try await c.app.database.writer.read { db in
                try String.fetchOne(db, sql: "SELECT detail FROM audit_log WHERE action = 'meeting.minutes_approved' ORDER BY id DESC LIMIT 1")
            }
            #expect(audited == "by=chair sha256=\(archive.sha256)")
            #expect(approved.body.contains(archive.sha256))
            #expect(try await ada.get("/meetings/\(meeting)/minutes/print").body.contains(archive.sha256))
            // (The chair may not open the confidential case, so she does not get the full copy; the secretary does.)
            #expect(try await ada.get("/meetings/\(meeting)/minutes/approved.html").status == .notFound)
            let download = try await secretary.get("/meetings/\(meeting)/minutes/approved.html")
            #expect(download.status == .ok && download.headers[.contentSecurityPolicy] == "sandbox")
            #expect(MinutesArchive.fingerprint(of: download.body) == archive.sha256)
            // An altered archive no longer matches its fingerprint (the database refuses the change; forced here)
            try await c.app.database.writer.write { db in
                try db.execute(sql: "DROP TRIGGER meeting_minutes_archives_no_update")
                try db.execute(sql: "UPDATE meeting_minutes_archives SET html = replace(html, 'Unfavourable', 'Favourable') WHERE meeting_id = ?",
                               arguments: [meeting])
            }
            let altered = try #require(try await c.app.services.minutes.archive(meetingId: meeting))
            #expect(!altered.isIntact && MinutesArchive.fingerprint(of: altered.html) != audited?.replacingOccurrences(of: "by=chair sha256=", with: ""))

            // Approved minutes are locked: refused by the app and by the database itself
            try await secretary.get("/meetings/\(meeting)/minutes")
            #expect(try await secretary.post("/meetings/\(meeting)/minutes", ["markdown": "rewritten"]).status == .unprocessableContent)
            #expect(throws: DatabaseError.self) {
                try c.app.database.writer.write { db in
                    try db.execute(sql: "UPDATE meeting_minutes SET markdown = 'rewritten' WHERE meeting_id = ?", arguments: [meeting])
                }
            }
            #expect(throws: DatabaseError.self) {
                try c.app.database.writer.write { db in
                    try db.execute(sql: "DELETE FROM meeting_minutes_parts WHERE meeting_id = ?", arguments: [meeting])
                }
            }
            #expect(throws: DatabaseError.self) {
                try c.app.database.writer.write { db in try db.execute(sql: "UPDATE votes SET choice = 'for'") }
            }

            // The invited expert sees the confidential case as a confidential item: page, minutes and print view
            let turing = Browser(client)
            try await turing.signIn("turing@uni.example")
            for path in ["/meetings/\(meeting)", "/meetings/\(meeting)/minutes", "/meetings/\(meeting)/minutes/print"] {
                let seen = try await turing.get(path)
                #expect(seen.status == .ok, "\(path)")
                #expect(seen.body.contains("Confidential item"), "\(path)")
                #expect(!seen.body.contains("Secret voice cloning"), "\(path)")
                #expect(!seen.body.contains("voice cloning without consent"), "\(path)")
                #expect(seen.body.contains("Chatbot for claims"), "\(path)")
            }
            // The staff's print view has everything: attendance and vote tables, dissent, approval line, signatures
            let print = try await secretary.get("/meetings/\(meeting)/minutes/print")
            for expected in ["Secret voice cloning", "The fallback is not tested.", "Approved by Ada Lovelace", "The chair", "minutes-print.css"] {
                #expect(print.body.contains(expected), "\(expected)")
            }

            // Project owners never see meetings; an expert not invited gets 404
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            #expect(try await owner.get("/meetings").status == .notFound)
            #expect(try await owner.get("/meetings/\(meeting)").status == .notFound)
            #expect(try await owner.get("/meetings/\(meeting)/minutes/print").status == .notFound)
            #expect(!(try await owner.get("/cases/\(c.open)")).body.contains("Carol Shaw"))

            // The calendar file
            let ics = try await turing.get("/meetings/\(meeting).ics")
            #expect(ics.status == .ok)
            #expect(ics.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(ics.body.contains("DTSTART:20261124T130000Z"))  // 14:00 in the committee's Europe/Paris
            #expect(ics.body.contains("LOCATION:Room 4\\, Paris"))
        }
        let actions = try c.app.auditActions()
        for action in ["meeting.created", "meeting.item_added", "meeting.item_reordered", "meeting.held", "meeting.attendance_recorded",
                       "meeting.item_decided", "meeting.minutes_saved", "meeting.minutes_approved"] {
            #expect(actions.contains(action), "\(action)")
        }
        // One write, one audit entry: the meeting's decision carries the case's
        #expect(!actions.contains("case.decide"))
        #expect(actions.filter { $0 == "meeting.item_decided" }.count == 2)
        // The view log: each reader of the written minutes once (page and print view within ten minutes)
        let readers = try await c.app.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT actor FROM audit_log WHERE action = 'meeting.minutes_viewed' ORDER BY id")
        }
        #expect(Set(readers) == ["sec@example.org", "carol@example.org", "ada@example.org", "turing@uni.example"])
        #expect(readers.count == Set(readers).count)
        #expect(try await c.app.services.audit.verify().holds)
    }

    @Test func expertNotInvitedAndAgendaRules() async throws {
        let c = try await Self.committee()
        let other = try await c.app.user("other@uni.example", role: .expert, name: "Outside Expert")
        _ = other
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/meetings/new")
            let first = try await secretary.postRaw("/meetings", [
                ("title", "First"), ("starts_at", "2026-12-01T10:00"), ("duration", "60"), ("video_url", "https://meet.example/abc"),
                ("invitees", "\(c.turing.id)")])
            let second = try await secretary.postRaw("/meetings", [
                ("title", "Second"), ("starts_at", "2026-12-15T10:00"), ("duration", "60"), ("place", "Room 1"), ("invitees", "\(c.ada.id)")])
            let a = try #require(first.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            let b = try #require(second.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            try await secretary.get("/meetings/\(a)")
            try await secretary.post("/meetings/\(a)/items", ["kind": "case", "case_id": "\(c.open)"])
            // A case not in review is refused
            let (draftId) = try await c.app.services.cases.create(
                CaseDraft(title: "Draft idea", team: "T", vendor: "", kind: .tool, customerFacing: false, personalData: false,
                          confidential: false, description: "d", answers: [:], notes: [:]), descriptionHTML: "", submitterId: c.owner.id, by: .system())
            let refused = try await secretary.post("/meetings/\(a)/items", ["kind": "case", "case_id": "\(draftId)"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Only a case in review"))
            // The item moves to the other planned meeting
            let item = try #require(try await c.app.services.agenda.items(meetingId: a).first)
            #expect(try await secretary.post("/meetings/\(a)/items/\(item.id)/transfer", ["meeting_id": "\(b)"]).status == .seeOther)
            #expect(try await c.app.services.agenda.items(meetingId: b).map(\.id) == [item.id])

            let outsider = Browser(client)
            try await outsider.signIn("other@uni.example")
            #expect(try await outsider.get("/meetings/\(a)").status == .notFound)
            #expect(try await outsider.get("/meetings/\(a).ics").status == .notFound)
            #expect(!(try await outsider.get("/meetings")).body.contains("First"))
            let invited = Browser(client)
            try await invited.signIn("turing@uni.example")
            #expect(try await invited.get("/meetings").body.contains("First"))
            // Members cannot change the agenda
            #expect(try await invited.post("/meetings/\(a)/hold").status == .notFound)
        }
    }

    static func textarea(_ html: String) -> String? {
        guard let start = html.range(of: "name=\"markdown\""), let open = html[start.upperBound...].range(of: ">"),
              let close = html[open.upperBound...].range(of: "</textarea>") else { return nil }
        return String(html[open.upperBound..<close.lowerBound]).replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension Browser {
    /// Posts fields that repeat (checkbox lists), in order.
    @discardableResult
    func postRaw(_ path: String, _ pairs: [(String, String)]) async throws -> Page {
        var all = pairs
        all.append(("_csrf", csrf))
        return try await postEncoded(path, MeetingFlowTests.form(all))
    }
}
