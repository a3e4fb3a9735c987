/// The five roles of PRODUCT.md. Stored values are these raw strings; labels come from the catalogue.
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin, secretary, member, expert, submitter

    /// The committee's own accounts (everyone but project owners): they acknowledge the charter.
    public var isCommittee: Bool { self != .submitter }
}
