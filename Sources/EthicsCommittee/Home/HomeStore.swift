import Foundation
import GRDB

/// A case as a line of someone's to-do list.
public struct WorkItem: Sendable, Equatable, FetchableRecord {
    public var caseId: Int64
    public var title: String
    public var status: String
    /// The date that matters (review due, condition due, submitted on), ISO.
    public var date: String?
    public var detail: String

    public init(row: Row) {
        caseId = row["case_id"]; title = row["title"]; status = row["status"]; date = row["date"]; detail = row["detail"] ?? ""
    }
}

/// The queries of the home pages: what each person has to do now.
public struct HomeStore: Sendable {
    let db: AppDatabase
    public init(db: AppDatabase) { self.db = db }

    /// A home page shows the first `shown` lines of each list and links to the full list when there are more:
    /// each query reads one line more than it shows, to know.
    public static let shown = 10
    public static let fetched = shown + 1

    /// Reviews the person still owes, soonest due first.
    public func reviewsDue(userId: Int64) async throws -> [WorkItem] {
        try await db.writer.read { db in try Self.reviewsDue(db, userId: userId) }
    }

    static func reviewsDue(_ db: Database, userId: Int64) throws -> [WorkItem] {
        try WorkItem.fetchAll(db.cachedStatement(sql: """
            SELECT c.id AS case_id, c.title, c.status, r.due_on AS date, '' AS detail
            FROM case_reviewers r JOIN cases c ON c.id = r.case_id
            WHERE r.user_id = ? AND r.owed = 1
            ORDER BY r.due_on, c.id LIMIT \(Self.fetched)
            """), arguments: [userId])
    }

    /// A project owner's cases that are not closed or withdrawn, those waiting for them first.
    public func ownCases(userId: Int64) async throws -> [WorkItem] {
        try await db.writer.read { db in try Self.ownCases(db, userId: userId) }
    }

    static func ownCases(_ db: Database, userId: Int64) throws -> [WorkItem] {
        try WorkItem.fetchAll(db.cachedStatement(sql: """
            SELECT c.id AS case_id, c.title, c.status, c.updated_at AS date, '' AS detail
            FROM cases c WHERE c.submitter_id = ? AND c.status NOT IN ('closed', 'withdrawn')
            ORDER BY c.status <> 'needs_info', c.status <> 'draft', c.updated_at DESC LIMIT \(Self.fetched)
            """), arguments: [userId])
    }

    /// Open conditions a person owns, soonest due first, on cases they may open (`CaseStore.visibility`):
    /// a condition shows its case's title and terms.
    public func conditionsOwned(by actor: Requester) async throws -> [WorkItem] {
        try await db.writer.read { db in try Self.conditionsOwned(db, by: actor) }
    }

    static func conditionsOwned(_ db: Database, by actor: Requester) throws -> [WorkItem] {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        var arguments: StatementArguments = [actor.userId]
        arguments += visibleArguments
        let bound = arguments
        return try WorkItem.fetchAll(db.cachedStatement(sql: """
            SELECT c.id AS case_id, c.title, c.status, k.due_on AS date, k.text AS detail
            FROM case_conditions k JOIN cases c ON c.id = k.case_id
            WHERE k.owner_id = ? AND k.status = 'open' AND (\(visible)) ORDER BY k.due_on LIMIT \(Self.fetched)
            """), arguments: bound)
    }

    /// The secretary's queue: cases waiting for triage or for their review to resume.
    public func awaitingTriage() async throws -> [WorkItem] {
        try await db.writer.read { db in try Self.awaitingTriage(db) }
    }

    static func awaitingTriage(_ db: Database) throws -> [WorkItem] {
        try WorkItem.fetchAll(db.cachedStatement(sql: awaitingTriageSQL))
    }

    /// In the order of index `cases_by_status_submitted` (migration 0038): no sort of every submitted case.
    static let awaitingTriageSQL = """
        SELECT c.id AS case_id, c.title, c.status, c.submitted_at AS date, c.risk_tier AS detail
        FROM cases c WHERE c.status = 'submitted' ORDER BY c.submitted_at LIMIT \(fetched)
        """

    /// Reviews past their due date, across the committee: read from the index of reviews owed (migration 0037) in due
    /// order, so the list stops after its lines however many cases are in review.
    public func lateReviews(today: String) async throws -> [WorkItem] {
        try await db.writer.read { db in try Self.lateReviews(db, today: today) }
    }

    static func lateReviews(_ db: Database, today: String) throws -> [WorkItem] {
        try WorkItem.fetchAll(db.cachedStatement(sql: lateReviewsSQL), arguments: [today])
    }

