import Foundation

extension Formats {
    /// A number as the reader writes it: "1,234.5" in English, "1 234,5" in French.
    func number(_ value: Double, _ language: Language, fractionDigits: Int = 1) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = fractionDigits
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    func number(_ value: Int, _ language: Language) -> String { number(Double(value), language, fractionDigits: 0) }

    /// A percentage ("87 %" in French, "87%" in English).
    func percent(_ value: Double, _ language: Language) -> String {
        number(value.rounded(), language, fractionDigits: 0) + (language == .fr ? "\u{202F}%" : "%")
    }
}
