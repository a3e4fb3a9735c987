import Foundation
import Testing
@testable import EthicsCommittee

/// The comparison of two versions, on known inputs.
@Suite struct CharterDiffTests {
    typealias Segment = CharterDiff.Segment

    @Test func identicalTextsHaveNoChange() {
        let text = "# Charter\n\nWe respect people.\n"
        let lines = CharterDiff.lines(from: text, to: text)
        #expect(lines.map(\.kind) == [.same, .same, .same])
        #expect(CharterDiff.summary(lines).isEmpty)
    }

    @Test func aChangedLineIsComparedWordByWord() {
        // Given one word replaced in a line
        let segments = CharterDiff.words(from: "The committee meets monthly.", to: "The committee meets quarterly.")
        // Then only that word is marked, punctuation and spaces kept
        #expect(segments == [Segment(text: "The committee meets ", change: .same), Segment(text: "monthly", change: .removed),
                             Segment(text: "quarterly", change: .added), Segment(text: ".", change: .same)])
    }

    @Test func addedRemovedAndChangedLines() {
        // Given a line edited, one removed and one added
        let old = "# Charter\nWe respect people.\nWe keep logs.\nEnd\n"
        let new = "# Charter\nWe respect all people.\nEnd\nSigned.\n"
        let lines = CharterDiff.lines(from: old, to: new)
        // Then the edited line is paired with its replacement, the others stand alone, numbers follow each side
        #expect(lines.map(\.kind) == [.same, .changed, .removed, .same, .added])
        #expect(lines.map(\.oldNumber) == [1, 2, 3, 4, nil])
        #expect(lines.map(\.newNumber) == [1, 2, nil, 3, 4])
        let changed = lines[1]
        #expect(changed.old == [Segment(text: "We respect people.", change: .same)])
        // (which of the two spaces around "all" counts as added is the algorithm's choice; either reads right)
        #expect(changed.new.map(\.text).joined() == "We respect all people.")
        #expect(changed.new.filter { $0.change == .added }.map { $0.text.trimmingCharacters(in: .whitespaces) } == ["all"])
        #expect(changed.new.filter { $0.change == .same }.count == 2)
        #expect(changed.inline == changed.new)
        #expect(lines[2].inline == [Segment(text: "We keep logs.", change: .removed)])
        #expect(lines[4].new == [Segment(text: "Signed.", change: .added)])
        #expect(CharterDiff.summary(lines) == CharterDiff.Summary(added: 1, removed: 1, changed: 1))
    }

    @Test func inlineShowsRemovedBeforeAdded() {
        let lines = CharterDiff.lines(from: "Data is kept 5 years.", to: "Data is kept 2 years.")
        #expect(lines.count == 1)
        #expect(lines[0].inline == [Segment(text: "Data is kept ", change: .same), Segment(text: "5", change: .removed),
                                    Segment(text: "2", change: .added), Segment(text: " years.", change: .same)])
        #expect(lines[0].old.contains(Segment(text: "5", change: .removed)))
        #expect(!lines[0].new.contains { $0.change == .removed })
    }

    @Test func moreRemovedThanAddedLines() {
        let lines = CharterDiff.lines(from: "a one\nb two\nc three", to: "a one!")
        #expect(lines.map(\.kind) == [.changed, .removed, .removed])
    }

    @Test func fromAndToNothing() {
        #expect(CharterDiff.lines(from: "", to: "one\ntwo\n").map(\.kind) == [.added, .added])
        #expect(CharterDiff.lines(from: "one\ntwo", to: "").map(\.kind) == [.removed, .removed])
        #expect(CharterDiff.lines(from: "", to: "").isEmpty)
    }

    @Test func aFinalNewlineIsNotALine() {
        #expect(CharterDiff.splitLines("a\nb\n") == ["a", "b"])
        #expect(CharterDiff.splitLines("a\n\nb") == ["a", "", "b"])
        #expect(CharterDiff.splitLines("\n") == [""])
    }

    @Test func tokensAreWordsSpacesAndSingleMarks() {
        #expect(CharterDiff.tokens("L'IA, c'est  utile.") == ["L", "'", "IA", ",", " ", "c", "'", "est", "  ", "utile", "."])
        #expect(CharterDiff.tokens("**bold**") == ["*", "*", "bold", "*", "*"])
    }

    @Test(arguments: [
        ("abcdef", "abxdeyf"), ("", "abc"), ("abc", ""), ("aaaa", "aa"), ("abcabba", "cbabac"), ("xyz", "zyx"),
    ])
    func mergingRebuildsBothSides(_ old: String, _ new: String) {
        // Whatever the inputs, dropping the added elements gives the old text and dropping the removed ones the new
        let merged = CharterDiff.merged(Array(old), Array(new))
        #expect(String(merged.filter { $0.0 != .added }.map(\.1)) == old)
        #expect(String(merged.filter { $0.0 != .removed }.map(\.1)) == new)
    }

    @Test func twoLargeUnrelatedVersionsAreComparedWithinBounds() {
        // Given two versions of 20,000 lines with nothing in common but the first and last line
        let old = "# Charter\n" + (1...20_000).map { "Old article \($0) says one thing." }.joined(separator: "\n") + "\nSigned."
        let new = "# Charter\n" + (1...20_000).map { "New clause \($0) says another." }.joined(separator: "\n") + "\nSigned."
        // When they are compared
        let start = ContinuousClock.now
        let comparison = CharterDiff.compare(from: old, to: new)
        // Then the comparison gives up on line-by-line matching (said on the page), keeps every line, and the
        // unchanged first and last lines stay "same"
        #expect(!comparison.complete)
        #expect(comparison.lines.first?.kind == .same)
        #expect(comparison.lines.last?.kind == .same)
        #expect(comparison.lines.count == 20_002)
        #expect(ContinuousClock.now - start < .seconds(5))  // a guard against a hang, not a benchmark: it took 8 s per view before
    }

    @Test func aLocalEditInALongVersionIsStillComparedWordByWord() {
        let body = (1...20_000).map { "Article \($0)." }
        var edited = body
        edited[10_000] = "Article 10001, amended."
        let comparison = CharterDiff.compare(from: body.joined(separator: "\n"), to: edited.joined(separator: "\n"))
        #expect(comparison.complete)
        let changed = comparison.lines.filter { $0.kind != .same }
        #expect(changed.count == 1)
        #expect(changed.first?.inline.contains(CharterDiff.Segment(text: ", amended", change: .added)) == true)
    }

    @Test func aVeryLongChangedLineIsShownWholeRatherThanComparedWordByWord() {
        let old = (1...5_000).map { "w\($0)" }.joined(separator: " ")
        let new = (1...5_000).map { "v\($0)" }.joined(separator: " ")
        let line = CharterDiff.compare(from: old, to: new).lines.first
        #expect(line?.kind == .changed)
        #expect(line?.inline == [CharterDiff.Segment(text: old, change: .removed), CharterDiff.Segment(text: new, change: .added)])
    }
}
