import Foundation

/// One template as the generator sees it: its nodes and, for a page, the type it renders.
struct TemplateSource {
    let name: String
    let path: String
    let nodes: [Node]
    /// The Swift type of the root value (`Renderer.View<CasePage>`); nil for partials and parents.
    let rootType: String?
}

/// Writes one Swift function per page template. Names resolve statically, so the Swift compiler checks
/// every `{{name}}` against the model: a misspelled or missing field fails the build, and the generated line
/// the error shows ends with the template's path and line. (Not `#sourceLocation`: templates share file
/// names across folders, and the compiler then warns once per directive.) The rules, Mustache's as the
/// templates use them:
/// - a bare name is a field of the innermost value (a section over a list, an optional or a struct pushes
///   its value; a section over a Bool keeps the value it is in);
/// - `t.…`, `layout.…`, `page.…`, `fieldLimits.…` and `punctuation.…` start at the root, from any depth (names no page
///   model uses, so a root name never hides a field of the page);
/// - a section whose content shows `{{.}}` pushes its value even when it is a string or a number
///   (`{{#reasons}}<li>{{.}}</li>{{/reasons}}`); otherwise a string or number keeps the value around it;
/// - after `values` or `errors` (dictionaries of strings) the next part is a key;
/// - `t.key` is a catalogue text by typed key (`c0.t[.key]`); a key translations/en.json lacks fails here,
///   with the template's path and line;
/// - `{{{…}}}` only for fields named `…HTML`/`…html` (Markdown module output).
struct CodeGenerator {
    let templates: [String: TemplateSource]
    /// The keys of translations/en.json that `{{t.…}}` may name.
    let catalogue: Set<String>
    private var out = ""
    private var counter = 0

    init(templates: [String: TemplateSource], catalogue: Set<String>) {
        self.templates = templates
        self.catalogue = catalogue
    }

    static let dictionaryFields: Set<String> = ["values", "errors"]
    static let rootFields: Set<String> = ["t", "layout", "page", "fieldLimits", "punctuation"]

    mutating func generate() throws -> String {
        out = "// Generated from Templates/ by the TemplateCompiler build plugin. Do not edit.\n"
        out += "// swiftlint:disable all\n\nenum CompiledTemplates {\n"
        let pages = templates.values.filter { $0.rootType != nil }.sorted { $0.name < $1.name }
        out += "    static func render(_ name: String, _ value: Any) throws -> String {\n        switch name {\n"
        for page in pages {
            out += "        case \(literal(page.name)):\n"
            out += "            guard let value = value as? \(page.rootType!) else { throw TemplateModelMismatch(name: name) }\n"
            out += "            var o = TemplateOutput()\n            \(function(page.name))(value, &o)\n            return o.text\n"
        }
        out += "        default:\n            throw TemplateMissing(name: name)\n        }\n    }\n\n"
        out += "    /// Every catalogue key a template names (`{{t.key}}`), for the catalogue tests.\n"
        out += "    static let catalogueKeys: Set<String> = [\(catalogueKeys().map(literal).joined(separator: ", "))]\n\n"
        out += "    static let pageNames: [String] = [\(pages.map { literal($0.name) }.joined(separator: ", "))]\n"
        for page in pages {
            out += "\n    private static func \(function(page.name))(_ c0: \(page.rootType!), _ o: inout TemplateOutput) {\n"
            counter = 0
            try emit(page.nodes, in: page, stack: ["c0"], blocks: [:], depth: 0, indent: "        ")
            out += "    }\n"
        }
        out += "}\n"
        return out
    }

