/// What the compiled templates (`CompiledTemplates`, generated from Templates/ at build time) call.
/// The overloads decide by the field's type what a section does, as Mustache does at run time:
/// a Bool shows its content in the same value; a present string or number too (it has no fields, so
/// Mustache finds every name inside `{{#error}}…{{error}}…{{/error}}` in the value around it); an
/// optional or a struct pushes its value; a list each item.
enum TemplateRuntime {
    static func contexts<C>(_ value: Bool, _ current: C) -> ZeroOrOne<C> { ZeroOrOne(value ? current : nil) }
    static func contexts<C>(_ value: Bool?, _ current: C) -> ZeroOrOne<C> { ZeroOrOne(value == true ? current : nil) }
    static func contexts<C>(_ value: String, _ current: C) -> ZeroOrOne<C> { ZeroOrOne(current) }
    static func contexts<C>(_ value: String?, _ current: C) -> ZeroOrOne<C> { ZeroOrOne(value == nil ? nil : current) }
    static func contexts<C>(_ value: Int, _ current: C) -> ZeroOrOne<C> { ZeroOrOne(current) }
    static func contexts<C>(_ value: Int?, _ current: C) -> ZeroOrOne<C> { ZeroOrOne(value == nil ? nil : current) }
    static func contexts<C, T>(_ value: T?, _ current: C) -> ZeroOrOne<T> { ZeroOrOne(value) }
    static func contexts<C, T>(_ value: [T], _ current: C) -> [T] { value }
    static func contexts<C, T>(_ value: [T]?, _ current: C) -> [T] { value ?? [] }
    static func contexts<C, T>(_ value: T, _ current: C) -> ZeroOrOne<T> { ZeroOrOne(value) }

    /// A section that prints `{{.}}`: its value itself, also a string or a number.
    static func values<C, T>(_ value: T?, _ current: C) -> ZeroOrOne<T> { ZeroOrOne(value) }
    static func values<C, T>(_ value: [T], _ current: C) -> [T] { value }
    static func values<C, T>(_ value: T, _ current: C) -> ZeroOrOne<T> { ZeroOrOne(value) }

    /// An inverted section shows when the value is false, absent or an empty list.
    static func isFalsy(_ value: Bool) -> Bool { !value }
    static func isFalsy(_ value: Bool?) -> Bool { value != true }
    static func isFalsy<T>(_ value: T?) -> Bool { value == nil }
    static func isFalsy<T>(_ value: [T]) -> Bool { value.isEmpty }
    static func isFalsy<T>(_ value: [T]?) -> Bool { value?.isEmpty ?? true }
    static func isFalsy<T>(_ value: T) -> Bool { false }

    /// `{{#empty(list)}}`.
    static func isEmptyList<T>(_ value: [T]) -> Bool { value.isEmpty }
}

/// Zero or one value to iterate over: a section's content shown once or not at all.
struct ZeroOrOne<Element>: Sequence, IteratorProtocol {
    private var value: Element?
    init(_ value: Element?) { self.value = value }
    mutating func next() -> Element? {
        defer { value = nil }
        return value
    }
}

/// The page being written: text appended in one buffer, values escaped for HTML unless raw.
struct TemplateOutput {
    private(set) var text: String

    init() {
        text = ""
        text.reserveCapacity(32 * 1024)
    }

    mutating func raw(_ value: String) { text += value }
    mutating func raw(_ value: String?) { if let value { text += value } }

    mutating func escaped(_ value: String) {
        // Most values need no escaping: append them whole.
        if !value.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) {
            text += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "&": text += "&amp;"
            case "\"": text += "&quot;"
            case "'": text += "&#39;"
            default: text.unicodeScalars.append(scalar)
            }
        }
    }
    mutating func escaped(_ value: String?) { if let value { escaped(value) } }
    mutating func escaped(_ value: Substring) { escaped(String(value)) }
    mutating func escaped(_ value: Int) { text += String(value) }
    mutating func escaped(_ value: Int?) { if let value { text += String(value) } }
    mutating func escaped(_ value: Int64) { text += String(value) }
    mutating func escaped(_ value: Int64?) { if let value { text += String(value) } }
    mutating func escaped(_ value: Double) { text += String(describing: value) }
    mutating func escaped(_ value: Bool) { text += value ? "true" : "false" }
}

struct TemplateModelMismatch: Error {
    let name: String
}
