import Foundation
import GRDB

/// Areas of expertise a committee needs covered. Stored values are the raw strings.
public enum ExpertiseArea: String, Sendable, CaseIterable {
    case data, ai, law, ethics, customerRelations = "customer_relations", security, other
}

/// A seat's position on the committee; the chair signs off minutes and decisions.
public enum Position: String, Sendable, CaseIterable {
    case chair, viceChair = "vice_chair", none
}

/// How a person's position is written where the language has forms (French: Présidente, Président, or the
/// neutral Présidence); their own choice on their profile.
public enum TitleForm: String, Sendable, CaseIterable {
    case neutral, feminine, masculine
}

/// A committee member: the account and its profile.
public struct Member: Sendable, Equatable {
    public var user: User
    public var affiliation: String
    public var external: Bool
    public var position: Position
    public var titleForm: TitleForm
    public var voting: Bool
    public var termStart: String?
    public var termEnd: String?
    public var completedAt: String?
    public var expertise: [ExpertiseArea]
    /// When the latest independence declaration was signed, and which text version it was.
    public var declarationSignedAt: String?
    public var declarationVersion: Int?
}

extension Member {
    init(row: Row, expertise: [ExpertiseArea]) {
        user = User(row: row)
        affiliation = row["affiliation"] ?? ""
        external = row["external"] ?? (user.role == .expert)
        position = (row["position"] as String?).flatMap(Position.init(rawValue:)) ?? .none
        titleForm = (row["title_form"] as String?).flatMap(TitleForm.init(rawValue:)) ?? .neutral
        voting = row["voting"] ?? true
        termStart = row["term_start"]; termEnd = row["term_end"]; completedAt = row["completed_at"]
        self.expertise = expertise
        declarationSignedAt = row["declaration_signed_at"]
        declarationVersion = row["declaration_version"]
    }

    /// How long a signed declaration holds: twelve months.
    public static let declarationValidity: TimeInterval = 365 * 86400

    /// A declaration is due when never signed, older than twelve months, or signed on an older text
    /// (`MemberStore.composition` asks the same in SQL; a test checks they agree).
    public func declarationDue(now: Date, currentVersion: Int) -> Bool {
        guard let signed = declarationSignedAt.flatMap(Timestamp.date), let version = declarationVersion else { return true }
        return version < currentVersion || now.timeIntervalSince(signed) > Self.declarationValidity
    }

    /// Whether the term ends between two ISO dates, inclusive (ISO dates compare as text).
    public func termEnds(from today: String, through limit: String) -> Bool {
        guard let termEnd else { return false }
        return termEnd >= today && termEnd <= limit
    }
}

/// An interest a member declared: what later flags a likely conflict on a case.
public struct DeclaredInterest: Sendable, Equatable {
    public var id: Int64
    public var userId: Int64
    public var organisation: String
    public var nature: String
    public var since: String?
    public var createdAt: String
    public var withdrawnAt: String?
}

extension DeclaredInterest: FetchableRecord {
    public init(row: Row) {
        id = row["id"]; userId = row["user_id"]; organisation = row["organisation"]; nature = row["nature"]
        since = row["since"]; createdAt = row["created_at"]; withdrawnAt = row["withdrawn_at"]
    }
}
