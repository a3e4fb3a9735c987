import Foundation
import GRDB

/// A governance document (the charter, the rules of procedure…) with its one working draft.
/// Kinds are rows, not code: a new kind needs a row and a `document_<kind>` catalogue entry.
public struct GovernanceDocument: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var requiresAcknowledgement: Bool
    public var draft: String
    public var draftRevision: Int
    public var draftUpdatedAt: String?
    public var draftUpdatedBy: String?

    public static let charter = "charter"

    /// The catalogue key of the document's title.
    var titleKey: String { "document_\(kind)" }
}

extension GovernanceDocument: FetchableRecord {
    public init(row: Row) {
        id = row["id"]; kind = row["kind"]; requiresAcknowledgement = row["acknowledged"]
        draft = row["draft"]; draftRevision = row["draft_revision"]
        draftUpdatedAt = row["draft_updated_at"]; draftUpdatedBy = row["updated_by_name"]
    }
}

/// Whether a version asks everyone to acknowledge again.
public enum ChangeKind: String, Sendable, CaseIterable {
    case editorial, substantive
}

/// A published version: frozen, with the HTML rendered once at publishing.
public struct CharterVersion: Sendable, Equatable {
    public var id: Int64
    public var documentId: Int64
    public var number: Int
    public var markdown: String
    public var html: String
    public var changeNote: String
    public var changeKind: ChangeKind
    public var publishedById: Int64
    public var publishedBy: String
    public var publishedAt: String
}

extension CharterVersion: FetchableRecord {
    public init(row: Row) {
        id = row["id"]; documentId = row["document_id"]; number = row["number"]
        markdown = row["markdown"] ?? ""; html = row["html"] ?? ""
        changeNote = row["change_note"]; changeKind = ChangeKind(rawValue: row["change_kind"]) ?? .substantive
        publishedById = row["published_by"]; publishedBy = row["publisher_name"] ?? ""; publishedAt = row["published_at"]
    }
}

/// Where one committee member stands with a document's current version.
public struct AcknowledgementStatus: Sendable, Equatable {
    public var userId: Int64
    public var name: String
    public var role: Role
    /// The latest version they acknowledged, and when.
    public var lastNumber: Int?
    public var lastAt: String?
    /// Whether that acknowledgement covers the current version (no substantive version since).
    public var isCurrent: Bool
}

extension AcknowledgementStatus: FetchableRecord {
    public init(row: Row) {
        userId = row["id"]; name = row["name"]; role = Role(rawValue: row["role"]) ?? .member
        lastNumber = row["last_number"]; lastAt = row["last_at"]; isCurrent = row["is_current"]
    }
}

/// A document version a person still has to acknowledge (the banner on every page).
public struct PendingAcknowledgement: Sendable, Equatable {
    public var kind: String
    public var number: Int
}

/// Why the store refused a change to a governance document.
public enum CharterRefusal: Error, Equatable {
    /// Someone saved the draft since this revision was read.
    case draftChanged(currentRevision: Int)
    /// The Markdown is over `Markdown.maxBytes`.
    case tooLarge(bytes: Int)
    /// The draft is empty, or the same as the current version.
    case emptyDraft
    case nothingChanged
    /// The version to acknowledge is no longer the current one.
    case notCurrent
}
