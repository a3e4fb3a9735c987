/// A parsed template: what the code generator walks. Lines are 1-based, for `#sourceLocation`.
indirect enum Node: Equatable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case variable(name: String, escaped: Bool, line: Int)
    /// `{{#name}}…{{/name}}`, `{{^name}}…{{/name}}`; `transform` is the one function used (`empty`).
    case section(name: String, inverted: Bool, transform: String?, children: [Node], line: Int)
    case partial(name: String, line: Int)
    /// `{{<parent}}{{$block}}…{{/block}}{{/parent}}`: the parent with the blocks replaced.
    case parent(name: String, blocks: [String: [Node]], line: Int)
    /// `{{$name}}default{{/name}}` inside a parent template.
    case block(name: String, children: [Node])
}

extension Node {
    /// Whether these nodes print the value they are in (`{{.}}`), directly or inside an inverted section
    /// (which keeps the value).
    static func showsCurrentValue(_ nodes: [Node]) -> Bool {
        nodes.contains { node in
            switch node {
            case .variable(let name, _, _): return name == "."
            case .section(_, let inverted, _, let children, _): return inverted && showsCurrentValue(children)
            default: return false
            }
        }
    }
}

struct TemplateError: Error, CustomStringConvertible {
    let file: String
    let line: Int
    let message: String
    /// In the form compilers print, so the build log points at the template line.
    var description: String { "\(file):\(line): error: \(message)" }
}
