/// The five roles of PRODUCT.md. Stored values are these raw strings; labels come from the catalogue.
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin, secretary, member, expert, submitter

    /// The committee's own accounts (everyone but project owners): they acknowledge the charter.
    public var isCommittee: Bool { self != .submitter }
    /// The roles that hold a seat on the committee and so have a member profile (and a ballot).
    public var sitsOnCommittee: Bool { self == .member || self == .expert }
    /// The committee's staff: the administrator and the secretary, who run its business.
    var isStaff: Bool { self == .admin || self == .secretary }
}
