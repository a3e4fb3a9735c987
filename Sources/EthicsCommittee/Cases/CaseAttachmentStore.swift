import Crypto
import Foundation
import GRDB

public struct CaseAttachment: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var caseId: Int64
    public var filename: String
    public var contentType: String
    public var size: Int
    public var storedName: String
    public var uploaderName: String
    public var uploadedAt: String

    public init(row: Row) {
        id = row["id"]; caseId = row["case_id"]; filename = row["filename"]; contentType = row["content_type"]
        size = row["size"]; storedName = row["stored_name"]; uploaderName = row["name"] ?? ""; uploadedAt = row["uploaded_at"]
    }
}

/// Attachments: the row in SQLite, the bytes in a folder outside `Public/` under a generated name.
public struct CaseAttachmentStore: Sendable {
    let db: AppDatabase
    let clock: AppClock
    let directory: String

    public init(db: AppDatabase, clock: AppClock, directory: String) {
        self.db = db; self.clock = clock; self.directory = directory
    }

    /// Attachments of a case, oldest first.
    public func list(caseId: Int64) async throws -> [CaseAttachment] {
        try await db.writer.read { db in try Self.list(db, caseId: caseId) }
    }

    static func list(_ db: Database, caseId: Int64) throws -> [CaseAttachment] {
        try CaseAttachment.fetchAll(db.cachedStatement(sql: """
            SELECT a.*, u.name FROM case_attachments a JOIN users u ON u.id = a.uploaded_by WHERE a.case_id = ? ORDER BY a.id
            """), arguments: [caseId])
    }

    /// One attachment of a case.
    public func find(id: Int64, caseId: Int64) async throws -> CaseAttachment? {
        try await db.writer.read { db in
            try CaseAttachment.fetchOne(db.cachedStatement(sql: """
                SELECT a.*, u.name FROM case_attachments a JOIN users u ON u.id = a.uploaded_by WHERE a.id = ? AND a.case_id = ?
                """), arguments: [id, caseId])
        }
    }

    /// Writes the bytes under a random name (then renames, so no half file is ever served), and
    /// records the row and its audit entry; the file is removed again if the row cannot be written.
    public func add(caseId: Int64, filename: String, type: AttachmentType.Kind, bytes: [UInt8], by actor: AuditActor) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stored = Tokens.random()
        let path = directory + "/" + stored
        try Data(bytes).write(to: URL(fileURLWithPath: path + ".part"))
        try FileManager.default.moveItem(atPath: path + ".part", toPath: path)
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        do {
            try await db.writer.write { db in
                let now = clock.now
                try db.execute(sql: """
                    INSERT INTO case_attachments (case_id, filename, content_type, size, sha256, stored_name, uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [caseId, filename, type.mime, bytes.count, digest, stored, actor.id, Timestamp.string(now)])
                try CaseStore.event(db, caseId: caseId, actor: actor, event: "attachment_added", detail: filename, at: Timestamp.string(now))
                try AuditStore.append(db, by: actor, action: "case.attachment_added", targetType: "case", targetId: String(caseId),
                                      detail: "attachment=\(db.lastInsertedRowID) sha256=\(digest)", at: now)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// The bytes of an attachment.
    public func bytes(of attachment: CaseAttachment) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: directory + "/" + attachment.storedName))
    }

    /// Records that someone opened an attachment of a confidential case.
    public func logDownload(_ attachment: CaseAttachment, by actor: AuditActor) async throws {
        try await db.writer.write { db in
            try AuditStore.append(db, by: actor, action: "case.attachment_downloaded", targetType: "case",
                                  targetId: String(attachment.caseId), detail: "attachment=\(attachment.id)", at: clock.now)
        }
    }
}
