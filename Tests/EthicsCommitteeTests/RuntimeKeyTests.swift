import Foundation
import Testing
@testable import EthicsCommittee

/// Keys made at run time from a value (`messages[runtime: "role_\(role)"]`) are the only look-ups the compiler
/// cannot check. Each family is listed here with every value it can take; a family found in the code and
/// missing here fails `everyRunTimeFamilyIsListed`.
@Suite struct RuntimeKeyTests {
    static func raw<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> [String] where T.RawValue == String {
        T.allCases.map(\.rawValue)
    }

    /// Prefix (the key's text before the first interpolation) → the keys it makes.
    static let families: [String: [String]] = {
        var f: [String: [String]] = [:]
        func add(_ prefix: String, _ values: [String], suffix: String = "") {
            f[prefix, default: []] += values.map { prefix + $0 + suffix }
        }
        add("role_", raw(Role.self)); add("home_role_", raw(Role.self))
        add("language_", raw(Language.self))
        add("quorum_", raw(QuorumRule.self)); add("written_quorum_", raw(QuorumRule.self))
        add("written_majority_", raw(WrittenMajority.self)); add("two_factor_required_", raw(TwoFactorRequirement.self))
        add("settings_", SettingsController.monthFields)
        add("case_status_", raw(CaseStatus.self)); add("case_kind_", raw(CaseKind.self)); add("tier_", raw(RiskTier.self))
        add("cases_scope_", [CaseFilter.Scope.all, .mine, .toReview].map(\.rawValue))
        add("event_", raw(CaseLifecycle.Transition.self) + ["attachment_added", "condition_met", "created", "fria_written", "re_review_opened",
                                                           "recused", "reviewed", "reviewer_assigned", "system_registered", "written_opened",
                                                           "written_to_meeting"])
        add("outcome_", raw(DecisionOutcome.self) + raw(ItemOutcome.self))
        add("recommendation_", raw(Recommendation.self)); add("vote_", raw(VoteChoice.self))
        add("answer_", raw(Readiness.Answer.self))
        add("readiness_", Readiness.areas.map(\.id))
        f["readiness_", default: []] += Readiness.areas.flatMap { area in area.questions.map { "readiness_\(area.id)_\($0)" } }
        add("readiness_data_", Readiness.areas.first { $0.id == "data" }!.questions)
        add("meeting_status_", raw(MeetingStatus.self)); add("rsvp_", raw(RSVP.self) + ["none"]); add("rsvp_current_", raw(RSVP.self) + ["none"]); add("attendance_", raw(Attendance.self))
        add("agenda_kind_", raw(AgendaKind.self))
        add("deliverable_status_", raw(DeliverableStatus.self)); add("deliverable_kind_", raw(DeliverableKind.self))
        add("deliverable_move_", raw(DeliverableStatus.self))
        add("expertise_", raw(ExpertiseArea.self)); add("title_form_", raw(TitleForm.self)); add("position_", raw(Position.self))
        add("charter_change_", raw(ChangeKind.self)); add("annual_change_", raw(ChangeKind.self))
        add("charter_", raw(ChangeKind.self), suffix: "_hint")
        add("document_", ["charter", "rules"])
        add("error_", ["400", "403", "404", "409", "413", "422", "429", "500"].flatMap { ["\($0)_title", "\($0)_text"] })
        add("invitation_state_", ["pending", "used", "revoked", "expired"])
        add("audit_type_", AuditController.targetTypes)
        add("search_kind_", raw(SearchHit.Kind.self))
        add("search_problem_", [SearchQuery.Problem.empty, .tooLong, .tooManyWords, .noWord].map(\.rawValue))
        add("written_kind_", raw(WrittenKind.self)); add("written_status_", raw(WrittenStatus.self))
        add("written_result_", raw(WrittenResultCode.self))
        add("system_status_", raw(SystemStatus.self)); add("system_field_", raw(SystemChangeField.self))
        add("system_link_", ["approval", "re_review"])
        add("incident_harm_", raw(HarmType.self)); add("incident_severity_", raw(IncidentSeverity.self) + ["unassessed"])
        add("incident_status_", raw(IncidentStatus.self)); add("incident_source_", raw(IncidentSource.self))
        add("incident_fallback_", raw(FallbackUse.self))
        add("incident_art73_", raw(Art73Case.self)); add("incident_art73_choice_", raw(Art73Case.self))
        add("figures_quarter_", ["1", "2", "3", "4"]); add("figures_review_", raw(ReviewTimeliness.self))
        add("figures_triage_", raw(TriageDelay.self)); add("figures_outcome_", raw(DecisionOutcome.self))
        add("fria_field_", FRIA.fields.map(\.name)); add("fria_field_", FRIA.fields.map(\.name), suffix: "_hint")
        add("aiact_class_", raw(AIActClass.self)); add("aiact_section_", raw(AIActQuestionnaire.Section.self))
        add("notification_", raw(NotificationKind.self)); add("notification_", raw(NotificationKind.self), suffix: "_mail")
        add("aiact_refusal_prohibited_", AIActDecisionRule.letters)  // made by concatenation in AIActDecisionRule
        return f
    }()

