import CCmark
import Foundation

/// The only door to libcmark. Rendering is always safe: raw HTML is dropped and `javascript:`,
/// `vbscript:`, `file:` and `data:` link targets are emptied by cmark itself (CMARK_OPT_UNSAFE is
/// never set). Input is capped in size, so pathological documents are refused, not rendered.
public enum Markdown {
    /// Largest accepted source, in bytes (about 100 printed pages).
    public static let maxBytes = 256 * 1024

    /// Renders Markdown to HTML fit for a `{{{ }}}` insertion in a template.
    public static func html(_ source: String) throws(MarkdownTooLarge) -> String {
        let length = source.utf8.count
        guard length <= maxBytes else { throw MarkdownTooLarge(bytes: length) }
        let options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART
        return source.withCString { text -> String in
            guard let document = cmark_parse_document(text, length, options) else { return "" }
            defer { cmark_node_free(document) }
            dropDataImages(in: document)
            guard let rendered = cmark_render_html(document, options) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// A heading at the top level of a document (not inside a list or a quote), as cmark parses it: ATX
    /// (`## Title`, up to three spaces before) or setext (a line underlined with `===` or `---`).
    public struct Heading: Sendable, Equatable {
        /// The first source line of the heading, from 1 (lines split at "\n").
        public let line: Int
        public let level: Int
        /// Its text without the markup.
        public let text: String
    }

    /// The top-level headings of `source`, in order (none when it is too large to render).
    public static func topLevelHeadings(_ source: String) -> [Heading] {
        let length = source.utf8.count
        guard length <= maxBytes else { return [] }
        return source.withCString { text -> [Heading] in
            guard let document = cmark_parse_document(text, length, CMARK_OPT_VALIDATE_UTF8) else { return [] }
            defer { cmark_node_free(document) }
            var headings: [Heading] = []
            var node = cmark_node_first_child(document)
            while let current = node {
                if cmark_node_get_type(current) == CMARK_NODE_HEADING {
                    headings.append(Heading(line: Int(cmark_node_get_start_line(current)),
                                            level: Int(cmark_node_get_heading_level(current)), text: plainText(current)))
                }
                node = cmark_node_next(current)
            }
            return headings
        }
    }

    /// The text and code of a node's descendants, joined.
    private static func plainText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// cmark keeps `data:image/png|gif|jpeg|webp` image sources; the CSP blocks them, so they go here too.
    private static func dropDataImages(in document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                  let url = cmark_node_get_url(node)
            else { continue }
            let target = String(cString: url).trimmingCharacters(in: .whitespaces).lowercased()
            if target.hasPrefix("data:") { cmark_node_set_url(node, "") }
        }
    }
}

/// The Markdown source is over `Markdown.maxBytes`.
public struct MarkdownTooLarge: Error, Equatable {
    public let bytes: Int
}
