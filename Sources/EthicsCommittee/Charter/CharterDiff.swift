import Foundation

/// Compares two versions' Markdown line by line, then word by word inside the lines that changed.
/// The differences come from the standard library's `CollectionDifference` (`difference(from:)`);
/// this file only lays them out. Pure, so it is tested on known inputs.
enum CharterDiff {
    enum Change: Sendable, Equatable {
        case same, added, removed
    }

    /// A run of text with one change.
    struct Segment: Sendable, Equatable {
        let text: String
        let change: Change
    }

    /// One row of the comparison. A `changed` row pairs a removed line with the added line that replaced it.
    struct Line: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case same, added, removed, changed }
        let kind: Kind
        let oldNumber: Int?
        let newNumber: Int?
        /// The old line (same and removed words), empty for an added line.
        let old: [Segment]
        /// The new line (same and added words), empty for a removed line.
        let new: [Segment]
        /// Both, removed words before the added ones that replace them.
        let inline: [Segment]
    }

    struct Summary: Sendable, Equatable {
        var added = 0, removed = 0, changed = 0
        var isEmpty: Bool { added == 0 && removed == 0 && changed == 0 }
    }

    /// Bounds on the work of one comparison, which any reader (a visitor, when the charter is public) may ask
    /// for: `difference(from:)` costs up to the product of the sizes it compares.
    static let maxLinesCompared = 4_000
    static let maxTokensPerLine = 1_000
    static let maxLinePairsCompared = 1_000

    struct Comparison: Sendable, Equatable {
        let lines: [Line]
        /// False when the changed part was too large to compare line by line, and is shown as removed then added.
        let complete: Bool
    }

    /// The rows comparing `old` with `new`.
    static func lines(from old: String, to new: String) -> [Line] { compare(from: old, to: new).lines }

    /// The rows comparing `old` with `new`: the unchanged first and last lines are set aside at once (most edits
    /// are local); the rest is compared line by line when it is within `maxLinesCompared`, and shown whole
    /// otherwise; words are compared inside at most `maxLinePairsCompared` changed lines of bounded length.
    static func compare(from old: String, to new: String) -> Comparison {
        let before = splitLines(old), after = splitLines(new)
        let shorter = min(before.count, after.count)
        var prefix = 0
        while prefix < shorter, before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix, before[before.count - 1 - suffix] == after[after.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(before[prefix..<(before.count - suffix)]), newMiddle = Array(after[prefix..<(after.count - suffix)])
        let complete = oldMiddle.count + newMiddle.count <= maxLinesCompared
        let middle = complete ? merged(oldMiddle, newMiddle)
            : oldMiddle.map { (Change.removed, $0) } + newMiddle.map { (Change.added, $0) }
        let sequence = before[..<prefix].map { (Change.same, $0) } + middle + after[(after.count - suffix)...].map { (Change.same, $0) }
        var pairsCompared = 0

        var rows: [Line] = []
        var removed: [(Int, String)] = [], added: [(Int, String)] = []
        var oldNumber = 0, newNumber = 0

        // A run of removed then added lines: pair them one to one, then the rest as they are.
        func flush() {
            for k in 0..<max(removed.count, added.count) {
                if k < removed.count, k < added.count {
                    let oldTokens = tokens(removed[k].1), newTokens = tokens(added[k].1)
                    let compared = pairsCompared < maxLinePairsCompared && oldTokens.count <= maxTokensPerLine
                        && newTokens.count <= maxTokensPerLine
                    if compared { pairsCompared += 1 }
                    let inline = compared ? joined(merged(oldTokens, newTokens).map { Segment(text: $0.1, change: $0.0) })
                        : [Segment(text: removed[k].1, change: .removed), Segment(text: added[k].1, change: .added)]
                    rows.append(Line(kind: .changed, oldNumber: removed[k].0, newNumber: added[k].0,
                                     old: joined(inline.filter { $0.change != .added }),
                                     new: joined(inline.filter { $0.change != .removed }),
                                     inline: inline))
                } else if k < removed.count {
                    let segment = [Segment(text: removed[k].1, change: .removed)]
                    rows.append(Line(kind: .removed, oldNumber: removed[k].0, newNumber: nil, old: segment, new: [], inline: segment))
                }
            }
            for (number, text) in added.dropFirst(removed.count) {
                let segment = [Segment(text: text, change: .added)]
                rows.append(Line(kind: .added, oldNumber: nil, newNumber: number, old: [], new: segment, inline: segment))
            }
            removed = []; added = []
        }

        for (change, text) in sequence {
            switch change {
            case .removed: oldNumber += 1; removed.append((oldNumber, text))
            case .added: newNumber += 1; added.append((newNumber, text))
            case .same:
                flush()
                oldNumber += 1; newNumber += 1
                let segment = [Segment(text: text, change: .same)]
                rows.append(Line(kind: .same, oldNumber: oldNumber, newNumber: newNumber, old: segment, new: segment, inline: segment))
            }
        }
        flush()
        return Comparison(lines: rows, complete: complete)
    }

    /// The word-level comparison of two lines, adjacent runs of one change joined.
    static func words(from old: String, to new: String) -> [Segment] {
        joined(merged(tokens(old), tokens(new)).map { Segment(text: $0.1, change: $0.0) })
    }

    /// Adjacent segments with the same change made one.
    static func joined(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        for segment in segments {
            if let last = result.last, last.change == segment.change {
                result[result.count - 1] = Segment(text: last.text + segment.text, change: segment.change)
            } else {
                result.append(segment)
            }
        }
        return result
    }

    static func summary(_ lines: [Line]) -> Summary {
        lines.reduce(into: Summary()) { total, line in
            switch line.kind {
            case .same: break
            case .added: total.added += 1
            case .removed: total.removed += 1
            case .changed: total.changed += 1
            }
        }
    }

    /// Both sequences in one, in order: each element same, removed from `old` or added in `new`
    /// (at one position, removals before insertions).
    static func merged<Element: Equatable>(_ old: [Element], _ new: [Element]) -> [(Change, Element)] {
        var removals = Set<Int>(), insertions = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removals.insert(offset)
            case .insert(let offset, _, _): insertions.insert(offset)
            }
        }
        var result: [(Change, Element)] = []
        result.reserveCapacity(max(old.count, new.count))
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removals.contains(i) || j >= new.count {
                result.append((.removed, old[i])); i += 1
            } else if j < new.count, insertions.contains(j) || i >= old.count {
                result.append((.added, new[j])); j += 1
            } else {
                result.append((.same, new[j])); i += 1; j += 1
            }
        }
        return result
    }

    /// Lines without their terminators; a final newline does not make an empty last line.
    static func splitLines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// Words (letters and digits), runs of white space, and every other character on its own.
    static func tokens(_ line: String) -> [String] {
        enum Class { case word, space, other }
        func kind(_ c: Character) -> Class { c.isWhitespace ? .space : (c.isLetter || c.isNumber) ? .word : .other }
        var result: [String] = []
        var current = "", currentClass: Class?
        for c in line {
            let k = kind(c)
            if k == currentClass, k != .other {
                current.append(c)
            } else {
                if !current.isEmpty { result.append(current) }
                current = String(c); currentClass = k
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
