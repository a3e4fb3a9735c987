import Testing
@testable import EthicsCommittee

/// Numbers are written by hand (`NumberText`), not by a NumberFormatter per call: they must read as ICU wrote them.
@Suite struct NumberTextTests {
    @Test func thousandsAndDecimalsInEachLanguage() {
        #expect(NumberText.format(1_234_567.25, .en, fractionDigits: 1) == "1,234,567.2")
        #expect(NumberText.format(1_234_567.25, .fr, fractionDigits: 1) == "1\u{202F}234\u{202F}567,2")
        #expect(NumberText.format(999, .fr) == "999")
        #expect(NumberText.format(1000, .fr) == "1\u{202F}000")
        #expect(NumberText.format(20_000, .en) == "20,000")
    }

    @Test func roundsHalfToEvenAndDropsTrailingZeros() {
        #expect(NumberText.format(30.25, .fr, fractionDigits: 1) == "30,2")
        #expect(NumberText.format(0.15, .fr, fractionDigits: 1) == "0,2")
        #expect(NumberText.format(2.5, .en, fractionDigits: 0) == "2")
        #expect(NumberText.format(3.5, .en, fractionDigits: 0) == "4")
        #expect(NumberText.format(31.0, .en, fractionDigits: 1) == "31")
        #expect(NumberText.format(0.05, .en, fractionDigits: 1) == "0")
    }

    @Test func negativeNumbersKeepTheirSignButZeroHasNone() {
        #expect(NumberText.format(-1234, .en) == "-1,234")
        #expect(NumberText.format(-1234.5, .fr, fractionDigits: 1) == "-1\u{202F}234,5")
        #expect(NumberText.format(-0.04, .fr, fractionDigits: 1) == "0")
    }
}
