/// Builds the node tree of one template from its tokens.
struct Parser {
    let file: String
    private var tokens: [Token]
    private var index = 0

    init(tokens: [Token], file: String) {
        self.tokens = tokens
        self.file = file
    }

    static func parse(_ source: String, file: String) throws -> [Node] {
        var parser = Parser(tokens: try Tokenizer.tokens(source, file: file), file: file)
        return try parser.nodes(until: nil)
    }

    /// Nodes up to the closing tag of `section` (or the end of the template when nil).
    private mutating func nodes(until section: String?) throws -> [Node] {
        var nodes: [Node] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard case .tag(let sigil) = token.kind else {
                if case .text(let previous)? = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + token.content)
                } else {
                    nodes.append(.text(token.content))
                }
                continue
            }
            let name = token.content
            switch sigil {
            case "":
                nodes.append(.variable(name: name, escaped: true, line: token.line))
            case "{", "&":
                nodes.append(.variable(name: name, escaped: false, line: token.line))
            case "!":
                break
            case "#", "^":
                let (plain, transform) = try split(name, line: token.line)
                let children = try self.nodes(until: name)
                nodes.append(.section(name: plain, inverted: sigil == "^", transform: transform, children: children, line: token.line))
            case "/":
                guard name == section else {
                    throw TemplateError(file: file, line: token.line, message: "{{/\(name)}} closes \(section.map { "{{#\($0)}}" } ?? "nothing")")
                }
                return nodes
            case ">":
                nodes.append(.partial(name: name, line: token.line))
            case "<":
                let children = try self.nodes(until: name)
                var blocks: [String: [Node]] = [:]
                for child in children {
                    switch child {
                    case .block(let blockName, let body): blocks[blockName] = body
                    case .text(let text) where text.allSatisfy(\.isWhitespace): break
                    default: throw TemplateError(file: file, line: token.line, message: "only {{$blocks}} may go inside {{<\(name)}}")
                    }
                }
                nodes.append(.parent(name: name, blocks: blocks, line: token.line))
            case "$":
                nodes.append(.block(name: name, children: try self.nodes(until: name)))
            default:
                throw TemplateError(file: file, line: token.line, message: "unsupported tag {{\(sigil)\(name)}}")
            }
        }
        if let section { throw TemplateError(file: file, line: tokens.last?.line ?? 1, message: "{{#\(section)}} is never closed") }
        return nodes
    }

    /// `empty(list)` → ("list", "empty"); the only function the templates use.
    private func split(_ name: String, line: Int) throws -> (String, String?) {
        guard let open = name.firstIndex(of: "(") else { return (name, nil) }
        let function = String(name[..<open])
        guard function == "empty", name.hasSuffix(")") else {
            throw TemplateError(file: file, line: line, message: "unknown function in {{\(name)}} (only empty(…) is supported)")
        }
        return (String(name[name.index(after: open)..<name.index(before: name.endIndex)]), function)
    }
}
