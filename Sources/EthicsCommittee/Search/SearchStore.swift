import Foundation
import GRDB

/// One search result: the document, what to call it and where it leads are the page's business.
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case `case`, question, review, comment, minutes, charter, deliverable
    }
    public let kind: Kind
    /// The source row: case, question, review, comment, governance version or deliverable id; for
    /// minutes, the part's ordinal.
    public let ref: Int64
    public let caseId: Int64?
    public let meetingId: Int64?
    /// The document's own title (a case's, a deliverable's, a version's change note), hits marked as in
    /// `snippet`.
    public let title: String
    public let caseTitle: String?
    public let meetingTitle: String?
    /// For a governance version: its document's kind and its number.
    public let documentKind: String?
    public let versionNumber: Int?
    public let at: String
    /// FTS5's snippet of the body (the text around the best hits), hits between `SearchSnippet.open` and `.close`.
    public let snippet: String
}

/// SQL for search: one FTS5 index (`migrations/0009_search.sql`) and the access rule inside the query,
/// so results, counts and snippets only ever come from records the person may open.
public struct SearchStore: Sendable {
    let db: AppDatabase
    public init(db: AppDatabase) { self.db = db }

    /// One page of results, best first (bm25, a title hit weighing five times a body hit), and the total.
    /// `expression` is a `SearchQuery` expression.
    public func search(_ expression: String, for actor: Actor, offset: Int, limit: Int) async throws -> ([SearchHit], Int) {
        let (access, accessArguments) = Self.access(actor)
        let filtered = """
            FROM search_index s LEFT JOIN cases c ON c.id = s.case_id
            WHERE search_index MATCH ? AND (\(access))
            """
        var filteredArguments: StatementArguments = [expression]
        filteredArguments += accessArguments
        let countArguments = filteredArguments
        filteredArguments += [limit, offset]
        let pageArguments = filteredArguments
        let countSQL = "SELECT count(*) " + filtered
        let pageSQL = "SELECT s.rowid " + filtered + " ORDER BY bm25(search_index, 5.0, 1.0), s.rowid LIMIT ? OFFSET ?"
        return try await db.writer.read { db in
            let total = try Int.fetchOne(db, sql: countSQL, arguments: countArguments) ?? 0
            let ids = try Int64.fetchAll(db, sql: pageSQL, arguments: pageArguments)
            guard !ids.isEmpty else { return ([], total) }
            // Snippets and titles for this page only: computing them for every hit before sorting
            // would cost a snippet per match.
            let marks = "?" + String(repeating: ", ?", count: ids.count - 1)
            let (open, close) = (String(SearchSnippet.open), String(SearchSnippet.close))
            var detailArguments: StatementArguments = [open, close, open, close, expression]
            detailArguments += StatementArguments(ids)
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.rowid AS doc, s.kind, s.ref, s.case_id, s.meeting_id, s.title, s.at,
                       highlight(search_index, 0, ?, ?) AS marked_title, snippet(search_index, 1, ?, ?, '…', 24) AS snippet,
                       c.title AS case_title, m.title AS meeting_title, g.kind AS document_kind, v.number AS version_number
                FROM search_index s
                LEFT JOIN cases c ON c.id = s.case_id
                LEFT JOIN meetings m ON m.id = s.meeting_id
                LEFT JOIN governance_versions v ON s.kind = 'charter' AND v.id = s.ref
                LEFT JOIN governance_documents g ON g.id = v.document_id
                WHERE search_index MATCH ? AND s.rowid IN (\(marks))
                """, arguments: detailArguments)
            var byId: [Int64: SearchHit] = [:]
            for row in rows {
                guard let kind = SearchHit.Kind(rawValue: row["kind"]) else { continue }
                byId[row["doc"]] = SearchHit(
                    kind: kind, ref: row["ref"], caseId: row["case_id"], meetingId: row["meeting_id"], title: row["marked_title"] ?? "",
                    caseTitle: row["case_title"], meetingTitle: row["meeting_title"], documentKind: row["document_kind"],
                    versionNumber: row["version_number"], at: row["at"] ?? "", snippet: row["snippet"] ?? "")
            }
            return (ids.compactMap { byId[$0] }, total)
        }
    }

    /// The policy in SQL, over the index `s` joined to its case `c`. Cases and what hangs on them follow
    /// `CaseStore.visibility` (`Policy.canView`); reviews and comments are the case's internals, never a
    /// project owner's (`canSeeInternals`: a recused reviewer already fails `canView`); minutes follow
    /// `viewMeeting` (every meeting for staff and members, an expert's invitations, no project owner) and
    /// a part about a case the reader may not open is left out, as the page shows it "Confidential item";
    /// deliverables follow `viewDeliverable`; published governance versions are for everyone signed in.
    static func access(_ actor: Actor) -> (String, StatementArguments) {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        let caseVisible = "(c.id IS NOT NULL AND \(visible))"
        let me = actor.userId
        switch actor.role {
        case .admin, .secretary:
            return ("1", [])
        case .member:
            var arguments = visibleArguments
            arguments += visibleArguments
            return ("""
                (s.kind IN ('case', 'question', 'review', 'comment') AND \(caseVisible))
                OR (s.kind IN ('minutes', 'deliverable') AND (s.case_id IS NULL OR \(caseVisible)))
                OR s.kind = 'charter'
                """, arguments)
        case .expert:
            var arguments = visibleArguments
            arguments += [me]
            arguments += visibleArguments
            arguments += [me]
            arguments += visibleArguments
            return ("""
                (s.kind IN ('case', 'question', 'review', 'comment') AND \(caseVisible))
                OR (s.kind = 'minutes' AND EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = s.meeting_id AND i.user_id = ?)
                    AND (s.case_id IS NULL OR \(caseVisible)))
                OR s.kind = 'charter'
                OR (s.kind = 'deliverable' AND s.owner_id = ? AND (s.case_id IS NULL OR \(caseVisible)))
                """, arguments)
        case .submitter:
            return ("(s.kind IN ('case', 'question') AND \(caseVisible)) OR s.kind = 'charter'", visibleArguments)
        }
    }
}