    private func function(_ name: String) -> String {
        "render_" + name.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    private mutating func emit(_ nodes: [Node], in source: TemplateSource, stack: [String],
                               blocks: [String: (nodes: [Node], source: TemplateSource)], depth: Int, indent: String) throws {
        guard depth < 12 else { throw TemplateError(file: source.path, line: 1, message: "partials nested too deep (a cycle?)") }
        var previous: Node?
        for node in nodes {
            defer { previous = node }
            switch node {
            case .text(let text):
                if case .variable(let name, _, let line) = previous, name.hasPrefix("t."), text.hasPrefix(":") || text.hasPrefix(";") {
                    // "Recused: …" is "Déports : …" in French: the space before the sign is the language's.
                    throw TemplateError(file: source.path, line: line,
                                        message: "a literal '\(text.prefix(1))' after {{\(name)}}: write {{punctuation.colon}} (or .semicolon), which follows the reader's typography")
                }
                out += "\(indent)o.raw(\(literal(text)))\n"
            case .variable(let name, let escaped, let line):
                if !escaped, !(name.hasSuffix("HTML") || name.hasSuffix("html")) {
                    throw TemplateError(file: source.path, line: line,
                                        message: "{{{\(name)}}} outputs raw HTML: only Markdown output fields (named …HTML) may")
                }
                out += "\(indent)o.\(escaped ? "escaped" : "raw")(\(try expression(name, stack, source, line)))\(origin(source, line))\n"
            case .section(let name, let inverted, let transform, let children, let line):
                let value = try expression(name, stack, source, line), at = origin(source, line)
                if transform == "empty" {
                    out += "\(indent)if \(inverted ? "!" : "")TemplateRuntime.isEmptyList(\(value)) {\(at)\n"
                    try emit(children, in: source, stack: stack, blocks: blocks, depth: depth, indent: indent + "    ")
                } else if inverted {
                    out += "\(indent)if TemplateRuntime.isFalsy(\(value)) {\(at)\n"
                    try emit(children, in: source, stack: stack, blocks: blocks, depth: depth, indent: indent + "    ")
                } else {
                    counter += 1
                    let variable = "c\(counter)"
                    let function = Node.showsCurrentValue(children) ? "values" : "contexts"
                    let header = out.endIndex
                    out += "\(indent)for \(variable) in TemplateRuntime.\(function)(\(value), \(stack.last!)) {\(at)\n"
                    let body = out.endIndex
                    try emit(children, in: source, stack: stack + [variable], blocks: blocks, depth: depth, indent: indent + "    ")
                    // A section whose content never reads its value loops with `_` (no unused-variable warning).
                    if !Self.reads(variable, out[body...]) {
                        out.replaceSubrange(header..<body, with: "\(indent)for _ in TemplateRuntime.\(function)(\(value), \(stack.last!)) {\(at)\n")
                    }
                }
                out += "\(indent)}\n"
            case .partial(let name, let line):
                guard let partial = templates[name] else {
                    throw TemplateError(file: source.path, line: line, message: "no template \(name) for {{> \(name)}}")
                }
                try emit(partial.nodes, in: partial, stack: stack, blocks: blocks, depth: depth + 1, indent: indent)
            case .parent(let name, let overrides, let line):
                guard let parent = templates[name] else {
                    throw TemplateError(file: source.path, line: line, message: "no template \(name) for {{< \(name)}}")
                }
                try emit(parent.nodes, in: parent, stack: stack, blocks: overrides.mapValues { ($0, source) },
                         depth: depth + 1, indent: indent)
            case .block(let name, let children):
                // A block the child overrides is its text: errors point at the child template.
                let (nodes, origin) = blocks[name] ?? (children, source)
                try emit(nodes, in: origin, stack: stack, blocks: [:], depth: depth, indent: indent)
            }
        }
    }

    /// Whether generated code names this variable (`c3.title`, `o.escaped(c3)`), not a longer one (`c31`).
    private static func reads(_ variable: String, _ code: Substring) -> Bool {
        var rest = code[...]
        while let found = rest.range(of: variable) {
            let next = found.upperBound < rest.endIndex ? rest[found.upperBound] : " "
            let before = found.lowerBound > code.startIndex ? code[code.index(before: found.lowerBound)] : " "
            if !next.isNumber && !(before.isLetter || before.isNumber) { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    /// The comment that ends a generated line: where it comes from, shown with any compiler error on it.
    private func origin(_ source: TemplateSource, _ line: Int) -> String {
        "  // Templates/\(source.name).mustache:\(line)"
    }

    /// The Swift expression of a name, in the context stack.
    private func expression(_ name: String, _ stack: [String], _ source: TemplateSource, _ line: Int) throws -> String {
        if name == "." { return stack.last! }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else {
            throw TemplateError(file: source.path, line: line, message: "cannot read {{\(name)}}")
        }
        var code = parts.count > 1 && Self.rootFields.contains(parts[0]) ? "c0" : stack.last!
        if parts[0] == "t" {
            guard parts.count == 2, Translations.isIdentifier(parts[1]) else {
                throw TemplateError(file: source.path, line: line, message: "{{\(name)}}: a catalogue text is {{t.key}}")
            }
            guard catalogue.contains(parts[1]) else {
                throw TemplateError(file: source.path, line: line, message: "no key \(parts[1]) in translations/en.json for {{\(name)}}")
            }
            return "c0.t[.\(Translations.swiftName(parts[1]))]"
        }
        var previous: String?
        for part in parts {
            if let previous, Self.dictionaryFields.contains(previous) {
                code += "[\(literal(part))]"
            } else {
                code += "." + part
            }
            previous = part
        }
        return code
    }

    private func catalogueKeys() -> [String] {
        var keys = Set<String>()
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .variable(let name, _, _), .section(let name, _, _, _, _):
                    if name.hasPrefix("t.") { keys.insert(String(name.dropFirst(2))) }
                    if case .section(_, _, _, let children, _) = node { walk(children) }
                case .parent(_, let blocks, _): blocks.values.forEach(walk)
                case .block(_, let children): walk(children)
                case .text, .partial: break
                }
            }
        }
        templates.values.forEach { walk($0.nodes) }
        return keys.sorted()
    }

    /// A Swift string literal of `text`: one escaping rule for templates and translations.
    private func literal(_ text: String) -> String { Translations.literal(text) }
}
