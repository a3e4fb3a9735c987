import Foundation
import GRDB
import Testing
@testable import EthicsCommittee
@testable import EthicsDemo

/// `ethics demo`: the small committee a newcomer explores, and the large data set (with reduced counts).
@Suite struct DemoTests {
    func generate(_ app: TestApp, _ scale: DemoScale, size: DemoSize = .large, seed: UInt64 = 2026,
                  attachments: Bool = false) async throws -> DemoReport {
        var options = DemoOptions(scale: scale, size: size)
        if attachments { options.attachmentsDirectory = app.services.config.resolvedAttachmentsDirectory }
        options.today = app.clock.now
        options.passwordCost = 4
        options.seed = seed
        return try await Demo.generate(db: app.database, options: options)
    }

    func scalar<T: DatabaseValueConvertible>(_ app: TestApp, _ sql: String) throws -> T? {
        try app.database.writer.read { db in try T.fetchOne(db, sql: sql) }
    }

    @Test func theSmallCommitteeHasElevenMembersMostlyExternalAndEveryCaseStatus() async throws {
        // Given a fresh database, when the small demo is generated
        let app = try await TestApp.make()
        let report = try await generate(app, .small)

        // Then eleven members sit, most of them external, with a chair and a vice-chair
        #expect(report.members == 11)
        #expect(report.externalMembers > 11 / 2)
        #expect(try scalar(app, "SELECT count(*) FROM member_profiles WHERE position IN ('chair', 'vice_chair')") == 2)
        #expect(try scalar(app, "SELECT count(*) FROM member_profiles WHERE completed_at IS NOT NULL AND affiliation <> ''") == 11)
        #expect(try scalar(app, "SELECT count(DISTINCT user_id) FROM independence_declarations") == 11)
        // and every case status, every risk tier, a confidential case, a recusal, an open question, open conditions appear
        for (status, count) in report.casesByStatus { #expect(count > 0, "no \(status.rawValue) case") }
        #expect(try scalar(app, "SELECT count(DISTINCT risk_tier) FROM cases") == 3)
        #expect(try scalar(app, "SELECT count(*) FROM cases WHERE confidential = 1")! > 0)
        #expect(try scalar(app, "SELECT count(*) FROM case_reviewers WHERE recused_at IS NOT NULL")! > 0)
        #expect(try scalar(app, """
            SELECT count(*) FROM case_questions q JOIN cases c ON c.id = q.case_id WHERE c.status = 'needs_info' AND q.answer IS NULL
            """)! > 0)
        #expect(try scalar(app, "SELECT count(*) FROM case_conditions k JOIN cases c ON c.id = k.case_id WHERE c.status = 'decided' AND k.status = 'open'")! > 0)
        #expect(try scalar(app, "SELECT count(*) FROM reviews")! > 0)
        #expect(try scalar(app, "SELECT count(*) FROM case_comments")! > 0)
        // and every account got the one demo password
        #expect(report.accounts.count == report.accountCount)
        #expect(PasswordProblem.check(report.password, confirmation: report.password) == nil)
    }

    @Test func theCharterHasThreeVersionsAndMostMembersAcknowledgedTheCurrentOne() async throws {
        let app = try await TestApp.make()
        let report = try await generate(app, .small)
        #expect(report.charterVersions == 3)
        let kinds: [String] = try await app.database.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT v.change_kind FROM governance_versions v JOIN governance_documents d ON d.id = v.document_id
                WHERE d.kind = 'charter' ORDER BY v.number
                """)
        }
        #expect(kinds == ["substantive", "substantive", "editorial"])
        #expect(try scalar(app, "SELECT count(*) FROM governance_versions v JOIN governance_documents d ON d.id = v.document_id WHERE d.kind = 'rules'") == 1)
        let charter = try #require(try await app.services.charter.document(kind: "charter"))
        let statuses = try await app.services.charter.acknowledgements(documentId: charter.id)
        let current = statuses.filter(\.isCurrent).count
        #expect(current > statuses.count / 2 && current < statuses.count)
    }

    @Test func everyChangeIsAuditedAndTheChainHolds() async throws {
        let app = try await TestApp.make()
        let report = try await generate(app, .small)
        let verification = try await app.services.audit.verify()
        #expect(verification.holds)
        #expect(verification.checked == report.auditEntries)
        let actions = Set(try app.auditActions())
        for action in ["account.created", "member.onboarded", "charter.published", "charter.acknowledged", "case.created",
                       "case.reviewer_assigned", "case.recused", "case.reviewed", "case.decide", "case.condition_met", "case.withdraw"] {
            #expect(actions.contains(action), "no \(action) entry")
        }
        // The trail reads in time order.
        let times: [String] = try await app.database.writer.read { db in try String.fetchAll(db, sql: "SELECT at FROM audit_log ORDER BY id") }
        #expect(times == times.sorted())
    }

    @Test func theSmallCommitteeMeetsMonthlyWithMinutesDeliverablesAndAttachments() async throws {
        let app = try await TestApp.make()
        let report = try await generate(app, .small, attachments: true)
        // Nine meetings held: eight with minutes approved at the next meeting, the last one's waiting for the chair
        #expect(report.meetings == 10)
        #expect(report.approvedMinutes == 8)
        #expect(try scalar(app, "SELECT count(*) FROM meeting_minutes WHERE status = 'draft'") == 1)
        #expect(try scalar(app, "SELECT count(*) FROM meeting_minutes WHERE approved_in_meeting IS NOT NULL") == 8)
        #expect(try scalar(app, "SELECT count(*) FROM votes")! > 100)
        #expect(try scalar(app, "SELECT count(*) FROM votes WHERE dissent <> ''")! > 0)
        // The next meeting is planned with the cases in review on its agenda, the confidential one among them, and the
        // re-review of the system suspended yesterday (issue 18)
        #expect(try scalar(app, """
            SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id JOIN cases c ON c.id = a.case_id
            WHERE m.status = 'planned' AND c.status = 'in_review'
            """) == 4)
        // The register: six systems, one suspended with its re-review on that agenda, one never reviewed and due for
        // review, one whose owner missed the attestation, one approved through a confidential case
        let today = String(Timestamp.string(app.clock.now).prefix(10))
        #expect(try scalar(app, "SELECT count(*) FROM systems") == 6)
        #expect(try scalar(app, """
            SELECT count(*) FROM systems s JOIN system_cases sc ON sc.system_id = s.id JOIN cases c ON c.id = sc.case_id
            WHERE c.confidential = 1 AND s.status = 'in_service'
            """) == 1)
        // A handful of incidents in every state, and a serious one whose Art. 73 report is due within three days
        for status in IncidentStatus.allCases {
            #expect(try scalar(app, "SELECT count(*) FROM incidents WHERE status = '\(status.rawValue)'")! >= 2, "\(status.rawValue)")
        }
        #expect(try scalar(app, """
            SELECT count(*) FROM incidents WHERE severity = 'serious' AND status = 'triaged' AND authority_notified_on IS NULL
            AND owner_id IS NOT NULL AND date(aware_on, '+15 days') BETWEEN '\(today)' AND date('\(today)', '+3 days')
            """) == 1)
        #expect(try scalar(app, """
            SELECT count(*) FROM systems s JOIN system_cases sc ON sc.system_id = s.id AND sc.kind = 're_review'
            JOIN agenda_items a ON a.case_id = sc.case_id JOIN meetings m ON m.id = a.meeting_id
            WHERE s.status = 'suspended' AND m.status = 'planned'
            """) == 1)
        #expect(try scalar(app, """
            SELECT count(*) FROM systems s WHERE NOT EXISTS (SELECT 1 FROM system_cases sc WHERE sc.system_id = s.id)
            AND s.next_review_on < '\(today)'
            """) == 1)
        #expect(try scalar(app, "SELECT count(*) FROM systems WHERE status = 'in_service' AND attestation_due_on < '\(today)'") == 1)
        #expect(try scalar(app, """
            SELECT count(*) FROM agenda_items a JOIN cases c ON c.id = a.case_id WHERE c.confidential = 1
            """) == 1)
        // Deliverables in every state but cancelled, beside the decisions' opinions
        let statuses: [String] = try await app.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT status FROM deliverables WHERE kind <> 'opinion' ORDER BY status")
        }
        #expect(statuses == ["delivered", "in_progress", "planned"])
        // Attachments are real PDF files in the server's folder
        #expect(report.attachments == 8)
        let stored: [String] = try await app.database.writer.read { db in try String.fetchAll(db, sql: "SELECT stored_name FROM case_attachments") }
        for name in stored {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: app.services.config.resolvedAttachmentsDirectory + "/" + name))
            #expect(bytes.starts(with: Array("%PDF-1.4".utf8)) && bytes.suffix(6) == Data("%%EOF\n".utf8))
        }
        #expect(try await app.services.audit.verify().holds)
    }

    @Test func aDatabaseWithAccountsIsRefused() async throws {
        let app = try await TestApp.make()
        try await app.user("someone@example.org", role: .admin)
        await #expect(throws: DemoRefusal.self) { _ = try await generate(app, .small) }
        #expect(try scalar(app, "SELECT count(*) FROM cases") == 0)
    }

    @Test func theSameSeedGivesTheSameCommittee() async throws {
        func snapshot(_ seed: UInt64) async throws -> [String] {
            let app = try await TestApp.make()
            _ = try await generate(app, .large, size: DemoSize(cases: 40, members: 12, auditEntries: 1_500), seed: seed)
            return try await app.database.writer.read { db in
                try String.fetchAll(db, sql: "SELECT title || '|' || status || '|' || risk_tier || '|' || created_at FROM cases ORDER BY id")
                    + String.fetchAll(db, sql: "SELECT email FROM users ORDER BY id")
            }
        }
        let first = try await snapshot(7), second = try await snapshot(7), other = try await snapshot(8)
        #expect(first == second)
        #expect(first != other)
    }

    @Test func theLargeScaleMakesTheRequestedCountsWithAChainThatHolds() async throws {
        // Given reduced counts (the full 10,000 cases run in the benchmark, not here)
        let app = try await TestApp.make()
        let size = DemoSize(cases: 300, members: 20, auditEntries: 6_000, meetings: 12, deliverables: 15)
        let report = try await generate(app, .large, size: size)
        // 12 meetings held, their minutes approved by the chair but the last one's, and the next one planned
        #expect(report.meetings == 13)
        #expect(report.approvedMinutes == 11)
        #expect(try scalar(app, "SELECT count(*) FROM meetings WHERE status = 'planned'") == 1)
        #expect(try scalar(app, "SELECT count(*) FROM meeting_invitees WHERE meeting_id = 1") == 20)
        #expect(report.deliverables >= 15)
        #expect(report.casesByStatus.reduce(0) { $0 + $1.1 } == 300)
        #expect(report.members == 20)
        #expect(report.auditEntries == 6_000)
        #expect(try await app.services.audit.verify().holds)
        for (status, count) in report.casesByStatus { #expect(count > 0, "no \(status.rawValue) case") }
        // The register: one system per 30 cases, registered from favourable decisions, with attestations and incidents in
        // every state (issue 18)
        #expect(try scalar(app, "SELECT count(*) FROM systems") == 10)
        #expect(try scalar(app, """
            SELECT count(*) FROM systems s JOIN system_cases sc ON sc.system_id = s.id JOIN case_decisions d ON d.case_id = sc.case_id
            WHERE d.outcome IN ('favourable', 'conditions') AND sc.kind = 'approval'
            """) == 10)
        #expect(try scalar(app, "SELECT count(*) FROM system_attestations")! > 0)
        for status in IncidentStatus.allCases {
            #expect(try scalar(app, "SELECT count(*) FROM incidents WHERE status = '\(status.rawValue)'")! > 0, "\(status.rawValue)")
        }
        #expect(try scalar(app, "SELECT count(*) FROM incidents")! >= 30)
        // Reviewers never have a declared interest in the case's vendor unless they recused.
        #expect(try scalar(app, """
            SELECT count(*) FROM case_reviewers r JOIN cases c ON c.id = r.case_id
            JOIN declared_interests i ON i.user_id = r.user_id AND i.organisation = c.vendor
            WHERE r.recused_at IS NULL
            """) == 0)
    }

    @Test func theDemoPagesOpen() async throws {
        // Given the small demo, when the administrator and a member open the main pages, each one answers 200
        let app = try await TestApp.make()
        let report = try await generate(app, .small)
        let caseIds: [Int64] = try await app.database.writer.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM cases ORDER BY id") }
        let admin = report.accounts.first { $0.role == .admin }!, expert = report.accounts.first { $0.role == .expert }!
        try await app.test { client in
            let browser = Browser(client)
            let signedIn = try await browser.signIn(admin.email, report.password)
            #expect(signedIn.status == .seeOther)
            for path in ["/", "/cases", "/members", "/charter", "/documents/charter/history", "/documents/rules", "/admin/audit",
                         "/meetings", "/meetings/1", "/meetings/1/minutes", "/meetings/1/minutes/print", "/meetings/9/minutes",
                         "/meetings/10", "/deliverables"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
            }
            for id in caseIds {
                let page = try await browser.get("/cases/\(id)")
                #expect(page.status == .ok, "case \(id)")
            }

            let other = Browser(client)
            let expertSignedIn = try await other.signIn(expert.email, report.password)
            #expect(expertSignedIn.status == .seeOther)
            let list = try await other.get("/cases")
            #expect(list.status == .ok)
        }
    }

    @Test func everyoneHasJoinedBeforeTheSignInsBegin() {
        // The ten-times demo invites 867 people (2 staff, 200 members, 666 project owners); sign-ins start on day 2.
        for count in [20, 267, 867, 10_000] {
            #expect(3600 + Double(count) * DemoCommittee.joinSpacing(count) < 2 * DemoDate.day, "\(count)")
        }
        #expect(DemoCommittee.joinSpacing(267) == 300)  // the large demo keeps its five minutes
    }
}
