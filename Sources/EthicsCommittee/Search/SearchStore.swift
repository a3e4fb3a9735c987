import Foundation
import GRDB

/// One search result: the document, what to call it and where it leads are the page's business.
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case `case`, question, review, comment, minutes, charter, deliverable

        /// The kind from an index rowid's last three bits (`migrations/0009_search.sql`).
        init?(code: Int64) {
            let kinds: [Int64: Kind] = [1: .case, 2: .question, 3: .review, 4: .comment, 5: .minutes, 6: .charter, 7: .deliverable]
            guard let kind = kinds[code] else { return nil }
            self = kind
        }
    }
    public let kind: Kind
    /// The source row: case, question, review, comment, governance version or deliverable id; for
    /// minutes, the part's ordinal (and `meetingId` the meeting).
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

    /// The index `s` joined to the live case `c` of each document (none for governance versions, free
    /// items and deliverables without a case), found from the rowid (`key * 8 + kind`) by primary keys:
    /// reading the index's stored columns for every hit would cost more than the search itself.
    static let indexed = """
        FROM search_index s
        LEFT JOIN cases c ON c.id = CASE s.rowid % 8
            WHEN 1 THEN s.rowid / 8
            WHEN 2 THEN (SELECT q.case_id FROM case_questions q WHERE q.id = s.rowid / 8)
            WHEN 3 THEN (SELECT v.case_id FROM reviews v WHERE v.id = s.rowid / 8)
            WHEN 4 THEN (SELECT m.case_id FROM case_comments m WHERE m.id = s.rowid / 8)
            WHEN 5 THEN (SELECT i.case_id FROM meeting_minutes_parts p JOIN agenda_items i ON i.id = p.item_id
                         WHERE p.meeting_id = s.rowid / 8388608 AND p.ordinal = s.rowid / 8 % 1048576)
            WHEN 7 THEN (SELECT d.case_id FROM deliverables d WHERE d.id = s.rowid / 8)
            END
        """

    /// One page of results, best first (bm25, a title hit weighing five times a body hit), and the total, counted up
    /// to `ListBound.countLimit` (callers keep `offset` within `ListBound.rows`). `expression` is a `SearchQuery`
    /// expression. The staff, who may open everything, are answered from the index alone (no join per match).
    /// Ranking is bounded as the count is: bm25 is computed for at most `ListBound.countLimit` matches, the newest
    /// (highest document ids, which FTS5 reads in that order without sorting), so a word found in tens of thousands of
    /// documents costs no more than one found in 5,000. Up to 5,000 matches the results are exactly those of ranking
    /// every match; past that the page already says "more than 5000" and asks for narrower words.
    public func search(_ expression: String, for actor: Requester, offset: Int, limit: Int) async throws -> ([SearchHit], Int) {
        let (access, accessArguments) = Self.access(actor)
        let filtered = access == "1" ? "FROM search_index s WHERE search_index MATCH ?"
            : Self.indexed + " WHERE search_index MATCH ? AND (\(access))"
        var filteredArguments: StatementArguments = [expression]
        filteredArguments += accessArguments
        var boundedArguments = filteredArguments
        boundedArguments += [ListBound.countLimit]
        let countArguments = boundedArguments
        filteredArguments += [ListBound.countLimit, limit, offset]
        let pageArguments = filteredArguments
        let countSQL = "SELECT count(*) FROM (SELECT 1 " + filtered + " LIMIT ?)"
        let pageSQL = Self.pageSQL(filtered)
        return try await db.writer.read { db in
            let total = try Int.fetchOne(db.cachedStatement(sql: countSQL), arguments: countArguments) ?? 0
            let ids = try Int64.fetchAll(db.cachedStatement(sql: pageSQL), arguments: pageArguments)
            guard !ids.isEmpty else { return ([], total) }
            // Snippets and titles for this page only: computing them for every hit before sorting
            // would cost a snippet per match.
            let marks = "?" + String(repeating: ", ?", count: ids.count - 1)
            let (open, close) = (String(SearchSnippet.open), String(SearchSnippet.close))
            var detailArguments: StatementArguments = [open, close, open, close, expression]
            detailArguments += StatementArguments(ids)
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.rowid AS doc, s.at, c.id AS case_id, c.title AS case_title, m.id AS meeting_id, m.title AS meeting_title,
                       g.kind AS document_kind, v.number AS version_number,
                       highlight(search_index, 0, ?, ?) AS marked_title, snippet(search_index, 1, ?, ?, '…', 24) AS snippet
                \(Self.indexed)
                LEFT JOIN meetings m ON s.rowid % 8 = 5 AND m.id = s.rowid / 8388608
                LEFT JOIN governance_versions v ON s.rowid % 8 = 6 AND v.id = s.rowid / 8
                LEFT JOIN governance_documents g ON g.id = v.document_id
                WHERE search_index MATCH ? AND s.rowid IN (\(marks))
                """, arguments: detailArguments)
            var byId: [Int64: SearchHit] = [:]
            for row in rows {
                let doc: Int64 = row["doc"]
                guard let kind = SearchHit.Kind(code: doc % 8) else { continue }
                byId[doc] = SearchHit(
                    kind: kind, ref: kind == .minutes ? doc / 8 % 1_048_576 : doc / 8, caseId: row["case_id"],
                    meetingId: row["meeting_id"], title: row["marked_title"] ?? "", caseTitle: row["case_title"],
                    meetingTitle: row["meeting_title"], documentKind: row["document_kind"], versionNumber: row["version_number"],
                    at: row["at"] ?? "", snippet: row["snippet"] ?? "")
            }
            return (ids.compactMap { byId[$0] }, total)
        }
    }

    /// A page of the ranked matches of `filtered` (`FROM … WHERE search_index MATCH ? …`), ranking at most `?` of them.
    static func pageSQL(_ filtered: String) -> String {
        """
        SELECT doc FROM (SELECT s.rowid AS doc, bm25(search_index, 5.0, 1.0) AS score \(filtered) ORDER BY s.rowid DESC LIMIT ?)
        ORDER BY score, doc LIMIT ? OFFSET ?
        """
    }

    /// The policy in SQL, over the index `s` joined to its case `c` (`indexed`). Cases and what hangs on
    /// them follow `CaseStore.visibility` (`Policy.canView`); reviews and comments are the case's internals,
    /// never a project owner's (`canSeeInternals`: a recused reviewer already fails `canView`); minutes
    /// follow `viewMeeting` (every meeting for staff and members, an expert's invitations, no project owner)
    /// and a part about a case the reader may not open is left out, as the page shows it "Confidential
    /// item", and so is a part tied to no item unless the reader may open every case of the agenda; deliverables follow `viewDeliverable`; published governance versions are for everyone signed in.
    static func access(_ actor: Requester) -> (String, StatementArguments) {
        let (visible, visibleArguments) = CaseStore.visibility(actor)
        let caseVisible = "(c.id IS NOT NULL AND \(visible))"
        // A part of the minutes: tied to a case item, as that case; tied to a free item, shown; tied to no item,
        // only when the reader may open every case on the meeting's agenda (`MinutesDraft.html`: fails closed).
        let minutes = """
            (\(caseVisible) OR (c.id IS NULL AND (
                EXISTS (SELECT 1 FROM meeting_minutes_parts p WHERE p.meeting_id = s.rowid / 8388608
                        AND p.ordinal = s.rowid / 8 % 1048576 AND p.item_id IS NOT NULL)
                OR NOT EXISTS (SELECT 1 FROM agenda_items a JOIN cases c ON c.id = a.case_id
                               WHERE a.meeting_id = s.rowid / 8388608 AND NOT (\(visible))))))
            """
        var minutesArguments = visibleArguments
        minutesArguments += visibleArguments
        let me = actor.userId
        switch actor.role {
        case .admin, .secretary:
            return ("1", [])
        case .member:
            var arguments = visibleArguments
            arguments += minutesArguments
            arguments += visibleArguments
            return ("""
                (s.rowid % 8 IN (1, 2, 3, 4) AND \(caseVisible))
                OR (s.rowid % 8 = 5 AND \(minutes))
                OR (s.rowid % 8 = 7 AND (c.id IS NULL OR \(caseVisible)))
                OR s.rowid % 8 = 6
                """, arguments)
        case .expert:
            var arguments = visibleArguments
            arguments += [me]
            arguments += minutesArguments
            arguments += [me]
            arguments += visibleArguments
            return ("""
                (s.rowid % 8 IN (1, 2, 3, 4) AND \(caseVisible))
                OR (s.rowid % 8 = 5
                    AND EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = s.rowid / 8388608 AND i.user_id = ?)
                    AND \(minutes))
                OR s.rowid % 8 = 6
                OR (s.rowid % 8 = 7 AND (SELECT d.owner_id FROM deliverables d WHERE d.id = s.rowid / 8) = ?
                    AND (c.id IS NULL OR \(caseVisible)))
                """, arguments)
        case .submitter:
            return ("(s.rowid % 8 IN (1, 2) AND \(caseVisible)) OR s.rowid % 8 = 6", visibleArguments)
        }
    }
}
