import Foundation
import Testing
@testable import TemplateCompiler

@Suite struct GeneratorTests {
    private func generate(_ templates: [String: String]) throws -> String {
        var sources: [String: TemplateSource] = [:]
        for (name, text) in templates {
            sources[name] = TemplateSource(name: name, path: "/t/\(name).mustache", nodes: try Parser.parse(text, file: name),
                                           rootType: text.hasPrefix("{{! model: Model }}") ? "Model" : nil)
        }
        var generator = CodeGenerator(templates: sources, catalogue: ["hello", "default", "agenda_recused", "items"])
        return try generator.generate()
    }

    @Test func namesResolveToTheInnermostValueOrTheRoot() throws {
        let code = try generate(["p": "{{! model: Model }}\n{{#rows}}{{name}} {{t.hello}} {{form.errors.body}}{{/rows}}"])
        #expect(code.contains("for c1 in TemplateRuntime.contexts(c0.rows, c0)"))
        #expect(code.contains("o.escaped(c1.name)"))
        #expect(code.contains("o.escaped(c0.t[.hello])"))
        #expect(code.contains("o.escaped(c1.form.errors[\"body\"])"))
        #expect(code.contains("static let catalogueKeys: Set<String> = [\"hello\"]"))
    }

    /// `{{t.key}}` is checked against translations/en.json by the template compiler itself: the build fails
    /// with the template's path and line, before Swift sees the generated code.
    @Test func aMissingCatalogueKeyFailsAtTheTemplateLine() throws {
        #expect(try generate(["p": "{{! model: Model }}\n{{t.default}}"]).contains("o.escaped(c0.t[.`default`])"))
        let error = try #require(throws: TemplateError.self) { try generate(["p": "{{! model: Model }}\n<p>\n{{t.helo}}</p>"]) }
        #expect(error.description == "/t/p.mustache:3: error: no key helo in translations/en.json for {{t.helo}}")
        #expect(throws: TemplateError.self) { try generate(["p": "{{! model: Model }}\n{{t.hello.more}}"]) }
    }

    @Test func rawOutputIsOnlyForMarkdownFields() throws {
        #expect(throws: TemplateError.self) { try generate(["p": "{{! model: Model }}\n{{{title}}}"]) }
        #expect(try generate(["p": "{{! model: Model }}\n{{{bodyHTML}}}"]).contains("o.raw(c0.bodyHTML)"))
    }

    @Test func aLabelsColonFollowsTheReadersTypography() throws {
        // "Déports : …" in French: a literal colon after a catalogue label would print "Déports: …".
        #expect(throws: TemplateError.self) { try generate(["p": "{{! model: Model }}\n{{t.agenda_recused}}: {{title}}"]) }
        #expect(throws: TemplateError.self) { try generate(["p": "{{! model: Model }}\n{{t.items}}; {{title}}"]) }
        let code = try generate(["p": "{{! model: Model }}\n{{t.agenda_recused}}{{punctuation.colon}}{{title}}"])
        #expect(code.contains("punctuation.colon"))
    }

    @Test func partialsAndParentsAreInlined() throws {
        let code = try generate(["p": "{{! model: Model }}\n{{<frame}}{{$main}}{{> part}}{{/main}}{{/frame}}",
                                 "frame": "<main>{{$main}}default{{/main}}</main>", "part": "{{name}}"])
        #expect(code.contains("o.raw(\"<main>\")\n        o.escaped(c0.name)  // Templates/part.mustache:1\n"))
        #expect(!code.contains("o.raw(\"default\")"))
        #expect(throws: TemplateError.self) { try generate(["p": "{{! model: Model }}\n{{> missing}}"]) }
    }

    /// The guarantee the build gives: a template naming a field its model lacks does not compile, and the
    /// error shows the template's path and line.
    @Test func aMissingFieldFailsTheBuildAtTheTemplateLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let runtime = root.appendingPathComponent("Sources/EthicsCommittee/App/TemplateRuntime.swift").path
        let support = folder.appendingPathComponent("Support.swift")
        try """
            struct TemplateMissing: Error { let name: String }
            struct Model { let t: [String: String]; let title: String; let rows: [Row]; let open: Bool }
            struct Row { let name: String }
            """.write(to: support, atomically: true, encoding: .utf8)
        func typecheck(_ template: String) throws -> (Int32, String) {
            let generated = folder.appendingPathComponent("Generated.swift")
            try generate(["page": template]).write(to: generated, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["swiftc", "-typecheck", generated.path, runtime, support.path]
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
        let good = try typecheck("{{! model: Model }}\n<h1>{{title}}</h1>\n{{#open}}{{#rows}}{{name}}{{/rows}}{{/open}}\n")
        #expect(good.0 == 0, "\(good.1)")
        let bad = try typecheck("{{! model: Model }}\n<h1>{{title}}</h1>\n{{#rows}}{{nmae}}{{/rows}}\n")
        #expect(bad.0 != 0)
        #expect(bad.1.contains("Templates/page.mustache:3"), "\(bad.1)")
        #expect(bad.1.contains("nmae"))
    }
}
