import Foundation

// Compiles every template under a folder into one Swift file, and the translation files into another:
// `template-compiler <Templates> <translations> <templates.swift> <messages.swift>`.
// Run by the TemplateCompilerPlugin build plugin; an error names the file and line, and fails the build.
let arguments = CommandLine.arguments
guard arguments.count == 5 else {
    FileHandle.standardError.write(Data("usage: template-compiler <templates folder> <translations folder> <templates.swift> <messages.swift>\n".utf8))
    exit(2)
}
do {
    let translations = try Translations.load(URL(fileURLWithPath: arguments[2]))
    let templates = try TemplateFolder.load(URL(fileURLWithPath: arguments[1]))
    var generator = CodeGenerator(templates: templates, catalogue: Set(translations.keys))
    try write(try generator.generate(), to: arguments[3])
    try write(translations.generate(), to: arguments[4])
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

/// Unchanged output keeps its date, so nothing downstream rebuilds.
func write(_ code: String, to path: String) throws {
    let output = URL(fileURLWithPath: path)
    if (try? String(contentsOf: output, encoding: .utf8)) != code {
        try code.write(to: output, atomically: true, encoding: .utf8)
    }
}
