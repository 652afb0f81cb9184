import Foundation
import PackagePlugin

/// Compiles the default catalogue (`catalogue/`) and the rules (`rules/`) into the model
/// library, and a target's page stylesheets and scripts (its `Assets/`) into that target, so the
/// `techstack` binary works from any directory with no files beside it.
@main
struct EmbedDefaults: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = target.name == "TechStackModel" ? ["catalogue", "rules"] : []
        var inputs: [URL] = []
        for folder in folders {
            let url = root.appending(path: folder)
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker where file.pathExtension == "yaml" || file.pathExtension == "yml" {
                inputs.append(file)
            }
        }
        let assets = root.appending(path: "Sources/\(target.name)/Assets")
        let hasAssets = FileManager.default.fileExists(atPath: assets.path)
        if hasAssets, let walker = FileManager.default.enumerator(at: assets, includingPropertiesForKeys: nil) {
            for case let file as URL in walker where !file.hasDirectoryPath && !file.lastPathComponent.hasPrefix(".") {
                inputs.append(file)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDefaults.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folders.isEmpty ? "page assets" : "the default catalogue and rules") into \(target.name)",
                executable: try context.tool(named: "embed-defaults").url,
                arguments: [output.path, root.path] + folders + (hasAssets ? ["--assets", assets.path] : []),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
