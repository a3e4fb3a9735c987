import Foundation

/// What changed between a system's last case and its re-review: the answers that differ, question by question
/// (readiness answers with their notes, then the AI Act questionnaire). Pure, tested without HTTP.
public enum ReReviewDiff {
    public struct Line: Sendable, Equatable {
        /// `readiness:<area.question>` or `aiact:<id>`.
        public let question: String
        public let before: String?
        public let after: String?
    }

    /// The answers as compared: readiness answer and note as one text, AI Act answers as given.
    public struct Answers: Sendable, Equatable {
        public var readiness: [String: Readiness.Answer] = [:]
        public var notes: [String: String] = [:]
        public var aiAct: [String: String] = [:]
        public init(readiness: [String: Readiness.Answer] = [:], notes: [String: String] = [:], aiAct: [String: String] = [:]) {
            self.readiness = readiness; self.notes = notes; self.aiAct = aiAct
        }
    }

    /// The lines that differ, in the questionnaires' order.
    public static func lines(before: Answers, after: Answers) -> [Line] {
        func readiness(_ answers: Answers, _ id: String) -> String? {
            guard let answer = answers.readiness[id] else { return answers.notes[id].map { "— · \($0)" } }
            return answers.notes[id].map { "\(answer.rawValue) · \($0)" } ?? answer.rawValue
        }
        var lines: [Line] = []
        for id in Readiness.questionIds {
            let old = readiness(before, id), new = readiness(after, id)
            if old != new { lines.append(Line(question: "readiness:\(id)", before: old, after: new)) }
        }
        for question in AIActQuestionnaire.questions {
            let old = before.aiAct[question.id], new = after.aiAct[question.id]
            if old != new { lines.append(Line(question: "aiact:\(question.id)", before: old, after: new)) }
        }
        return lines
    }
}

/// The system part of a case page: the system it registered or re-reviews, the offer to register one, and for a
/// re-review what changed since the previous case.
struct CaseSystemView: Sendable {
    struct Line: Sendable {
        let question: String
        let before: String
        let after: String
    }
    let systemHref: String?
    let systemName: String?
    let isReReview: Bool
    /// A system registered without a case, reviewed for the first time.
    let firstReview: Bool
    let previousHref: String?
    let previousTitle: String?
    let changes: [Line]
    let hasChanges: Bool
    let answers: [Line]
    let hasAnswers: Bool
    let registerHref: String?
}
