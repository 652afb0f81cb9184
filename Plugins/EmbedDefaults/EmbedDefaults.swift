import Foundation
import PackagePlugin

/// Compiles the default catalogue (`catalogue/`), the rules (`rules/`) and the pages' own
/// stylesheets and scripts (the target's `Assets/`) into the library, so the `techstack` binary
/// works from any directory with no files beside it.
@main
struct EmbedDefaults: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["catalogue", "rules"]
        var inputs: [URL] = []
        for folder in folders {
            let url = root.appending(path: folder)
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker where file.pathExtension == "yaml" || file.pathExtension == "yml" {
                inputs.append(file)
            }
        }
        let assets = root.appending(path: "Sources/\(target.name)/Assets")
        if let walker = FileManager.default.enumerator(at: assets, includingPropertiesForKeys: nil) {
            for case let file as URL in walker where !file.hasDirectoryPath && !file.lastPathComponent.hasPrefix(".") {
                inputs.append(file)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDefaults.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default catalogue, rules and page assets",
                executable: try context.tool(named: "embed-defaults").url,
                arguments: [output.path, root.path] + folders + ["--assets", assets.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
