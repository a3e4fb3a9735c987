/// Turns a typed view model into nested dictionaries, once per render.
///
/// swift-mustache finds `{{name}}` in a struct through `Mirror`: it reflects every stored property of the
/// value at each lookup, and a name that is not on the innermost value (`{{t.key}}` inside `{{#page}}`,
/// a row field inside a list) is searched through every enclosing value in turn. Pages with a few hundred
/// lookups spent most of their time there (bench/README.md). Reflecting each value once and handing the
/// library dictionaries (`MustacheParent`: one hash lookup per name) gives the same output: a nil optional
/// is left out, as the library treats it as absent; strings, numbers, booleans, arrays and dictionaries
/// of strings (the catalogue) are kept as they are, so sections, inverted sections and transforms behave
/// the same. The models stay typed; only what the template engine walks changes.
enum TemplateValues {
    static func box(_ value: Any) -> Any { convert(value) ?? value }

    /// The value as the templates walk it; nil for an empty optional.
    private static func convert(_ value: Any) -> Any? {
        // The common leaves, without building a Mirror.
        if value is String || value is Int || value is Bool { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .struct, .class:
            // The stored properties the library's own lookup sees (`Mirror.children`, no superclass).
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = convert(child.value) { fields[label] = field }
            }
            return fields
        case .collection:
            return mirror.children.compactMap { convert($0.value) }
        default:
            // Dictionaries (the catalogue), enums, numbers other than Int: as they are.
            return value
        }
    }
}
