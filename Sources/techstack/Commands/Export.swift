import ArgumentParser
import TechStackCore

extension CatalogueCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the catalogue for other tools: Backstage entities or a technology radar.",
            discussion: """
            backstage: multi-document YAML of Backstage catalog entities (Groups for the stack and \
            its agencies, a System per layer, Components, APIs for standards, Resources for datasets). \
            radar: JSON for a technology radar, quadrants the four layers, rings adopt, trial, assess, hold.
            """
        )
        @Option(help: ArgumentHelp("backstage or radar.", valueName: "FORMAT"))
        var format: String
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
        var output: String?
        @OptionGroup var catalogue: CatalogueOptions

        func validate() throws {
            guard CatalogueExports.named(format) != nil else {
                let names = CatalogueExports.all.map { $0.identifier }
                throw ValidationError("unknown export format '\(format)'\(NearestName.hint(format, in: names)); expected one of \(names.joined(separator: ", "))")
            }
        }

        func run() throws {
            guard let exporter = CatalogueExports.named(format) else { return }
            let c = try catalogue.usable()
            try Console.write(try exporter.generate(c), to: output)
        }
    }
}
