/// Text of the bounded lists and counts (`ListBound`, issue 19).
extension Catalog {
    static let englishBounds: [String: String] = [
        "list_more_than": "More than {what}: only the first {count} lines are listed; narrow the filters to see the others.",
        "search_more_than": "More than {what}: only the first {count} are listed; add a word to narrow the search.",
        "notifications_unread_many": "more than 99 unread",
    ]

    static let frenchBounds: [String: String] = [
        "list_more_than": "Plus de {what} : seules les {count} premières lignes sont listées ; affinez les filtres pour voir les autres.",
        "search_more_than": "Plus de {what} : seuls les {count} premiers sont listés ; ajoutez un mot pour affiner la recherche.",
        "notifications_unread_many": "plus de 99 non lues",
    ]
}