    static let lateReviewsSQL = """
        SELECT c.id AS case_id, c.title, c.status, r.due_on AS date, u.name AS detail
        FROM case_reviewers r JOIN cases c ON c.id = r.case_id JOIN users u ON u.id = r.user_id
        WHERE r.owed = 1 AND r.due_on < ?
        ORDER BY r.due_on, r.case_id LIMIT \(fetched)
        """

    /// Open conditions past their due date, across the committee.
    public func overdueConditions(today: String) async throws -> [WorkItem] {
        try await db.writer.read { db in try Self.overdueConditions(db, today: today) }
    }

    static func overdueConditions(_ db: Database, today: String) throws -> [WorkItem] {
        try WorkItem.fetchAll(db.cachedStatement(sql: """
            SELECT c.id AS case_id, c.title, c.status, k.due_on AS date, k.text AS detail
            FROM case_conditions k JOIN cases c ON c.id = k.case_id
            WHERE k.status = 'open' AND k.due_on < ? ORDER BY k.due_on LIMIT \(Self.fetched)
            """), arguments: [today])
    }

    /// Meetings still to come that a person is invited to (every one, for `userId` nil), soonest first.
    public func nextMeetings(invited userId: Int64?, after now: String, limit: Int = HomeStore.fetched) async throws -> [Meeting] {
        try await db.writer.read { db in try Self.nextMeetings(db, invited: userId, after: now, limit: limit) }
    }

    static func nextMeetings(_ db: Database, invited userId: Int64?, after now: String, limit: Int) throws -> [Meeting] {
        guard let userId else {
            return try Meeting.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM meetings WHERE status = 'planned' AND starts_at >= ? ORDER BY starts_at LIMIT ?
                """), arguments: [now, limit])
        }
        return try Meeting.fetchAll(db.cachedStatement(sql: """
            SELECT m.* FROM meetings m JOIN meeting_invitees i ON i.meeting_id = m.id AND i.user_id = ?
            WHERE m.status = 'planned' AND m.starts_at >= ? ORDER BY m.starts_at LIMIT ?
            """), arguments: [userId, now, limit])
    }

    /// Planned meetings to come, each with who is invited: the secretary's quorum outlook.
    public func plannedMeetingsWithInvitees(after now: String, limit: Int = 20) async throws -> [(Meeting, Set<Int64>)] {
        try await db.writer.read { db in try Self.plannedMeetingsWithInvitees(db, after: now, limit: limit) }
    }

    static func plannedMeetingsWithInvitees(_ db: Database, after now: String, limit: Int) throws -> [(Meeting, Set<Int64>)] {
        let meetings = try Meeting.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM meetings WHERE status = 'planned' AND starts_at >= ? ORDER BY starts_at LIMIT ?
            """), arguments: [now, limit])
        guard !meetings.isEmpty else { return [] }
        // Everyone invited to these meetings in one query, not one per meeting.
        var invited: [Int64: Set<Int64>] = [:]
        let marks = Array(repeating: "?", count: meetings.count).joined(separator: ", ")
        for row in try Row.fetchAll(db, sql: "SELECT meeting_id, user_id FROM meeting_invitees WHERE meeting_id IN (\(marks))",
                                    arguments: StatementArguments(meetings.map(\.id))) {
            invited[row["meeting_id"], default: []].insert(row["user_id"])
        }
        return meetings.map { ($0, invited[$0.id] ?? []) }
    }

    /// Meetings whose minutes are written and wait for the chair's approval, oldest first.
    public func minutesAwaitingApproval() async throws -> [Meeting] {
        try await db.writer.read { db in try Self.minutesAwaitingApproval(db) }
    }

    static func minutesAwaitingApproval(_ db: Database) throws -> [Meeting] {
        try Meeting.fetchAll(db.cachedStatement(sql: minutesAwaitingApprovalSQL))
    }

    /// From the partial index of draft minutes (migration 0038): the few drafts, not every meeting's minutes.
    static let minutesAwaitingApprovalSQL = """
        SELECT m.* FROM meetings m JOIN meeting_minutes n ON n.meeting_id = m.id
        WHERE n.status = 'draft' ORDER BY m.starts_at LIMIT \(fetched)
        """

    /// Deliverables a person owns that are neither delivered nor cancelled, soonest due first, leaving out
    /// those linked to a case they may not open (`viewDeliverable`, in SQL: `DeliverableStore.visibility`).
    public func deliverablesOwned(by actor: Requester) async throws -> [OwnedDeliverable] {
        try await db.writer.read { db in try Self.deliverablesOwned(db, by: actor) }
    }

    static func deliverablesOwned(_ db: Database, by actor: Requester) throws -> [OwnedDeliverable] {
        let (visible, visibleArguments) = DeliverableStore.visibility(actor)
        var arguments: StatementArguments = [actor.userId]
        arguments += visibleArguments
        let bound = arguments
        return try OwnedDeliverable.fetchAll(db.cachedStatement(sql: deliverablesOwnedSQL(visible)), arguments: bound)
    }

    /// In the order of the partial index `deliverables_open_by_owner` (migration 0038): the secretary owns every
    /// decision's opinion, so reading all of a person's deliverables to sort them grew with the archive.
    static func deliverablesOwnedSQL(_ visible: String) -> String {
        """
        SELECT d.id, d.title, d.status, d.due_on FROM deliverables d
        WHERE d.owner_id = ? AND d.status IN ('planned', 'in_progress') AND (\(visible))
        ORDER BY d.due_on, d.id LIMIT \(fetched)
        """
    }
}

