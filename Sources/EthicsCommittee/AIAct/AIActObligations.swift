import Foundation

/// An obligation a classification brings, offered as a condition when the committee decides.
/// Its wording is `aiact_obligation_<id>` in the catalogue; when it applies is not here but in the
/// obligation dates table (`dateCode`), which the administrator keeps up to date as amending acts move dates.
public struct AIActObligation: Sendable, Equatable {
    public let id: String
    public let article: String
    public let dateCode: String
}

public enum AIActObligations {
    /// The date codes seeded by the migration, each with its source.
    public static let dateCodes = ["prohibitions", "ai_literacy", "gpai", "transparency", "high_risk_annex3", "high_risk_annex1"]

    /// The obligations of these labels, in the order of the Regulation, without duplicates.
    public static func of(_ c: AIActClassification) -> [AIActObligation] {
        guard c.riskClass != .prohibited, c.riskClass != .outOfScope else { return [] }
        var list: [AIActObligation] = []
        let highRisk = c.labels("high_risk")
        let highRiskDate = highRisk.contains { $0.point.hasPrefix("Annex III") } ? "high_risk_annex3" : "high_risk_annex1"
        let roles = Set(c.roles)
        list.append(AIActObligation(id: "art4_literacy", article: "Art. 4", dateCode: "ai_literacy"))
        if !highRisk.isEmpty && roles.contains("provider") {
            list += [
                AIActObligation(id: "art9_risk_management", article: "Art. 9", dateCode: highRiskDate),
                AIActObligation(id: "art11_documentation", article: "Art. 11", dateCode: highRiskDate),
                AIActObligation(id: "art14_oversight_design", article: "Art. 14", dateCode: highRiskDate),
                AIActObligation(id: "art43_conformity", article: "Art. 43", dateCode: highRiskDate),
                AIActObligation(id: "art49_registration", article: "Art. 49(1)", dateCode: highRiskDate),
                AIActObligation(id: "art72_post_market", article: "Art. 72", dateCode: highRiskDate),
            ]
        }
        if !highRisk.isEmpty && roles.contains("deployer") {
            list += [
                AIActObligation(id: "art26_instructions", article: "Art. 26(1)", dateCode: highRiskDate),
                AIActObligation(id: "art26_oversight", article: "Art. 26(2)", dateCode: highRiskDate),
                AIActObligation(id: "art26_input_data", article: "Art. 26(4)", dateCode: highRiskDate),
                AIActObligation(id: "art26_monitoring", article: "Art. 26(5)", dateCode: highRiskDate),
                AIActObligation(id: "art26_logs", article: "Art. 26(6)", dateCode: highRiskDate),
                AIActObligation(id: "art26_workers", article: "Art. 26(7)", dateCode: highRiskDate),
                AIActObligation(id: "art26_dpia", article: "Art. 26(9)", dateCode: highRiskDate),
                AIActObligation(id: "art26_inform_persons", article: "Art. 26(11)", dateCode: highRiskDate),
            ]
        }
        if !highRisk.isEmpty && (roles.contains("importer") || roles.contains("distributor")) {
            list.append(AIActObligation(id: roles.contains("importer") ? "art23_importer" : "art24_distributor",
                                        article: roles.contains("importer") ? "Art. 23" : "Art. 24", dateCode: highRiskDate))
        }
        if c.friaRequired { list.append(AIActObligation(id: "art27_fria", article: "Art. 27", dateCode: "high_risk_annex3")) }
        if c.has("derogation") {
            list.append(AIActObligation(id: "art6_4_document", article: "Art. 6(4), 49(2)", dateCode: "high_risk_annex3"))
        }
        for label in c.labels("transparency") {
            switch label.point {
            case "Art. 50(1)": list.append(AIActObligation(id: "art50_1_inform", article: "Art. 50(1)", dateCode: "transparency"))
            case "Art. 50(2)": list.append(AIActObligation(id: "art50_2_marking", article: "Art. 50(2)", dateCode: "transparency"))
            case "Art. 50(3)": list.append(AIActObligation(id: "art50_3_inform", article: "Art. 50(3)", dateCode: "transparency"))
            case "Art. 50(4)": list.append(AIActObligation(id: "art50_4_deep_fake", article: "Art. 50(4)", dateCode: "transparency"))
            default: list.append(AIActObligation(id: "art50_4_text", article: "Art. 50(4)", dateCode: "transparency"))
            }
        }
        if c.has("gpai_model") {
            if !c.has("gpai_open_source") {
                list.append(AIActObligation(id: "art53_documentation", article: "Art. 53(1)(a)-(b)", dateCode: "gpai"))
            }
            list += [AIActObligation(id: "art53_copyright", article: "Art. 53(1)(c)", dateCode: "gpai"),
                     AIActObligation(id: "art53_summary", article: "Art. 53(1)(d)", dateCode: "gpai")]
        }
        if c.has("gpai_systemic") {
            list.append(AIActObligation(id: "art55_systemic", article: "Art. 55(1)", dateCode: "gpai"))
        }
        var seen = Set<String>()
        return list.filter { seen.insert($0.id).inserted }
    }
}
