/// The five roles of PRODUCT.md. Stored values are these raw strings; labels come from the catalogue.
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin, secretary, member, expert, submitter
}
