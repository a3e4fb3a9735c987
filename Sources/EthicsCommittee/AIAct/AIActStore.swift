import Foundation
import GRDB

/// What a case's AI Act section holds: the answers, the version and class, the labels.
public struct AIActCaseRecord: Sendable, Equatable {
    public var answers: [String: String]
    public var version: Int?
    public var riskClass: AIActClass?
    public var labels: [AIActLabel]
    public var classified: Bool { riskClass != nil }
}

/// When a group of obligations applies, and why that date.
public struct AIActObligationDate: Sendable, Equatable {
    public var code: String
    public var appliesOn: String
    public var source: String
}

/// SQL for the AI Act section of cases and the obligation dates.
public struct AIActStore: Sendable {
    let db: AppDatabase
    public init(db: AppDatabase) { self.db = db }

    /// Saves the answers of a case and what they classify to, inside the case's own write (create or update).
    /// Answers to questions no longer asked are dropped; incomplete answers leave the class empty.
    static func save(_ db: Database, caseId: Int64, answers raw: [String: String], at now: String) throws {
        let answers = AIActQuestionnaire.relevant(raw)
        try db.cachedStatement(sql: "DELETE FROM case_ai_act_answers WHERE case_id = ?").execute(arguments: [caseId])
        try db.cachedStatement(sql: "DELETE FROM case_ai_act_labels WHERE case_id = ?").execute(arguments: [caseId])
        for (question, answer) in answers {
            try db.cachedStatement(sql: "INSERT INTO case_ai_act_answers (case_id, question, answer) VALUES (?, ?, ?)").execute(
                arguments: [caseId, question, answer])
        }
        var riskClass: String?
        if case .classified(let result) = AIActClassifier.classify(answers) {
            riskClass = result.riskClass.rawValue
            for (position, label) in result.labels.enumerated() {
                try db.cachedStatement(sql: """
                    INSERT INTO case_ai_act_labels (case_id, position, kind, code, point, articles, answers)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [caseId, position, label.kind.rawValue, label.code, label.point,
                                     label.articles.joined(separator: "; "), label.answers.joined(separator: " ")])
            }
        }
        try db.cachedStatement(sql: """
            INSERT INTO case_ai_act (case_id, questionnaire_version, risk_class, classified_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (case_id) DO UPDATE SET questionnaire_version = excluded.questionnaire_version,
                risk_class = excluded.risk_class, classified_at = excluded.classified_at
            """).execute(arguments: [caseId, AIActQuestionnaire.version, riskClass, now])
    }

    /// The AI Act section of a case (empty answers and no class when never answered).
    public func record(caseId: Int64) async throws -> AIActCaseRecord {
        try await db.writer.read { db in try Self.record(db, caseId: caseId) }
    }

    static func record(_ db: Database, caseId: Int64) throws -> AIActCaseRecord {
        var answers: [String: String] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT question, answer FROM case_ai_act_answers WHERE case_id = ?"), arguments: [caseId]) {
            answers[row["question"] as String] = row["answer"] as String
        }
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT questionnaire_version, risk_class FROM case_ai_act WHERE case_id = ?"),
                                    arguments: [caseId])
        let labels = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, code, point, articles, answers FROM case_ai_act_labels WHERE case_id = ? ORDER BY position
            """), arguments: [caseId]).map { row in
            AIActLabel(AIActLabel.Kind(rawValue: row["kind"] as String) ?? .riskClass, row["code"] as String, point: row["point"] as String,
                       articles: (row["articles"] as String).components(separatedBy: "; ").filter { !$0.isEmpty },
                       answers: (row["answers"] as String).split(separator: " ").map(String.init))
        }
        let version = head.flatMap { $0["questionnaire_version"] as Int? }
        let riskClass = head.flatMap { $0["risk_class"] as String? }.flatMap(AIActClass.init(rawValue:))
        return AIActCaseRecord(answers: answers, version: version, riskClass: riskClass, labels: labels)
    }

    /// The prohibited points (e.g. "Art. 5(1)(f)") a case is classified under, inside the caller's transaction.
    static func prohibitedPoints(_ db: Database, caseId: Int64) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT point FROM case_ai_act_labels WHERE case_id = ? AND code = 'prohibited' ORDER BY position
            """), arguments: [caseId])
    }

    /// Refuses a favourable decision on a case classified prohibited (Art. 5), and on a case whose classification
    /// requires a fundamental-rights impact assessment that nobody has written (Art. 27), inside the decision's transaction.
    static func checkDecision(_ db: Database, caseId: Int64, outcome: DecisionOutcome) throws {
        guard outcome == .favourable || outcome == .conditions else { return }
        if let key = AIActDecisionRule.refusalKey(outcome: outcome, prohibitedPoints: try prohibitedPoints(db, caseId: caseId)) {
            throw CaseLifecycle.Refusal(key: key)
        }
        if try FRIAStore.required(db, caseId: caseId), try FRIAStore.latestVersion(db, caseId: caseId) == nil {
            throw CaseLifecycle.Refusal(key: AIActDecisionRule.friaMissingKey)
        }
    }

    /// Why a case may not be submitted yet: the first AI Act question asked and unanswered, or a contradiction,
    /// as a refusal code `aiact_unanswered:<question>` / `aiact_refused:<question>:<key>` read by `message`.
    public func submissionProblem(caseId: Int64) async throws -> String? {
        let answers = try await record(caseId: caseId).answers
        switch AIActClassifier.classify(answers) {
        case .classified: return nil
        case .incomplete(let questions): return questions.first.map { "aiact_unanswered:" + $0 }
        case .refused(let problems): return problems.first.map { "aiact_refused:\($0.question):\($0.key)" }
        }
    }

    /// The text of a refusal code of `submissionProblem`, naming the question; nil for any other key.
    static func message(_ code: String, _ language: Language) -> String? {
        let t = Catalog.messages(language)
        let parts = code.split(separator: ":").map(String.init)
        guard parts.count >= 2, let question = AIActQuestionnaire.byId[parts[1]] else { return nil }
        let named = "\(t[runtime: question.key] ?? question.id) (\(question.article))"
        switch parts[0] {
        case "aiact_unanswered": return t.fill(.aiact_problem_unanswered, ["question": named])
        case "aiact_refused": return parts.count == 3 ? "\(t[runtime: parts[2]] ?? parts[2]) — \(named)" : nil
        default: return nil
        }
    }

    /// The obligations a case's classification brings (none while it is not classified).
    public func obligations(caseId: Int64) async throws -> [AIActObligation] {
        guard case .classified(let result) = AIActClassifier.classify(try await record(caseId: caseId).answers) else { return [] }
        return AIActObligations.of(result)
    }

    /// The obligation dates by code.
    public func dates() async throws -> [String: AIActObligationDate] {
        try await db.writer.read { db in try Self.dates(db) }
    }

    static func dates(_ db: Database) throws -> [String: AIActObligationDate] {
        var dates: [String: AIActObligationDate] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT code, applies_on, source FROM ai_act_obligation_dates")) {
            let code: String = row["code"]
            dates[code] = AIActObligationDate(code: code, appliesOn: row["applies_on"], source: row["source"])
        }
        return dates
    }
}
