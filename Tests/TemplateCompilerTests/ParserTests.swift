import Testing
@testable import TemplateCompiler

@Suite struct ParserTests {
    @Test func aLineHoldingOnlyASectionTagLeavesNoTrace() throws {
        let nodes = try Parser.parse("<ul>\n  {{#rows}}\n  <li>{{name}}</li>\n  {{/rows}}\n</ul>\n", file: "t")
        #expect(nodes == [
            .text("<ul>\n"),
            .section(name: "rows", inverted: false, transform: nil,
                     children: [.text("  <li>"), .variable(name: "name", escaped: true, line: 3), .text("</li>\n")], line: 2),
            .text("</ul>\n"),
        ])
    }

    @Test func tagsInsideALineKeepTheirBlanks() throws {
        let nodes = try Parser.parse("a {{#x}}b{{/x}} c\n", file: "t")
        #expect(nodes == [.text("a "), .section(name: "x", inverted: false, transform: nil, children: [.text("b")], line: 1), .text(" c\n")])
    }

    @Test func commentsAndWindowsLineEndsDisappear() throws {
        let nodes = try Parser.parse("{{! page: X }}\r\nhello {{{bodyHTML}}}\r\n", file: "t")
        #expect(nodes == [.text("hello "), .variable(name: "bodyHTML", escaped: false, line: 2), .text("\n")])
    }

    @Test func aParentTakesItsBlocks() throws {
        let nodes = try Parser.parse("{{<layout}}\n{{$content}}\n<p>x</p>\n{{/content}}\n{{/layout}}\n", file: "t")
        #expect(nodes == [.parent(name: "layout", blocks: ["content": [.text("<p>x</p>\n")]], line: 1)])
    }

    @Test func aMismatchedCloseIsAnErrorAtItsLine() {
        #expect(throws: TemplateError.self) { try Parser.parse("{{#a}}\n{{/b}}\n", file: "t") }
        #expect(throws: TemplateError.self) { try Parser.parse("{{#a}}\n", file: "t") }
        #expect(throws: TemplateError.self) { try Parser.parse("{{#lower(a)}}{{/lower(a)}}", file: "t") }
    }
}
