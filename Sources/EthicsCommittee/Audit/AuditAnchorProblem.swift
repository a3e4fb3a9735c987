/// Why the trail does not match its anchor.
public enum AuditAnchorProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case anchorMissing
    case notAnchoredFromStart
    case forgedRecord(line: Int)
    /// An entry after `after` and up to `upTo` was changed, and later hashes recomputed.
    case rewritten(after: Int64, upTo: Int64)
    /// The last entries are gone: the anchor knows entry `anchored`, the trail ends at `present`.
    case truncated(anchored: Int64, present: Int64)
    /// Entries written without being anchored (outside the app, or a crash between commit and anchor).
    case unanchored(from: Int64, to: Int64)

    public var description: String {
        switch self {
        case .anchorMissing: "the anchor file is missing or unreadable"
        case .notAnchoredFromStart: "the anchor file does not start with its first record: it was replaced or cut"
        case .forgedRecord(let line): "line \(line) of the anchor file does not carry a valid MAC"
        case .rewritten(let after, let upTo): "an entry after #\(after) and up to #\(upTo) was rewritten"
        case .truncated(let anchored, let present): "entries after #\(present) were deleted (the anchor knows #\(anchored))"
        case .unanchored(let from, let to): "entries #\(from)–#\(to) were written without being anchored"
        }
    }

    /// The catalogue message and its value, for the audit page's flash.
    var flash: (key: MessageKey, value: String) {
        switch self {
        case .anchorMissing, .notAnchoredFromStart, .forgedRecord: (.flash_audit_anchor_altered, "")
        case .rewritten(_, let upTo): (.flash_audit_rewritten, String(upTo))
        case .truncated(_, let present): (.flash_audit_truncated, String(present))
        case .unanchored(let from, _): (.flash_audit_unanchored, String(from))
        }
    }
}
