import Foundation

// Compiles every template under a folder into one Swift file: `template-compiler <Templates> <output.swift>`.
// Run by the TemplateCompilerPlugin build plugin; an error names the template and line, and fails the build.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: template-compiler <templates folder> <output.swift>\n".utf8))
    exit(2)
}
do {
    let templates = try TemplateFolder.load(URL(fileURLWithPath: arguments[1]))
    var generator = CodeGenerator(templates: templates)
    let code = try generator.generate()
    let output = URL(fileURLWithPath: arguments[2])
    // Unchanged output keeps its date, so nothing downstream rebuilds.
    if (try? String(contentsOf: output, encoding: .utf8)) != code {
        try code.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
