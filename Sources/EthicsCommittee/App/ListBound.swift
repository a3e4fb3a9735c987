/// How deep a list reaches, so that no page costs more as the archive grows (issue 19): a list counts at most
/// `rows + 1` lines in SQL (`SELECT count(*) FROM (SELECT 1 … LIMIT ?)`) and pages through the first `rows`; past
/// that it says "more than" and asks for narrower filters (the audit trail's dates, the case list's status…). Walking
/// page 4,000 with `OFFSET` read 200,000 index entries to skip them (bench/README.md); the export streams everything.
/// The unfiltered audit trail is the exception: its ids run 1…n, so any page of it is found by id (`AuditStore.search`).
enum ListBound {
    static let rows = 5_000
    /// The limit of a bounded count: one more than `rows`, so "more than" can be told from "exactly".
    static let countLimit = rows + 1
    /// The header's unread count stops here and shows "99+".
    static let unread = 99

    /// The last page that may be shown of `total` lines (a bounded count) in pages of `size`.
    static func pageCount(total: Int, size: Int) -> Int { max(1, (min(total, rows) + size - 1) / size) }

    /// The deepest page a request may ask for, before anything is read (a page past it is read as it).
    static func maxPage(size: Int) -> Int { pageCount(total: rows, size: size) }

    /// "12 cases", or "More than 5000 cases: only the first 5000 lines are listed…" for a bounded count; `key` is the
    /// list's plural key (`cases_count`…).
    /// `reach`: the lines the list pages through (`ListPage.reach`; unbounded for the unfiltered audit trail).
    static func countLabel(_ key: PluralKey, _ total: Int, _ language: Language, reach: Int = rows,
                           more: MessageKey = .list_more_than) -> String {
        let messages = Catalog.messages(language)
        guard total > reach else { return messages.fill(key, count: total) }
        return messages.fill(more, ["what": messages.fill(key, count: rows), "count": String(rows)])
    }
}
