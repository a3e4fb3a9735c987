/// What a searchable field (issue 19: an e-mail, a name or a number typed, suggestions from a bounded `<datalist>`)
/// names once resolved on the server: one record, nobody, or several (a name two records share). A refused field says
/// which, next to the field, with everything typed kept.
public enum TypedMatch<Record: Sendable>: Sendable {
    case one(Record)
    case none
    case several

    /// The match of at most two candidates read for a typed value (`LIMIT 2` is enough to tell one from several).
    init(_ candidates: [Record]) {
        switch candidates.count {
        case 0: self = .none
        case 1: self = .one(candidates[0])
        default: self = .several
        }
    }

    var record: Record? {
        if case .one(let record) = self { return record }
        return nil
    }
}