    /// Families whose values come from a table or a list checked by another test.
    static let checkedElsewhere: [String: String] = [
        "audit_action_": "AuditBrowsingTests: every action code the code writes",
        "aiact_choice_": "AIActClassifierTests.everyQuestionChoiceLabelAndObligationHasItsText",
        "aiact_annex3_": "AIActClassifierTests.everyQuestionChoiceLabelAndObligationHasItsText",
        "aiact_label_": "AIActClassifierTests.everyQuestionChoiceLabelAndObligationHasItsText",
        "aiact_point_": "none: only exclusions have a text; an Annex III point (\"1a\") shows as its code, on purpose",
        "aiact_obligation_": "AIActClassifierTests.everyQuestionChoiceLabelAndObligationHasItsText",
        "aiact_date_": "everySeededAIActDateHasItsName, below",
        "confirm_": "everyConfirmationHasItsFourTexts, below",
    ]

    @Test func everyValueOfEveryFamilyHasItsKey() {
        let known = Set(MessageKey.names)
        for (prefix, keys) in Self.families {
            for key in keys { #expect(known.contains(key), "\(prefix)…: \(key)") }
        }
    }

    /// A family in the code (`runtime: "prefix_\(…)"`) that neither list names fails here: add its values above.
    @Test func everyRunTimeFamilyIsListed() throws {
        let pattern = try Regex(#"runtime: "([a-z0-9_]*)\\\("#)
        var found = Set<String>()
        for (file, text) in try Self.sources() {
            for match in text.matches(of: pattern) {
                let prefix = String(match.output[1].substring!)
                found.insert(prefix)
                #expect(Self.families[prefix] != nil || Self.checkedElsewhere[prefix] != nil, "\(file): runtime: \"\(prefix)…\"")
            }
        }
        #expect(found.count > 40)
    }

    @Test func everyConfirmationHasItsFourTexts() throws {
        let pattern = try Regex(#"Confirmation\.page\("([a-z0-9_]+)""#)
        let known = Set(MessageKey.names)
        var seen = 0
        for (file, text) in try Self.sources() {
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring!)
                seen += 1
                for part in ["title", "text", "warning", "button"] {
                    #expect(known.contains("confirm_\(key)_\(part)"), "\(file): confirm_\(key)_\(part)")
                }
            }
        }
        #expect(seen > 5)
    }

    @Test func everySeededAIActDateHasItsName() throws {
        let migrations = packageRoot.appendingPathComponent("migrations")
        let code = try Regex(#"\('([a-z0-9_]+)', '\d{4}-\d\d-\d\d'"#)
        let known = Set(MessageKey.names)
        var codes = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: migrations.path) where name.hasSuffix(".sql") {
            let sql = try String(contentsOf: migrations.appendingPathComponent(name), encoding: .utf8)
            // The seeded rows: from the INSERT to the "');" that ends it (a source may hold a ";").
            guard let start = sql.range(of: "INSERT INTO ai_act_obligation_dates") else { continue }
            let end = sql.range(of: "');", range: start.upperBound..<sql.endIndex)?.upperBound ?? sql.endIndex
            for match in sql[start.lowerBound..<end].matches(of: code) { codes.insert(String(match.output[1].substring!)) }
        }
        #expect(!codes.isEmpty)
        for code in codes { #expect(known.contains("aiact_date_\(code)"), "aiact_date_\(code)") }
    }

    static func sources() throws -> [(String, String)] {
        let root = packageRoot.appendingPathComponent("Sources/EthicsCommittee")
        return try FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
            .map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }
}
