import Foundation

extension Formats {
    /// A number as the reader writes it: "1,234.5" in English, "1 234,5" in French.
    func number(_ value: Double, _ language: Language, fractionDigits: Int = 1) -> String {
        NumberText.format(value, language, fractionDigits: fractionDigits)
    }

    func number(_ value: Int, _ language: Language) -> String { NumberText.format(value, language) }

    /// A percentage ("87 %" in French, "87%" in English): `NumberText.percent`.
    func percent(_ value: Double, _ language: Language) -> String { NumberText.percent(value, language) }
}
