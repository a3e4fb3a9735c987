import Foundation
import GRDB

/// A person who could review a case, with what the secretary should know before assigning them.
public struct ReviewerCandidate: Sendable, Equatable, FetchableRecord {
    public var userId: Int64
    public var name: String
    public var email: String
    public var role: Role
    public var external: Bool
    /// A declared interest that names the submitting team or the vendor.
    public var conflictWith: String?

    public init(row: Row) {
        userId = row["id"]; name = row["name"]; email = row["email"] ?? ""; role = Role(rawValue: row["role"]) ?? .member
        external = row["external"] ?? (role == .expert); conflictWith = row["conflict_with"]
    }
}

/// SQL for the review work on a case: reviewers, recusals, reviews, questions, discussion.
public struct CaseReviewStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock) { self.db = db; self.clock = clock }

    /// Assigned reviewers, with whether each has reviewed.
    public func reviewers(caseId: Int64) async throws -> [CaseReviewer] {
        try await db.writer.read { db in try Self.reviewers(db, caseId: caseId) }
    }

    static func reviewers(_ db: Database, caseId: Int64) throws -> [CaseReviewer] {
        try CaseReviewer.fetchAll(db.cachedStatement(sql: """
            SELECT r.*, u.name, u.role, p.external,
                EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = r.case_id AND v.reviewer_id = r.user_id) AS has_reviewed
            FROM case_reviewers r JOIN users u ON u.id = r.user_id LEFT JOIN member_profiles p ON p.user_id = u.id
            WHERE r.case_id = ? ORDER BY r.assigned_at, u.name
            """), arguments: [caseId])
    }

    /// The case's project owner and its reviewers not recused (told of its decision).
    static func ownerAndReviewers(_ db: Database, caseId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT submitter_id FROM cases WHERE id = ?
            UNION SELECT user_id FROM case_reviewers WHERE case_id = ? AND recused_at IS NULL
            """), arguments: [caseId, caseId])
    }

    /// Active members and experts not yet assigned, each flagged when one of their current interests
    /// names the team or the vendor (case-insensitive), by name; at most `limit` (nil: all).
    public func candidates(caseId: Int64, team: String, vendor: String, limit: Int? = nil) async throws -> [ReviewerCandidate] {
        try await db.writer.read { db in try Self.candidates(db, caseId: caseId, team: team, vendor: vendor, limit: limit) }
    }

    /// What the assignment form offers, bounded however large the committee (issue 19): the first `limit` candidates
    /// by name (the suggestions of the reviewer field) and the first `limit` flagged ones (the warnings above it).
    public func candidateChoices(caseId: Int64, team: String, vendor: String, limit: Int)
        async throws -> (suggested: [ReviewerCandidate], flagged: [ReviewerCandidate]) {
        try await db.writer.read { db in try Self.candidateChoices(db, caseId: caseId, team: team, vendor: vendor, limit: limit) }
    }

    static func candidateChoices(_ db: Database, caseId: Int64, team: String, vendor: String, limit: Int)
        throws -> (suggested: [ReviewerCandidate], flagged: [ReviewerCandidate]) {
        (try candidates(db, caseId: caseId, team: team, vendor: vendor, limit: limit),
         try candidates(db, caseId: caseId, team: team, vendor: vendor, limit: limit, flaggedOnly: true))
    }

    /// The one candidate the reviewer field names: by e-mail, by name (when only one candidate bears it) or by
    /// account number (scripted clients); nil when nobody, or more than one, matches.
    public func candidate(caseId: Int64, team: String, vendor: String, named raw: String) async throws -> ReviewerCandidate? {
        let typed = raw.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return nil }
        return try await db.writer.read { db in
            let found = try Self.candidates(db, caseId: caseId, team: team, vendor: vendor, limit: 2, matching: typed)
            return found.count == 1 ? found[0] : found.first { $0.email.lowercased() == typed.lowercased() }
        }
    }

    private static func candidates(_ db: Database, caseId: Int64, team: String, vendor: String, limit: Int?,
                                   flaggedOnly: Bool = false, matching: String? = nil) throws -> [ReviewerCandidate] {
        let (conflict, conflictArguments) = MemberStore.matchingInterest(userColumn: "u.id", team: team, vendor: vendor)
        var arguments = conflictArguments + [caseId]
        var filter = ""
        if let matching {
            filter = " AND (u.email = ? COLLATE NOCASE OR u.name = ? COLLATE NOCASE OR u.id = ?)"
            arguments += [matching, matching, Int64(matching) ?? -1]
        }
        arguments += [limit ?? -1]
        return try ReviewerCandidate.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM (
                SELECT u.id, u.name, u.email, u.role, p.external, \(conflict) AS conflict_with
                FROM users u LEFT JOIN member_profiles p ON p.user_id = u.id
                WHERE u.active = 1 AND u.role IN ('member', 'expert')
                    AND NOT EXISTS (SELECT 1 FROM case_reviewers r WHERE r.case_id = ? AND r.user_id = u.id)\(filter)
            )\(flaggedOnly ? " WHERE conflict_with IS NOT NULL" : "") ORDER BY name COLLATE NOCASE, id LIMIT ?
            """), arguments: arguments)
    }

    /// Assigns a reviewer with a due date; the first assignment starts the review of a submitted case.
    public func assign(caseId: Int64, userId: Int64, dueOn: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in try assign(db, caseId: caseId, userId: userId, dueOn: dueOn, by: actor) }
    }

    /// `assign` inside the caller's transaction (the demo generator batches many in one).
    func assign(_ db: Database, caseId: Int64, userId: Int64, dueOn: String, by actor: AuditActor) throws {
        let now = clock.now
        try db.cachedStatement(sql: """
            INSERT INTO case_reviewers (case_id, user_id, assigned_by, assigned_at, due_on) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [caseId, userId, actor.id, Timestamp.string(now), dueOn])
        let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM users WHERE id = ?"), arguments: [userId]) ?? ""
        try CaseStore.event(db, caseId: caseId, actor: actor, event: "reviewer_assigned", detail: name, at: Timestamp.string(now))
        try AuditStore.append(db, by: actor, action: "case.reviewer_assigned", targetType: "case", targetId: String(caseId),
                              detail: "user=\(userId) due=\(dueOn)", at: now)
        if try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM cases WHERE id = ?"), arguments: [caseId]) == CaseStatus.submitted.rawValue {
            try CaseStore.move(db, id: caseId, from: .submitted, to: .inReview, transition: .startReview, note: "",
                               by: actor, now: now)
        }
        try Notifier.reviewerAssigned(db, caseId: caseId, reviewerId: userId, dueOn: dueOn, by: actor.id, now: now)
    }

    /// A reviewer declares a conflict of interest: recused at once, recorded with the reason.
    public func recuse(caseId: Int64, userId: Int64, reason: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in try recuse(db, caseId: caseId, userId: userId, reason: reason, by: actor) }
    }

    /// `recuse` inside the caller's transaction (the demo generator batches many in one).
    func recuse(_ db: Database, caseId: Int64, userId: Int64, reason: String, by actor: AuditActor) throws {
        let now = clock.now
        try db.cachedStatement(sql: """
            UPDATE case_reviewers SET recused_at = ?, recusal_reason = ? WHERE case_id = ? AND user_id = ? AND recused_at IS NULL
            """).execute(arguments: [Timestamp.string(now), reason, caseId, userId])
        guard db.changesCount == 1 else { throw Refusal.notFound }
        let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM users WHERE id = ?"), arguments: [userId]) ?? ""
        try CaseStore.event(db, caseId: caseId, actor: actor, event: "recused", detail: name, at: Timestamp.string(now))
        try AuditStore.append(db, by: actor, action: "case.recused", targetType: "case", targetId: String(caseId),
                              detail: "user=\(userId) reason=\(reason)", at: now)
        try Notifier.withdraw(db, userId: userId, caseId: caseId)
    }

    /// Reviews written so far, oldest first.
    public func reviews(caseId: Int64) async throws -> [Review] {
        try await db.writer.read { db in try Self.reviews(db, caseId: caseId) }
    }

    static func reviews(_ db: Database, caseId: Int64) throws -> [Review] {
        try Review.fetchAll(db.cachedStatement(sql: """
            SELECT v.*, u.name FROM reviews v JOIN users u ON u.id = v.reviewer_id WHERE v.case_id = ? ORDER BY v.id
            """), arguments: [caseId])
    }

    /// Records a reviewer's review (one per reviewer and case).
    public func review(caseId: Int64, reviewerId: Int64, recommendation: Recommendation, reasoning: String, reasoningHTML: String,
                       by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try review(db, caseId: caseId, reviewerId: reviewerId, recommendation: recommendation, reasoning: reasoning,
                       reasoningHTML: reasoningHTML, by: actor)
        }
    }

    /// `review` inside the caller's transaction (the demo generator batches many in one).
    func review(_ db: Database, caseId: Int64, reviewerId: Int64, recommendation: Recommendation, reasoning: String,
                reasoningHTML: String, by actor: AuditActor) throws {
        let now = clock.now
        try db.cachedStatement(sql: """
            INSERT INTO reviews (case_id, reviewer_id, recommendation, reasoning, reasoning_html, submitted_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [caseId, reviewerId, recommendation.rawValue, reasoning, reasoningHTML, Timestamp.string(now)])
        try CaseStore.event(db, caseId: caseId, actor: actor, event: "reviewed", at: Timestamp.string(now))
        try AuditStore.append(db, by: actor, action: "case.reviewed", targetType: "case", targetId: String(caseId),
                              detail: "recommendation=\(recommendation.rawValue)", at: now)
    }

    /// The internal discussion, oldest first.
    public func comments(caseId: Int64) async throws -> [CaseComment] {
        try await db.writer.read { db in try Self.comments(db, caseId: caseId) }
    }

    static func comments(_ db: Database, caseId: Int64) throws -> [CaseComment] {
        try CaseComment.fetchAll(db.cachedStatement(sql: """
            SELECT c.*, u.name FROM case_comments c JOIN users u ON u.id = c.author_id WHERE c.case_id = ? ORDER BY c.id
            """), arguments: [caseId])
    }

    /// Adds a comment to the internal discussion.
    public func comment(caseId: Int64, body: String, bodyHTML: String, by actor: AuditActor) async throws {
        try await db.writer.write { db in try comment(db, caseId: caseId, body: body, bodyHTML: bodyHTML, by: actor) }
    }

    /// `comment` inside the caller's transaction (the demo generator batches many in one).
    func comment(_ db: Database, caseId: Int64, body: String, bodyHTML: String, by actor: AuditActor) throws {
        try db.cachedStatement(sql: "INSERT INTO case_comments (case_id, author_id, body, body_html, created_at) VALUES (?, ?, ?, ?, ?)").execute(
            arguments: [caseId, actor.id, body, bodyHTML, Timestamp.string(clock.now)])
        try AuditStore.append(db, by: actor, action: "case.commented", targetType: "case", targetId: String(caseId),
                              detail: "comment=\(db.lastInsertedRowID)", at: clock.now)
    }

    /// Edits a comment: only its author, only within `window` seconds of writing it.
    /// Returns false when the comment is not theirs or the window has passed.
    public func editComment(id: Int64, caseId: Int64, body: String, bodyHTML: String, window: TimeInterval,
                            by actor: AuditActor) async throws -> Bool {
        try await db.writer.write { db in
            let now = clock.now
            guard let created = try String.fetchOne(db.cachedStatement(sql: """
                SELECT created_at FROM case_comments WHERE id = ? AND case_id = ? AND author_id = ?
                """), arguments: [id, caseId, actor.id]).flatMap(Timestamp.date),
                now.timeIntervalSince(created) <= window
            else { return false }
            try db.cachedStatement(sql: "UPDATE case_comments SET body = ?, body_html = ?, edited_at = ? WHERE id = ?").execute(
                arguments: [body, bodyHTML, Timestamp.string(now), id])
            try AuditStore.append(db, by: actor, action: "case.comment_edited", targetType: "case", targetId: String(caseId),
                                  detail: "comment=\(id)", at: now)
            return true
        }
    }

    /// Questions asked of the submitter, oldest first.
    public func questions(caseId: Int64) async throws -> [CaseQuestion] {
        try await db.writer.read { db in try Self.questions(db, caseId: caseId) }
    }

    static func questions(_ db: Database, caseId: Int64) throws -> [CaseQuestion] {
        try CaseQuestion.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_questions WHERE case_id = ? ORDER BY id"), arguments: [caseId])
    }

    /// The secretary asks the submitter a question: the case goes back to them (needs_info).
    public func ask(caseId: Int64, from status: CaseStatus, question: String, by actor: AuditActor) async throws {
        _ = try await db.writer.write { db in try ask(db, caseId: caseId, from: status, question: question, by: actor) }
    }

    /// `ask` inside the caller's transaction (the demo generator batches many in one); returns the question's id.
    @discardableResult
    func ask(_ db: Database, caseId: Int64, from status: CaseStatus, question: String, by actor: AuditActor) throws -> Int64 {
        let now = clock.now
        try CaseStore.move(db, id: caseId, from: status, to: .needsInfo, transition: .askInfo, note: question, by: actor, now: now)
        try db.cachedStatement(sql: "INSERT INTO case_questions (case_id, asked_by, question, asked_at) VALUES (?, ?, ?, ?)").execute(
            arguments: [caseId, actor.id, question, Timestamp.string(now)])
        let id = db.lastInsertedRowID
        try Notifier.questionAsked(db, caseId: caseId, by: actor.id, now: now)
        return id
    }

    /// The submitter answers the open questions and resubmits, in one step.
    public func answerAndResubmit(caseId: Int64, answers: [Int64: String], by actor: AuditActor) async throws {
        try await db.writer.write { db in try answerAndResubmit(db, caseId: caseId, answers: answers, by: actor) }
    }

    /// `answerAndResubmit` inside the caller's transaction (the demo generator batches many in one).
    func answerAndResubmit(_ db: Database, caseId: Int64, answers: [Int64: String], by actor: AuditActor) throws {
        let now = clock.now
        for (id, answer) in answers {
            try db.cachedStatement(sql: """
                UPDATE case_questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND case_id = ? AND answer IS NULL
                """).execute(arguments: [answer, actor.id, Timestamp.string(now), id, caseId])
        }
        try CaseStore.move(db, id: caseId, from: .needsInfo, to: .submitted, transition: .resubmit, note: "", by: actor, now: now)
    }
}
