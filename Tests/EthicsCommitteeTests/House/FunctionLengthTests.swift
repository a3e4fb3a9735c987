import Foundation
import Testing

/// Issue 20's "no function runs over 60 lines outside tests": every declaration with a body in Sources/ (every
/// target), counted from its keyword's line to its closing brace.
@Suite struct FunctionLengthTests {
    static let limit = 60

    @Test func noFunctionInSourcesRunsOverTheLimit() throws {
        var offenders: [String] = []
        for path in try Self.swiftFiles(under: "Sources") {
            let source = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
            for body in SwiftBodyScanner.bodies(in: source) where body.lines > Self.limit {
                offenders.append("\(path):\(body.line): \(body.name) runs over \(body.lines) lines")
            }
        }
        #expect(offenders.isEmpty, "over \(Self.limit) lines, split into named parts:\n\(offenders.joined(separator: "\n"))")
    }

    /// Swift files under a package folder, as package-relative paths; build output (`.build*`) is not source.
    static func swiftFiles(under folder: String) throws -> [String] {
        let root = packageRoot.appendingPathComponent(folder)
        guard let walk = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        while let relative = walk.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if relative.hasSuffix(".swift") { files.append("\(folder)/\(relative)") }
        }
        #expect(files.count > 100, "Sources/ was not found from \(root.path)")
        return files.sorted()
    }
}

/// The scanner the rule rests on: it must see long bodies, and not be fooled by braces in strings or comments.
@Suite struct SwiftBodyScannerTests {
    static func function(named name: String, bodyLines: Int, body: String = "    work()") -> String {
        "func \(name)() {\n" + Array(repeating: body, count: bodyLines).joined(separator: "\n") + "\n}\n"
    }

    @Test func countsFromTheKeywordToTheClosingBrace() {
        let source = "struct A {\n" + Self.function(named: "short", bodyLines: 58) + Self.function(named: "long", bodyLines: 59) + "}\n"
        let bodies = SwiftBodyScanner.bodies(in: source)
        #expect(bodies.map(\.name) == ["func short", "func long"])
        #expect(bodies.map(\.lines) == [60, 61])
        #expect(bodies.map(\.line) == [2, 62])
    }

    @Test func bracesInStringsAndCommentsAreNotCode() {
        let body = ##"""
            let a = "{{#cases}} { \(x.map { "}" }) "  // }
            let b = #"} \#(y) "{"#  /* { /* } */ } */
            let c = """
              SELECT '{' FROM t WHERE x = "}"
              """
        """##
        let source = Self.function(named: "tricky", bodyLines: 1, body: body) + Self.function(named: "after", bodyLines: 3)
        #expect(SwiftBodyScanner.bodies(in: source).map { "\($0.name) \($0.line) \($0.lines)" }
                == ["func tricky 1 7", "func after 8 5"])
    }

    @Test func findsInitializersComputedPropertiesAndClosures() {
        let source = """
        protocol P { func required() -> Int; var x: Int { get } }
        struct S {
            init?(value: Int) {
                self.init(other: value)
            }
            var total: Int {
                1
            }
            static let table: [String: Int] = {
                [:]
            }()
            let stored = 3
            func use() { if let stored { _ = stored }; let v = S.init(other: 1); _ = v }
        }
        """
        #expect(SwiftBodyScanner.bodies(in: source).map(\.name) == ["var x", "init", "var total", "let table", "func use"])
    }
}
