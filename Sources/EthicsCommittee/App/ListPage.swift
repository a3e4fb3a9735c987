/// One page of a list and where it stands: stores fill it in a single read (count, then the rows of the asked
/// page clamped to the pages that exist), so a page number past the end shows the last page, not an empty one.
/// A list that may grow with the archive counts with a bound (`ListBound`): its pages stop at `reach` lines
/// (`ListBound.rows`), unless its store finds any page directly (the unfiltered audit trail, by id).
public struct ListPage<Row: Sendable>: Sendable {
    public let rows: [Row]
    public let total: Int
    public let number: Int
    public let size: Int
    public var reach: Int = ListBound.rows

    public var pageCount: Int { max(1, (min(total, reach) + size - 1) / size) }
    public var hasPrevious: Bool { number > 1 }
    public var hasNext: Bool { number < pageCount }

    /// The page to show and its offset, for a total counted in the same read.
    static func clamp(requested: Int, total: Int, size: Int, reach: Int = ListBound.rows) -> (number: Int, offset: Int) {
        let last = max(1, (min(total, reach) + size - 1) / size)
        let number = min(max(1, requested), last)
        return (number, RequestNumber.offset(page: number, size: size))
    }
}
