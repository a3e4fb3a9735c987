/// A long read (an export of every case, the whole audit trail) as batches in key order: each batch is one short
/// read that starts after the last key of the one before (keyset, never `OFFSET`), so the first bytes leave at once,
/// no read transaction stays open for the whole download and memory holds one batch.
///
/// Pulled, not pushed: the next batch is read only when the response writer asks for it, so a slow client holds
/// the reads back instead of letting batches pile up in memory (a producer task feeding an `AsyncStream` would read
/// the whole export ahead of the network).
struct KeysetBatches<Row: Sendable>: AsyncSequence, Sendable {
    typealias Element = [Row]
    /// The key the first batch starts after (0 for ascending ids, `Int64.max` for descending ones).
    let start: Int64
    /// Reads the batch after a key; an empty batch ends the sequence.
    let read: @Sendable (Int64) async throws -> [Row]
    /// The key of a row, where the next batch starts.
    let key: @Sendable (Row) -> Int64

    struct AsyncIterator: AsyncIteratorProtocol {
        var cursor: Int64?
        let read: @Sendable (Int64) async throws -> [Row]
        let key: @Sendable (Row) -> Int64

        mutating func next() async throws -> [Row]? {
            guard let after = cursor, !Task.isCancelled else { return nil }
            let batch = try await read(after)
            guard let last = batch.last else { cursor = nil; return nil }
            cursor = key(last)
            return batch
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(cursor: start, read: read, key: key) }
}
