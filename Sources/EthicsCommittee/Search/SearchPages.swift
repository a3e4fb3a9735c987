/// The search page's view model.
struct SearchPage: Sendable {
    struct Result: Sendable {
        let kind: String
        let kindKey: String
        /// Marked where the words were found in a case's or deliverable's own title.
        let title: [SearchSnippet.Piece]
        let href: String
        let date: String
        let pieces: [SearchSnippet.Piece]
    }
    /// The text as typed, kept in the box.
    let query: String
    let maxLength: Int
    /// Why nothing was searched (empty, too long…), or that nothing was found.
    let message: String?
    let countLabel: String?
    let results: [Result]
    let pageNumber: Int
    let pageCount: Int
    let previous: String?
    let next: String?
    let paged: Bool
}
