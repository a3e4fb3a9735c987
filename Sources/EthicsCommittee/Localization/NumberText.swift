import Foundation

/// A number as the reader writes it: "1,234,567.2" in English, "1 234 567,2" in French (a narrow no-break space
/// between thousands, as ICU writes fr_FR), rounded half to even, trailing zeros dropped.
///
/// Written by hand on purpose: a `NumberFormatter` set up for each number was three quarters of the annual
/// report's server time (bench/README.md), and one shared formatter may not be used by two requests at once.
enum NumberText {
    static func format(_ value: Double, _ language: Language, fractionDigits: Int = 0) -> String {
        let digits = max(0, min(fractionDigits, 6))
        let scale = Int64(pow(10, Double(digits)))
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrEven)
        guard value.isFinite, scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        var text = grouped(units / scale, separator: language == .fr ? "\u{202F}" : ",")
        var fraction = String(units % scale)
        fraction = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += (language == .fr ? "," : ".") + fraction }
        return value < 0 && units != 0 ? "-" + text : text
    }

    /// A percentage, rounded to a whole number: "75%" in English, "75 %" in French (a narrow no-break space). The one
    /// way a percentage is written (tables, chart summaries, catalogue text through a `{percent}` placeholder).
    static func percent(_ value: Double, _ language: Language) -> String {
        format(value.rounded(), language, fractionDigits: 0) + (language == .fr ? "\u{202F}%" : "%")
    }

    static func format(_ value: Int, _ language: Language) -> String {
        let text = grouped(Int64(value.magnitude), separator: language == .fr ? "\u{202F}" : ",")
        return value < 0 ? "-" + text : text
    }

    private static func grouped(_ whole: Int64, separator: String) -> String {
        let digits = String(whole)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}
