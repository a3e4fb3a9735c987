import Foundation
import GRDB

/// SQL for governance documents: drafts, published versions, acknowledgements.
/// Every write appends its audit entry in the same transaction.
public struct CharterStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    public init(db: AppDatabase, clock: AppClock = .system) { self.db = db; self.clock = clock }

    private static let documentSelect = """
        SELECT d.*, u.name AS updated_by_name FROM governance_documents d
        LEFT JOIN users u ON u.id = d.draft_updated_by
        """
    private static let versionSelect = """
        SELECT v.*, u.name AS publisher_name FROM governance_versions v JOIN users u ON u.id = v.published_by
        """

    // MARK: Reading

    /// Every governance document, in display order.
    public func documents() async throws -> [GovernanceDocument] {
        try await db.writer.read { db in try Self.documents(db) }
    }

    static func documents(_ db: Database) throws -> [GovernanceDocument] {
        try GovernanceDocument.fetchAll(db.cachedStatement(sql: Self.documentSelect + " ORDER BY d.position, d.id"))
    }

    /// The document of this kind, with its draft.
    public func document(kind: String) async throws -> GovernanceDocument? {
        try await db.writer.read { db in
            try GovernanceDocument.fetchOne(db.cachedStatement(sql: Self.documentSelect + " WHERE d.kind = ?"), arguments: [kind])
        }
    }

    /// The versions of a document, newest first, without their text.
    public func versions(documentId: Int64) async throws -> [CharterVersion] {
        try await db.writer.read { db in try Self.versions(db, documentId: documentId) }
    }

    static func versions(_ db: Database, documentId: Int64) throws -> [CharterVersion] {
        try CharterVersion.fetchAll(db.cachedStatement(sql: """
            SELECT v.id, v.document_id, v.number, v.change_note, v.change_kind, v.published_by, v.published_at,
                   u.name AS publisher_name
            FROM governance_versions v JOIN users u ON u.id = v.published_by
            WHERE v.document_id = ? ORDER BY v.number DESC
            """), arguments: [documentId])
    }

    /// Version `number` of a document, with its Markdown and HTML.
    public func version(documentId: Int64, number: Int) async throws -> CharterVersion? {
        try await db.writer.read { db in try Self.version(db, documentId: documentId, number: number) }
    }

    static func version(_ db: Database, documentId: Int64, number: Int) throws -> CharterVersion? {
        try CharterVersion.fetchOne(db.cachedStatement(sql: Self.versionSelect + " WHERE v.document_id = ? AND v.number = ?"),
                                    arguments: [documentId, number])
    }

    /// The current (latest) version of a document, with its text.
    public func currentVersion(documentId: Int64) async throws -> CharterVersion? {
        try await db.writer.read { db in
            try CharterVersion.fetchOne(db.cachedStatement(sql: Self.versionSelect + " WHERE v.document_id = ? ORDER BY v.number DESC LIMIT 1"),
                                        arguments: [documentId])
        }
    }

    // MARK: Writing

    /// Saves the draft if nobody saved it since `revision`; returns the new revision (unchanged text: no write).
    @discardableResult
    public func saveDraft(documentId: Int64, markdown: String, basedOn revision: Int, by actor: AuditActor) async throws -> Int {
        let bytes = markdown.utf8.count
        guard bytes <= Markdown.maxBytes else { throw CharterRefusal.tooLarge(bytes: bytes) }
        return try await db.writer.write { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT kind, draft, draft_revision FROM governance_documents WHERE id = ?"),
                                             arguments: [documentId]) else { throw CharterRefusal.draftChanged(currentRevision: 0) }
            let current: Int = row["draft_revision"]
            guard current == revision else { throw CharterRefusal.draftChanged(currentRevision: current) }
            if (row["draft"] as String) == markdown { return revision }
            let now = clock.now
            try db.execute(sql: """
                UPDATE governance_documents SET draft = ?, draft_revision = draft_revision + 1, draft_updated_at = ?,
                       draft_updated_by = ?
                WHERE id = ? AND draft_revision = ?
                """, arguments: [markdown, Timestamp.string(now), actor.id, documentId, revision])
            guard db.changesCount == 1 else { throw CharterRefusal.draftChanged(currentRevision: current) }
            try AuditStore.append(db, by: actor, action: "charter.draft_saved", targetType: "governance_document",
                                  targetId: row["kind"], detail: "revision=\(revision + 1) bytes=\(bytes)", at: now)
            return revision + 1
        }
    }

    /// Freezes the draft (as it was at `revision`) into the next version: the number is computed inside the
    /// write transaction, the HTML rendered once here. The first version is always substantive.
    public func publish(documentId: Int64, changeNote: String, change: ChangeKind, basedOn revision: Int,
                        by actor: AuditActor) async throws -> CharterVersion {
        try await db.writer.write { db in
            guard let document = try Row.fetchOne(db.cachedStatement(sql: "SELECT kind, draft, draft_revision FROM governance_documents WHERE id = ?"),
                                                  arguments: [documentId]) else { throw CharterRefusal.draftChanged(currentRevision: 0) }
            let current: Int = document["draft_revision"]
            guard current == revision else { throw CharterRefusal.draftChanged(currentRevision: current) }
            let markdown: String = document["draft"], kind: String = document["kind"]
            guard !markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CharterRefusal.emptyDraft }
            let latest = try Row.fetchOne(db.cachedStatement(sql: "SELECT number, markdown FROM governance_versions WHERE document_id = ? ORDER BY number DESC LIMIT 1"),
                                          arguments: [documentId])
            if let latest, (latest["markdown"] as String) == markdown { throw CharterRefusal.nothingChanged }
            let number = ((latest?["number"] as Int?) ?? 0) + 1
            let changeKind: ChangeKind = number == 1 ? .substantive : change
            let html: String
            do { html = try Markdown.html(markdown) } catch let refused as MarkdownTooLarge { throw CharterRefusal.tooLarge(bytes: refused.bytes) }
            let now = clock.now
            try db.execute(sql: """
                INSERT INTO governance_versions (document_id, number, markdown, html, change_note, change_kind, published_by, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [documentId, number, markdown, html, changeNote, changeKind.rawValue, actor.id, Timestamp.string(now)])
            let id = db.lastInsertedRowID
            try AuditStore.append(db, by: actor, action: "charter.published", targetType: "governance_version",
                                  targetId: "\(kind)/\(number)", detail: "change=\(changeKind.rawValue) version_id=\(id)", at: now)
            try Notifier.documentPublished(db, versionId: id, kind: kind, number: number, by: actor.id, now: now)
            return try CharterVersion.fetchOne(db.cachedStatement(sql: Self.versionSelect + " WHERE v.id = ?"), arguments: [id])!
        }
    }

    /// Records "I have read and accept version N"; refused when N is no longer the current version.
    public func acknowledge(documentId: Int64, number: Int, userId: Int64, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            guard let current = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT v.id, v.number, d.kind FROM governance_versions v JOIN governance_documents d ON d.id = v.document_id
                WHERE v.document_id = ? ORDER BY v.number DESC LIMIT 1
                """), arguments: [documentId]), (current["number"] as Int) == number
            else { throw CharterRefusal.notCurrent }
            let now = clock.now
            try db.execute(sql: "INSERT OR IGNORE INTO governance_acknowledgements (user_id, version_id, acknowledged_at) VALUES (?, ?, ?)",
                           arguments: [userId, current["id"] as Int64, Timestamp.string(now)])
            guard db.changesCount == 1 else { return }
            try AuditStore.append(db, by: actor, action: "charter.acknowledged", targetType: "governance_version",
                                  targetId: "\((current["kind"] as String))/\(number)", at: now)
        }
    }

    // MARK: Acknowledgements
    // An acknowledgement of version M counts for the current version N when no substantive version was
    // published after M, i.e. when M ≥ the latest substantive version.

    /// The latest substantive version of the document `d` (SQL fragment; the first version is always substantive).
    private static func threshold(_ document: String) -> String {
        "(SELECT MAX(number) FROM governance_versions WHERE document_id = \(document) AND change_kind = 'substantive')"
    }

    /// Whether the person's acknowledgement covers the charter's current version; true while nothing is published.
    /// The Cases feature asks this before assigning a reviewer.
    public func hasAcknowledgedCurrentSubstantive(userId: Int64, kind: String = GovernanceDocument.charter) async throws -> Bool {
        try await db.writer.read { db in
            try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT NOT EXISTS (SELECT 1 FROM governance_versions v JOIN governance_documents d ON d.id = v.document_id
                                   WHERE d.kind = :kind)
                    OR EXISTS (SELECT 1 FROM governance_acknowledgements a
                               JOIN governance_versions v ON v.id = a.version_id
                               JOIN governance_documents d ON d.id = v.document_id
                               WHERE a.user_id = :user AND d.kind = :kind AND v.number >= \(Self.threshold("d.id")))
                """), arguments: ["kind": kind, "user": userId]) ?? false
        }
    }

    /// The documents whose current version this person still has to acknowledge (the banner on every page).
    /// On a GET, the figures read with the session (`LayoutReads`).
    public func pendingAcknowledgements(userId: Int64) async throws -> [PendingAcknowledgement] {
        if let pending = LayoutReads.of(userId)?.pending { return pending }
        return try await db.writer.read { db in try Self.pendingAcknowledgements(db, userId: userId) }
    }

    static func pendingAcknowledgements(_ db: Database, userId: Int64) throws -> [PendingAcknowledgement] {
        // Asked on every signed-in page of a committee account: the prepared statement is kept per connection.
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT d.kind, (SELECT MAX(number) FROM governance_versions WHERE document_id = d.id) AS number
            FROM governance_documents d
            WHERE d.acknowledged = 1
              AND EXISTS (SELECT 1 FROM governance_versions WHERE document_id = d.id)
              AND NOT EXISTS (SELECT 1 FROM governance_acknowledgements a JOIN governance_versions v ON v.id = a.version_id
                              WHERE a.user_id = ? AND v.document_id = d.id AND v.number >= \(Self.threshold("d.id")))
            ORDER BY d.position, d.id
            """), arguments: [userId]).map { PendingAcknowledgement(kind: $0["kind"], number: $0["number"]) }
    }

    /// Each active committee account (admin, secretary, member, expert) with its latest acknowledgement of the
    /// document, those who are not up to date first; `userId` narrows it to one person.
    public func acknowledgements(documentId: Int64, userId: Int64? = nil) async throws -> [AcknowledgementStatus] {
        try await db.writer.read { db in try Self.acknowledgements(db, documentId: documentId, userId: userId) }
    }

    static func acknowledgements(_ db: Database, documentId: Int64, userId: Int64?) throws -> [AcknowledgementStatus] {
        try AcknowledgementStatus.fetchAll(db.cachedStatement(sql: """
            SELECT u.id, u.name, u.role, latest.number AS last_number, latest.acknowledged_at AS last_at,
                   COALESCE(latest.number >= \(Self.threshold(":document")), 0) AS is_current
            FROM users u
            LEFT JOIN (SELECT a.user_id, MAX(v.number) AS number, a.acknowledged_at
                       FROM governance_acknowledgements a JOIN governance_versions v ON v.id = a.version_id
                       WHERE v.document_id = :document GROUP BY a.user_id) latest ON latest.user_id = u.id
            WHERE u.active = 1 AND u.role IN ('admin', 'secretary', 'member', 'expert')
              AND (:user IS NULL OR u.id = :user)
            ORDER BY is_current, u.name COLLATE NOCASE, u.id
            """), arguments: ["document": documentId, "user": userId])
    }

    /// What a document's page shows besides the document, in one read (issue 19): its versions, newest first, the one
    /// shown (`number`, or the current), every document (the tabs) and, for `userId`, their acknowledgement.
    public func page(documentId: Int64, number: Int?, userId: Int64?) async throws
        -> (versions: [CharterVersion], shown: CharterVersion?, documents: [GovernanceDocument], acknowledgement: AcknowledgementStatus?) {
        try await db.writer.read { db in
            let versions = try Self.versions(db, documentId: documentId)
            let shown = try Self.version(db, documentId: documentId, number: number ?? versions.first?.number ?? 0)
            let acknowledgement = try userId.flatMap { try Self.acknowledgements(db, documentId: documentId, userId: $0).first }
            return (versions, shown, try Self.documents(db), acknowledgement)
        }
    }
}
