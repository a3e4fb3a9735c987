import Foundation

/// The case exports. CSV: one row per case, its conditions as counts (total, met, open, overdue), so the sheet
/// sorts and filters by case without repeated rows; headers and labels in the reader's language, dates as
/// YYYY-MM-DD in the committee's time zone (spreadsheets read them as dates). JSON: stable English field
/// names and codes, timestamps in ISO 8601 UTC, each condition listed (docs/architecture.md lists the fields).
enum CaseExport {
    /// The CSV's first line (after the byte-order mark), in the reader's language.
    static func csvHeader(language: Language) -> String {
        let t = Catalog.messages(language)
        let columns: [MessageKey] = [.export_id, .field_title, .field_team, .field_status, .field_tier, .export_confidential,
                                     .export_created, .export_submitted, .export_outcome, .export_decided, .export_conditions,
                                     .export_conditions_met, .export_conditions_open, .export_conditions_overdue,
                                     .export_ai_act_class, .export_ai_act_labels]
        return CSV.byteOrderMark + CSV.line(columns.map { t[$0] })
    }

    /// The CSV lines of a batch of cases.
    static func csvLines(_ cases: [ExportedCase], today: String, formats: Formats, language: Language) -> String {
        let t = Catalog.messages(language)
        var text = ""
        for item in cases {
            let open = item.conditions.filter { $0.status == "open" }
            text += CSV.line([
                String(item.id), item.title, item.team, t[runtime: "case_status_\(item.status.rawValue)"] ?? item.status.rawValue,
                t[runtime: "tier_\(item.riskTier.rawValue)"] ?? item.riskTier.rawValue, item.confidential ? t[.export_yes] : t[.export_no],
                formats.localISODate(of: item.createdAt), item.submittedAt.map(formats.localISODate(of:)) ?? "",
                item.outcome.map { t[runtime: "outcome_\($0.rawValue)"] ?? $0.rawValue } ?? "", item.decidedAt.map(formats.localISODate(of:)) ?? "",
                String(item.conditions.count), String(item.conditions.count - open.count), String(open.count),
                String(open.filter { $0.dueOn < today }.count),
                item.aiActClass.map { t[runtime: "aiact_class_\($0.rawValue)"] ?? $0.rawValue } ?? "", item.aiActLabels.joined(separator: "; ")])
        }
        return text
    }

    struct Case: Encodable {
        let id: Int64, title: String, team: String, status: String, riskTier: String, confidential: Bool
        let createdAt: String, submittedAt: String?
        let decision: Decision?
        let conditions: [Condition]
        let aiAct: AIAct
        enum CodingKeys: String, CodingKey {
            case id, title, team, status, riskTier = "risk_tier", confidential, createdAt = "created_at", submittedAt = "submitted_at"
            case decision, conditions, aiAct = "ai_act"
        }
        // Absent values are written as null, so every record has every field.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id); try container.encode(title, forKey: .title); try container.encode(team, forKey: .team)
            try container.encode(status, forKey: .status); try container.encode(riskTier, forKey: .riskTier)
            try container.encode(confidential, forKey: .confidential); try container.encode(createdAt, forKey: .createdAt)
            try container.encode(submittedAt, forKey: .submittedAt); try container.encode(decision, forKey: .decision)
            try container.encode(conditions, forKey: .conditions); try container.encode(aiAct, forKey: .aiAct)
        }
    }
    /// The AI Act class code (null while unclassified) and the labels as "code point".
    struct AIAct: Encodable {
        let riskClass: String?, labels: [String]
        enum CodingKeys: String, CodingKey { case riskClass = "class", labels }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(riskClass, forKey: .riskClass); try container.encode(labels, forKey: .labels)
        }
    }
    struct Decision: Encodable {
        let outcome: String, decidedAt: String, procedure: String
        enum CodingKeys: String, CodingKey { case outcome, decidedAt = "decided_at", procedure }
    }
    struct Condition: Encodable {
        let id: Int64, text: String, dueOn: String, status: String, metAt: String?, overdue: Bool
        enum CodingKeys: String, CodingKey { case id, text, dueOn = "due_on", status, metAt = "met_at", overdue }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id); try container.encode(text, forKey: .text); try container.encode(dueOn, forKey: .dueOn)
            try container.encode(status, forKey: .status); try container.encode(metAt, forKey: .metAt); try container.encode(overdue, forKey: .overdue)
        }
    }

    /// The JSON document, written in pieces as the batches come: `{"cases": [` (`jsonStart`), each batch's cases
    /// (`jsonCases`), then `], "generated_at": …}` (`jsonEnd`). The same text `JSONEncoder` writes for the whole
    /// `Document` (pretty-printed, sorted keys: "cases" before "generated_at"), without holding every case.
    static let jsonStart = "{\n  \"cases\" : ["

    /// A batch of cases as array elements, each after a comma but the very first one's (`first`).
    static func jsonCases(_ cases: [ExportedCase], today: String, first: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var text = ""
        for (index, item) in cases.enumerated() {
            let encoded = String(decoding: try encoder.encode(record(item, today: today)), as: UTF8.self)
            // Two levels deep in the document: every line indented by four spaces (JSON strings hold no raw line break).
            text += (first && index == 0 ? "\n" : ",\n") + encoded.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "    " + $0 }.joined(separator: "\n")
        }
        return text
    }

    static func jsonEnd(generatedAt: String) throws -> String {
        let value = String(decoding: try JSONEncoder().encode(generatedAt), as: UTF8.self)
        return "\n  ],\n  \"generated_at\" : \(value)\n}"
    }

    private static func record(_ item: ExportedCase, today: String) -> Case {
        Case(id: item.id, title: item.title, team: item.team, status: item.status.rawValue, riskTier: item.riskTier.rawValue,
             confidential: item.confidential, createdAt: item.createdAt, submittedAt: item.submittedAt,
             decision: zip(item.outcome, item.decidedAt).map { Decision(outcome: $0.rawValue, decidedAt: $1, procedure: item.procedure ?? "") },
             conditions: item.conditions.map {
                 Condition(id: $0.id, text: $0.text, dueOn: $0.dueOn, status: $0.status, metAt: $0.metAt,
                           overdue: $0.status == "open" && $0.dueOn < today)
             },
             aiAct: AIAct(riskClass: item.aiActClass?.rawValue, labels: item.aiActLabels))
    }

    private static func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}
