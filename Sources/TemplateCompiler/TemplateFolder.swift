import Foundation

/// Reads `*.mustache` under the templates folder. A page template says what it renders in its first
/// comment: `{{! page: CasePage }}` (inside the layout), `{{! standalone: PrintPage }}` (no layout) or
/// `{{! model: SomeType }}` (the value itself); a template without one is a partial or a parent.
enum TemplateFolder {
    static func load(_ folder: URL) throws -> [String: TemplateSource] {
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw TemplateError(file: root, line: 1, message: "no templates folder")
        }
        var templates: [String: TemplateSource] = [:]
        for case let relative as String in walker where relative.hasSuffix(".mustache") {
            let path = root + "/" + relative
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let name = String(relative.dropLast(".mustache".count))
            templates[name] = TemplateSource(name: name, path: path, nodes: try Parser.parse(text, file: path),
                                             rootType: try rootType(text, path: path))
        }
        return templates
    }

    private static func rootType(_ text: String, path: String) throws -> String? {
        guard text.hasPrefix("{{!"), let end = text.range(of: "}}") else { return nil }
        let comment = text[text.index(text.startIndex, offsetBy: 3)..<end.lowerBound].trimmingCharacters(in: .whitespaces)
        let parts = comment.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "page": return "Renderer.View<\(parts[1])>"
        case "standalone": return "Renderer.Standalone<\(parts[1])>"
        case "model": return parts[1]
        default: throw TemplateError(file: path, line: 1, message: "the first comment says page:, standalone: or model:")
        }
    }
}
