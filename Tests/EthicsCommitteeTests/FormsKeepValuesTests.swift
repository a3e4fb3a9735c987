import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import EthicsCommittee

/// Issue 13, "Nothing typed is lost": every refused form answers 422 with the page again, every value typed
/// or chosen in place, the message beside its field, and an action that carries the form's fragment.
@Suite struct FormsKeepValuesTests {
    /// The text as the template escapes it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The content of the textarea named `name`.
    static func textarea(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\""), let open = html[start.upperBound...].range(of: ">"),
              let close = html[open.upperBound...].range(of: "</textarea>") else { return nil }
        return String(html[open.upperBound..<close.lowerBound])
    }

    /// The value of the option selected in the select named `name` (nil: none marked, the browser shows the first).
    /// The `value` of the text field `name` (a person field holds what was typed).
    static func typed(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\""), let tagEnd = html[start.upperBound...].range(of: ">"),
              let value = html[start.upperBound..<tagEnd.lowerBound].range(of: "value=\"") else { return nil }
        return String(html[value.upperBound...].prefix { $0 != "\"" })
    }

    static func selected(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\""), let end = html[start.upperBound...].range(of: "</select>") else { return nil }
        let options = html[start.upperBound..<end.lowerBound]
        guard let mark = options.range(of: "\" selected>") else { return nil }
        let before = options[..<mark.lowerBound]
        guard let value = before.range(of: "value=\"", options: .backwards) else { return nil }
        return String(before[value.upperBound...])
    }

    /// A low-risk case in review with Ada assigned; Turing (external) is a second candidate.
    static func caseInReview(_ c: CaseFlowTests.Committee, _ client: any TestClientProtocol) async throws -> (Int64, Browser) {
        let owner = Browser(client)
        try await owner.signIn("owner@example.org")
        let id = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Meeting notes summariser", customerFacing: false,
                                                                             personalData: false, vendor: "", overrides: [:]))
        let secretary = Browser(client)
        try await secretary.signIn("sec@example.org")
        try await secretary.get("/cases/\(id)")
        let assigned = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.ada.id)", "due_on": "2030-12-31"])
        #expect(assigned.status == .seeOther)
        return (id, secretary)
    }

    @Test func aRefusedCommentKeepsItsTextBesideItsMessage() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let (id, secretary) = try await Self.caseInReview(c, client)
            try await secretary.get("/cases/\(id)")
            // Given a comment one character over the limit, with lines and characters the page escapes
            let text = "Line one & <two>\n" + String(repeating: "é", count: FieldLimits.longText)
            let refused = try await secretary.post("/cases/\(id)/comments", ["body": text])
            // Then the page comes back with the text in the editor and the message beside it
            #expect(refused.status == .unprocessableContent)
            #expect(Self.textarea("body", in: refused.body) == Self.escaped(text))
            #expect(refused.body.contains("<p class=\"error\" id=\"body-error\">This text is too long.</p>"))
            #expect(refused.body.contains("aria-describedby=\"body-hint body-error\""))
            #expect(refused.body.contains("action=\"/cases/\(id)/comments#comment-form\" id=\"comment-form\""))
            // The limit is shown before it bites
            #expect(refused.body.contains("maxlength=\"20000\""))
            #expect(refused.body.contains("Up to 20,000 characters."))
        }
    }

    @Test func aRefusedQuestionKeepsItsText() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let (id, secretary) = try await Self.caseInReview(c, client)
            try await secretary.get("/cases/\(id)")
            let text = "What happens when the bot fails? " + String(repeating: "x", count: FieldLimits.question)
            let refused = try await secretary.post("/cases/\(id)/questions", ["question": text])
            #expect(refused.status == .unprocessableContent)
            #expect(Self.textarea("question", in: refused.body) == Self.escaped(text))
            #expect(refused.body.contains("id=\"question-error\">This text is too long."))
            #expect(refused.body.contains("#question-form\" id=\"question-form\""))
        }
    }

    @Test func aRefusedReviewKeepsTheRecommendationAndTheReasoning() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let (id, _) = try await Self.caseInReview(c, client)
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            try await ada.get("/cases/\(id)")
            let text = "The fallback is untested.\n\n" + String(repeating: "a", count: FieldLimits.longText)
            let refused = try await ada.post("/cases/\(id)/review", ["recommendation": "unfavourable", "reasoning": text])
            #expect(refused.status == .unprocessableContent)
            #expect(Self.textarea("reasoning", in: refused.body) == Self.escaped(text))
            #expect(Self.selected("recommendation", in: refused.body) == "unfavourable")
            #expect(refused.body.contains("id=\"reasoning-error\">This text is too long."))
            #expect(refused.body.contains("#review-form\" id=\"review-form\""))
            // Without a recommendation the reasoning stays too, the message beside the select
            let none = try await ada.post("/cases/\(id)/review", ["reasoning": "Short and sound."])
            #expect(none.status == .unprocessableContent)
            #expect(Self.textarea("reasoning", in: none.body) == "Short and sound.")
            #expect(none.body.contains("id=\"recommendation-error\">Choose a recommendation."))
        }
    }

    @Test func aRefusedAssignmentKeepsTheChosenReviewer() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let (id, secretary) = try await Self.caseInReview(c, client)
            try await secretary.get("/cases/\(id)")
            // Given the secretary picks a reviewer who is not first in the list, with a date in the past
            let refused = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": c.turing.email, "due_on": "2001-01-01"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("name=\"reviewer_id\" type=\"text\" list=\"reviewer_id-people\" autocomplete=\"off\" maxlength=\"254\" value=\"\(c.turing.email)\""))
            #expect(refused.body.contains("value=\"2001-01-01\""))
            #expect(refused.body.contains("id=\"due_on-error\">Enter a due date from today on."))
            #expect(refused.body.contains("#assign-form\" id=\"assign-form\""))
            // A likely conflict to confirm: the choice stays, the message sits by the box
            let conflict = try await secretary.post("/cases/\(id)/reviewers", ["reviewer_id": "\(c.arendt.id)", "due_on": "2030-12-31"])
            #expect(conflict.status == .seeOther)
        }
    }

    @Test func aRefusedDecisionKeepsTheOpinionAndEveryConditionRow() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let (id, _) = try await Self.caseInReview(c, client)
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            try await ada.get("/cases/\(id)")
            #expect(try await ada.post("/cases/\(id)/review", ["recommendation": "conditions", "reasoning": "Fine with a fallback."]).status == .seeOther)
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let sec = try #require(try await c.app.services.users.find(email: "sec@example.org"))
            let before = try await secretary.get("/cases/\(id)")
            #expect(before.body.contains("name=\"condition_text_3\""))
            let opinion = "Favourable **if a fallback exists**.\nSecond line."
            let refused = try await secretary.post("/cases/\(id)/written-procedure", [
                "outcome": "conditions", "opinion": opinion, "articles": "Art. 3", "text": "In writing.", "deadline": "2030-06-30T12:00",
                "condition_text_1": "Deploy a fallback", "condition_owner_1": "\(c.owner.id)", "condition_due_1": "2027-01-31",
                "condition_text_2": "Tell customers", "condition_owner_2": "\(sec.id)", "condition_due_2": "",
                "condition_text_3": "Train the agents", "condition_owner_3": "\(c.owner.id)", "condition_due_3": "2027-03-31",
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(Self.textarea("opinion", in: refused.body) == Self.escaped(opinion))
            #expect(Self.selected("outcome", in: refused.body) == "conditions")
            #expect(refused.body.contains("value=\"Art. 3\""))
            for text in ["Deploy a fallback", "Tell customers", "Train the agents", "2027-01-31", "2027-03-31"] {
                #expect(refused.body.contains("value=\"\(text)\""), "\(text)")
            }
            #expect(Self.typed("condition_owner_2", in: refused.body) == "\(sec.id)")
            #expect(refused.body.contains("id=\"condition_due_2-error\">Give this condition a due date."))
            #expect(refused.body.contains("#decision-form\" id=\"decision-form\""))
            #expect(try await c.app.services.caseDecisions.decision(caseId: id) == nil)
        }
    }

    @Test func refusedAnswersKeepWhatTheOwnerTyped() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let (id, secretary) = try await Self.caseInReview(c, client)
            try await secretary.get("/cases/\(id)")
            try await secretary.post("/cases/\(id)/questions", ["question": "Who answers customers at night?"])
            let question = try #require(try await c.app.services.caseReviews.questions(caseId: id).first)
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/cases/\(id)")
            let text = "A human on call.\n" + String(repeating: "z", count: FieldLimits.answer)
            let refused = try await owner.post("/cases/\(id)/answers", ["answer.\(question.id)": text])
            #expect(refused.status == .unprocessableContent)
            #expect(Self.textarea("answer.\(question.id)", in: refused.body) == text)
            #expect(refused.body.contains("id=\"answer-\(question.id)-error\">This text is too long."))
            #expect(refused.body.contains("#answer-form\" id=\"answer-form\""))
        }
    }

    @Test func theBodyLimitIsAboveEveryFormsFieldLimits() async throws {
        // The largest form, written to its limits in three-byte characters, fits in the body limit.
        let limit = AppConfiguration(databasePath: "unused").maxBodyBytes
        for (form, bytes) in FieldLimits.worstCaseBodies {
            #expect(bytes < limit, "\(form): \(bytes) ≥ \(limit)")
        }
        #expect(FieldLimits.worstCaseBodies["comment"]! >= FieldLimits.longText * 9)
        // So a long text gets its field's message, not a bare 413 page.
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let (id, secretary) = try await Self.caseInReview(c, client)
            try await secretary.get("/cases/\(id)")
            let text = String(repeating: "€", count: (limit - 4096) / 9)
            let refused = try await secretary.post("/cases/\(id)/comments", ["body": text])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"body-error\">This text is too long."))
        }
    }

    @Test func refusedAgendaItemsAndVotesKeepEverythingTyped() async throws {
        let c = try await MeetingFlowTests.committee()
        try await c.app.test { client in
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/meetings/new")
            let created = try await secretary.postRaw("/meetings", [
                ("title", "November plenary"), ("starts_at", "2026-11-24T14:00"), ("duration", "120"), ("place", "Room 4"),
                ("invitees", "\(c.ada.id)"), ("invitees", "\(c.bob.id)"), ("invitees", "\(c.carol.id)"), ("invitees", "\(c.turing.id)"),
            ])
            let meeting = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            try await secretary.get("/meetings/\(meeting)")

            // A free item without its title keeps its note, the message beside the title
            let note = "Draft due in **March**.\nThen the printer."
            let noTitle = try await secretary.post("/meetings/\(meeting)/items", ["kind": "free", "title": "", "note": note])
            #expect(noTitle.status == .unprocessableContent)
            #expect(Self.textarea("note", in: noTitle.body) == Self.escaped(note))
            #expect(noTitle.body.contains("id=\"item_title-error\">Give the item a title."))
            #expect(noTitle.body.contains("#agenda-item-form\" id=\"agenda-item-form\""))

            // The open case on the agenda, the meeting held, three voters present
            try await secretary.post("/meetings/\(meeting)/items", ["kind": "case", "case_id": "\(c.open)"])
            let item = try #require(try await c.app.services.agenda.items(meetingId: meeting).first)
            try await secretary.post("/meetings/\(meeting)/hold")
            try await secretary.post("/meetings/\(meeting)/attendance", [
                "attendance_\(c.ada.id)": "present", "attendance_\(c.bob.id)": "present",
                "attendance_\(c.carol.id)": "present", "attendance_\(c.turing.id)": "present"])
            let held = try await secretary.get("/meetings/\(meeting)")
            // The hint says three condition rows: three rows there are
            #expect(held.body.contains("name=\"condition_text_3\""))

            // A roll with one vote missing keeps the votes, the dissent, the decision and the conditions
            let decision = "Favourable **if a human fallback exists**.\nAdopted by the committee."
            let refused = try await secretary.post("/meetings/\(meeting)/items/\(item.id)/vote", [
                "vote_\(c.ada.id)": "for", "vote_\(c.turing.id)": "against", "dissent_\(c.turing.id)": "The fallback is not tested.",
                "outcome": "conditions", "decision": decision,
                "condition_text_1": "Deploy a fallback", "condition_owner_1": "\(c.owner.id)", "condition_due_1": "2027-01-31",
                "condition_text_2": "Tell customers", "condition_owner_2": "\(c.ada.id)", "condition_due_2": "2027-02-28",
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(Self.textarea("decision", in: refused.body) == Self.escaped(decision))
            #expect(Self.selected("vote_\(c.ada.id)", in: refused.body) == "for")
            #expect(Self.selected("vote_\(c.turing.id)", in: refused.body) == "against")
            #expect(Self.selected("outcome", in: refused.body) == "conditions")
            #expect(Self.typed("condition_owner_2", in: refused.body) == "\(c.ada.id)")
            for text in ["The fallback is not tested.", "Deploy a fallback", "Tell customers", "2027-01-31", "2027-02-28"] {
                #expect(refused.body.contains("value=\"\(text)\""), "\(text)")
            }
            #expect(refused.body.contains("Record a vote for every present voting member."))
            #expect(refused.body.contains("id=\"vote_\(c.carol.id)-1-error\">Record this member"))
            #expect(refused.body.contains("#vote-form-1\" id=\"vote-form-1\""))
            #expect(try await c.app.services.agenda.votes(meetingId: meeting).isEmpty)
        }
    }

    @Test func publishingUsesTheTextInTheEditor() async throws {
        let app = try await TestApp.make()
        try await app.user("admin@example.org", role: .admin)
        try await app.test { client in
            let admin = try await CharterSteps.signedIn(client, "admin@example.org")
            let page = try await admin.get("/documents/charter/draft")
            let revision = try #require(CharterSteps.hidden("revision", in: page.body))
            // Publish is pressed with text typed in the editor and never saved
            let text = "# Our charter\n\nWe review every AI project before it ships."
            let published = try await admin.post("/documents/charter/publish", [
                "markdown": text, "revision": revision, "change_note": "First version", "change_kind": "substantive", "confirm": "1"])
            #expect(published.status == .seeOther, "\(published.body)")
            let shown = try await admin.get("/documents/charter")
            #expect(shown.body.contains("We review every AI project before it ships."))
            // A refused publication (no change note) keeps the editor's text
            let again = try await admin.get("/documents/charter/draft")
            let next = try #require(CharterSteps.hidden("revision", in: again.body))
            let edited = text + "\n\nAnd we publish our opinions."
            let refused = try await admin.post("/documents/charter/publish", [
                "markdown": edited, "revision": next, "change_note": "", "change_kind": "substantive"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("And we publish our opinions."))
        }
    }

    @Test func limitHintsReadInTheReadersLanguage() {
        #expect(LimitHints(.en).longText.hint == "Up to 20,000 characters.")
        let french = LimitHints(.fr).longText.hint
        #expect(french.hasPrefix("Jusqu’à 20") && french.hasSuffix("000 caractères."), "\(french)")
        #expect(LimitHints(.en).longText.max == FieldLimits.longText)
    }
}
