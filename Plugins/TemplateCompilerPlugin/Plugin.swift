import Foundation
import PackagePlugin

/// Compiles `Templates/**/*.mustache` and `translations/*.json` into Swift before the target builds (see
/// Sources/TemplateCompiler). Every template and translation file is an input, so editing one re-runs the
/// compiler; a template naming a missing field or catalogue key, or a translation missing a key, fails the build.
@main
struct TemplateCompilerPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let translations = context.package.directoryURL.appending(path: "translations")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "mustache" { inputs.append(url) }
        }
        let files = (try? FileManager.default.contentsOfDirectory(at: translations, includingPropertiesForKeys: nil)) ?? []
        inputs += files.filter { $0.pathExtension == "json" }
        let compiled = context.pluginWorkDirectoryURL.appending(path: "CompiledTemplates.swift")
        let messages = context.pluginWorkDirectoryURL.appending(path: "CompiledMessages.swift")
        return [.buildCommand(displayName: "Compiling templates and translations",
                              executable: try context.tool(named: "TemplateCompiler").url,
                              arguments: [templates.path, translations.path, compiled.path, messages.path],
                              inputFiles: inputs.sorted { $0.path < $1.path },
                              outputFiles: [compiled, messages])]
    }
}
