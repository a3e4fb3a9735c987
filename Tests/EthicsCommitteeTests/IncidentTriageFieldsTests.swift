import Foundation
import GRDB
import Hummingbird
import Testing
@testable import EthicsCommittee

/// The triage form's system and owner are searchable fields (issue 19), like the register's owner field: a bounded
/// `<datalist>` of suggestions, any allowed record typed (a system's name or number; a person's e-mail, name or account
/// number), resolved on the server, and nobody or several found refused next to the field with every value kept.
@Suite struct IncidentTriageFieldsTests {
    static func datalist(_ html: String, _ id: String) -> [String] {
        guard let start = html.range(of: "<datalist id=\"\(id)\">"), let end = html[start.upperBound...].range(of: "</datalist>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<option value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theSystemAndTheOwnerAreTypedAndNobodyOrSeveralIsRefusedWithEverythingKept() async throws {
        let w = try await IncidentTests.world()
        let app = w.c.app
        // A second "Claims assistant" (no case: every committee account sees it), and a second "Ada Lovelace"
        let twin = try await IncidentTests.system(app, name: "Claims assistant", owner: w.c.owner.id, createdBy: w.c.secretary.id, caseId: nil)
        try await app.user("ada.l@example.org", role: .member, name: "Ada Lovelace")
        try await app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/systems/\(w.legacySystem)/incidents/new")
            let id = try #require(IncidentTests.id(try await owner.uploadFiles("/systems/\(w.legacySystem)/incidents", fields: IncidentTests.report, files: [])))

            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/incidents/\(id)")
            // Text fields with suggestions, no <select> of systems or people; the system the report names is filled in
            #expect(!page.body.contains("<select id=\"system_id\"") && !page.body.contains("<select id=\"owner_id\""))
            #expect(page.body.contains("<input id=\"system_id\" name=\"system_id\" type=\"text\" list=\"system_id-systems\""))
            #expect(page.body.contains("value=\"Old FAQ bot\""))
            #expect(Self.datalist(page.body, "system_id-systems").contains("Claims assistant"))
            #expect(page.body.contains(">System no. \(twin)</option>"))
            let people = Self.datalist(page.body, "owner_id-people")
            #expect(people.contains("ada@example.org") && people.contains("owner@example.org") && !people.contains(w.stranger.email))
            #expect(people.count <= CaseShowBuilder.suggestions)

            var triage: [String: String] = ["system_id": "Nothing like this", "severity": "minor", "owner_id": "Ada Lovelace",
                                            "root_cause": "Stale pages", "corrective_actions": "", "aware_on": "2026-11-21",
                                            "art73_case": "standard", "authority_notified_on": "", "revision": "1"]
            // Nobody found (system) and several found (two Ada Lovelace): both said next to their field, all kept
            let refused = try await secretary.post("/incidents/\(id)/triage", triage)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"system_id-error\">No system you may see has this name or number."))
            #expect(refused.body.contains("id=\"owner_id-error\">Several people have this name: type the e-mail address"))
            #expect(refused.body.contains("value=\"Nothing like this\"") && refused.body.contains("value=\"Ada Lovelace\""))
            #expect(refused.body.contains("Stale pages</textarea>") && refused.body.contains("value=\"2026-11-21\""))
            #expect(refused.body.contains("action=\"/incidents/\(id)/triage#triage-form\""))
            // A name two systems share asks for the number
            triage["system_id"] = "claims ASSISTANT"
            triage["owner_id"] = "ADA@example.org"
            let several = try await secretary.post("/incidents/\(id)/triage", triage)
            #expect(several.status == .unprocessableContent)
            #expect(several.body.contains("id=\"system_id-error\">Several systems have this name"))
            #expect(!several.body.contains("id=\"owner_id-error\""))
            // A number names one; an e-mail in any case names Ada
            triage["system_id"] = "\(w.openSystem)"
            #expect(try await secretary.post("/incidents/\(id)/triage", triage).status == .seeOther)
            let (saved, _) = try #require(try await app.services.incidents.find(id: id))
            #expect(saved.systemId == w.openSystem && saved.ownerId == w.c.ada.id)
            // The form shows the saved system by name and the owner by e-mail; saved unchanged, the shared name is this one
            let again = try await secretary.get("/incidents/\(id)")
            #expect(again.body.contains("name=\"system_id\" type=\"text\"") && again.body.contains("value=\"Claims assistant\""))
            #expect(again.body.contains("value=\"ada@example.org\""))
            triage["system_id"] = "Claims assistant"
            triage["owner_id"] = "ada@example.org"
            triage["revision"] = "2"
            #expect(try await secretary.post("/incidents/\(id)/triage", triage).status == .seeOther)
            #expect(try await app.services.incidents.find(id: id)?.0.systemId == w.openSystem)
            // Someone unknown, or someone who may not see the system, is refused next to the owner field
            triage["revision"] = "3"
            for (typed, message) in [("nobody@example.org", "Nobody who may be chosen here"), (w.stranger.email, "This person may not see this system")] {
                triage["owner_id"] = typed
                let wrong = try await secretary.post("/incidents/\(id)/triage", triage)
                #expect(wrong.status == .unprocessableContent, "\(typed)")
                #expect(wrong.body.contains("id=\"owner_id-error\">\(message)"), "\(typed)")
                #expect(wrong.body.contains("value=\"\(typed)\""), "\(typed)")
            }
            // Empty: nobody follows it up yet
            triage["owner_id"] = ""
            #expect(try await secretary.post("/incidents/\(id)/triage", triage).status == .seeOther)
            #expect(try await app.services.incidents.find(id: id)?.0.ownerId == nil)
        }
    }

    @Test func theSuggestionsAreBoundedAndOnlyThoseWhoMayOwnIt() async throws {
        let w = try await IncidentTests.world()
        let app = w.c.app
        for index in 1...30 {
            _ = try await IncidentTests.system(app, name: String(format: "Zeta system %02d", index), owner: w.c.owner.id, createdBy: w.c.secretary.id, caseId: nil)
        }
        try await app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/systems/\(w.secretSystem)/incidents/new")
            let id = try #require(IncidentTests.id(try await owner.uploadFiles("/systems/\(w.secretSystem)/incidents", fields: IncidentTests.report, files: [])))
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            let page = try await secretary.get("/incidents/\(id)")
            let systems = Self.datalist(page.body, "system_id-systems")
            #expect(systems.count == CaseShowBuilder.suggestions && !systems.contains("Zeta system 30"))
            // On the confidential case's system: Carol (its reviewer) and the owner may own it; Bob and Turing may not
            let people = Self.datalist(page.body, "owner_id-people")
            #expect(people.contains("carol@example.org") && people.contains("owner@example.org") && people.contains("sec@example.org"))
            #expect(!people.contains("turing@uni.example") && !people.contains("bob@example.org"))
            // A system beyond the suggestions is still typed by name
            let typed = try await secretary.post("/incidents/\(id)/triage", [
                "system_id": "Zeta system 30", "severity": "minor", "owner_id": "", "root_cause": "", "corrective_actions": "",
                "aware_on": "2026-11-21", "art73_case": "standard", "authority_notified_on": "", "revision": "1"])
            #expect(typed.status == .seeOther)
            #expect(try await app.services.incidents.find(id: id)?.0.systemName == "Zeta system 30")
        }
    }
}
