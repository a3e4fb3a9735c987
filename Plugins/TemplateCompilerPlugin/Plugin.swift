import Foundation
import PackagePlugin

/// Compiles `Templates/**/*.mustache` into Swift before the target builds (see Sources/TemplateCompiler).
/// Every template is an input, so editing one re-runs the compiler; a template error fails the build.
@main
struct TemplateCompilerPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "mustache" { inputs.append(url) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "CompiledTemplates.swift")
        return [.buildCommand(displayName: "Compiling templates",
                              executable: try context.tool(named: "TemplateCompiler").url,
                              arguments: [templates.path, output.path],
                              inputFiles: inputs.sorted { $0.path < $1.path },
                              outputFiles: [output])]
    }
}