/// A deliverable as a line of its owner's to-do list.
public struct OwnedDeliverable: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var title: String
    public var status: String
    public var dueOn: String

    public init(row: Row) { id = row["id"]; title = row["title"]; status = row["status"]; dueOn = row["due_on"] }
}

/// Everything a home page lists, as one value: each list holds what the person's role is shown, the others stay empty.
public struct HomeData: Sendable {
    public var chairId: Int64?
    public var openBallots: [OpenBallot] = []
    public var writtenAwaiting: [WrittenListRow] = []
    public var reviewsDue: [WorkItem] = []
    public var minutesToApprove: [Meeting] = []
    public var nextMeetings: [Meeting] = []
    public var deliverablesOwned: [OwnedDeliverable] = []
    public var conditionsOwned: [WorkItem] = []
    public var member: Member?
    public var ownCases: [WorkItem] = []
    public var awaitingTriage: [WorkItem] = []
    public var lateReviews: [WorkItem] = []
    public var overdueConditions: [WorkItem] = []
    public var plannedWithInvitees: [(Meeting, Set<Int64>)] = []
    public var votingMembers: [Invitee] = []
    /// The next planned meetings, for their quorum forecast.
    var forecasts: [MeetingRecord] = []
    /// The person's own systems whose attestation is due within two weeks or past (anyone may own a system).
    public var attestationsDue: [SystemListRow] = []
    /// The staff's lists of systems: attestations missed, reviews overdue.
    public var attestationsMissed: [SystemListRow] = []
    public var reviewOverdue: [SystemListRow] = []
}

extension HomeStore {
    /// A home page's lists in one `read {}` (issue 19): one consistent snapshot, one hand-off to the database queue.
    /// `attestationSoon`: the last day an attestation counts as due soon (two weeks ahead).
    public func load(for actor: Requester, today: String, now: String, attestationSoon: String) async throws -> HomeData {
        try await db.writer.read { db in
            var data = HomeData()
            data.chairId = try MemberStore.chairId(db)
            data.attestationsDue = try SystemStore.attestationsDue(db, ownerId: actor.userId, until: attestationSoon)
            switch actor.role {
            case .member, .expert:
                data.openBallots = try Self.openBallots(db, userId: actor.userId, limit: Self.fetched)
                data.writtenAwaiting = try WrittenProcedureStore.awaiting(db, for: actor, limit: 20)
                data.reviewsDue = try Self.reviewsDue(db, userId: actor.userId)
                if data.chairId == actor.userId { data.minutesToApprove = try Self.minutesAwaitingApproval(db) }
                data.nextMeetings = try Self.nextMeetings(db, invited: actor.userId, after: now, limit: Self.fetched)
                data.deliverablesOwned = try Self.deliverablesOwned(db, by: actor)
                data.conditionsOwned = try Self.conditionsOwned(db, by: actor)
                data.member = try MemberStore.find(db, userId: actor.userId)
            case .submitter:
                data.ownCases = try Self.ownCases(db, userId: actor.userId)
                data.conditionsOwned = try Self.conditionsOwned(db, by: actor)
            case .secretary, .admin:
                data.awaitingTriage = try Self.awaitingTriage(db)
                data.lateReviews = try Self.lateReviews(db, today: today)
                data.overdueConditions = try Self.overdueConditions(db, today: today)
                data.plannedWithInvitees = try Self.plannedMeetingsWithInvitees(db, after: now, limit: 20)
                data.votingMembers = try MeetingStore.votingMembers(db)
                data.forecasts = try MeetingRecordStore.forecastRecords(db, after: now, limit: 5, voters: data.votingMembers)
                data.attestationsMissed = try SystemStore.missedAttestations(db, for: actor, today: today)
                data.reviewOverdue = try SystemStore.overdueForReview(db, for: actor, today: today).rows
                data.minutesToApprove = try Self.minutesAwaitingApproval(db)
                data.nextMeetings = try Self.nextMeetings(db, invited: nil, after: now, limit: Self.fetched)
                data.deliverablesOwned = try Self.deliverablesOwned(db, by: actor)
            }
            return data
        }
    }
}
