import Foundation

/// The committee's comments, each correctable by its author for a short while, and the form to add one.
struct CaseShowComments: Sendable {
    let comments: [CaseShowPage.CommentBlock]
    let commentAction: String?

    init(_ input: CaseShowInput) {
        let open = input.allowed(.comment(input.facts))
        comments = input.detail.comments.map { Self.block($0, open: open, input) }
        commentAction = open ? Paths.caseComments(input.found.id) : nil
    }

    private static func block(_ comment: CaseComment, open: Bool, _ input: CaseShowInput) -> CaseShowPage.CommentBlock {
        let formats = input.formats, forms = input.forms
        let editable = comment.authorId == input.me && open
            && (Timestamp.date(comment.createdAt).map { formats.clock.now.timeIntervalSince($0) <= CaseWorkController.commentEditWindow } ?? false)
        let refused = forms.commentEditId == comment.id ? forms.commentEdit : nil
        return CaseShowPage.CommentBlock(author: comment.authorName, bodyHTML: comment.bodyHTML,
                                         date: formats.dateTime(comment.createdAt, input.language), edited: comment.editedAt != nil,
                                         editAction: editable ? Paths.caseCommentEdit(input.found.id, comment.id) : nil,
                                         body: editable ? refused?.value("body") ?? comment.body : "", domId: "comment-\(comment.id)",
                                         error: refused.flatMap { $0.errors["body"] ?? $0.message })
    }
}

extension CaseShowPage {
    struct CommentBlock: Sendable {
        let author: String
        let bodyHTML: String
        let date: String
        let edited: Bool
        /// Set while its author may still correct it.
        let editAction: String?
        let body: String
        let domId: String
        /// The message of a refused correction; its form is shown open.
        var error: String? = nil
    }
}
