import Foundation
import PackagePlugin

/// Embeds every YAML file under the package's `Rules/` folder into the engine, so that the
/// built-in rules, formats and correlation travel inside the `flowtrace` binary while `Rules/`
/// stays the one place they are edited.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "Rules")
        let inputs = yamlFiles(under: rulesDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        let tool = try context.tool(named: "embed-data")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files from Rules/",
                executable: tool.url,
                arguments: [rulesDirectory.path(), output.path()] + inputs.map { $0.path() },
                inputFiles: inputs + [rulesDirectory],
                outputFiles: [output]
            )
        ]
    }

    private func yamlFiles(under directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
            .sorted { $0.path() < $1.path() }
    }
}
