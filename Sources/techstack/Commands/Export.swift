import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

extension CatalogueCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export the catalogue for other tools: Backstage entities or a technology radar.",
            discussion: """
            backstage: multi-document YAML of Backstage catalog entities (Groups for the stack and \
            its agencies, a System per layer, Components, Resources for standards and datasets). \
            radar: the JSON Backstage's tech-radar plugin loads; radar-zalando: the config of \
            zalando/tech-radar; radar-byor: the JSON Thoughtworks' build-your-own-radar reads. \
            Radar quadrants are the four layers, rings adopt, trial, assess, hold.
            """
        )
        @Option(help: ArgumentHelp("What to export.", valueName: "FORMAT"))
        var format: CatalogueExports.Choice
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
        var output: String?
        @Option(name: .customLong("history"), help: ArgumentHelp("Radars: entries' timelines from the rings recorded with 'scorecard --record DB'.", valueName: "DB"))
        var history: String?
        @Option(name: .customLong("portfolio"), parsing: .upToNextOption,
                help: ArgumentHelp("Radars: say how many of these projects (manifests, or folders searched for techstack.yaml) choose each entry.", valueName: "PATH"))
        var portfolio: [String] = []
        @Option(name: .customLong("frame-quadrant"), help: ArgumentHelp("Radars: show the governance frame's entries in this layer's quadrant (default: left out of the quadrants).", valueName: "LAYER"))
        var frameQuadrant: String?
        @OptionGroup var catalogue: CatalogueOptions
        @OptionGroup var today: TodayOption

        func run() throws {
            let exporter = format.export
            let c = try catalogue.usable()
            if let frameQuadrant, c.layer(frameQuadrant).map({ !$0.crossCutting }) != true {
                let layers = c.layers.filter { !$0.crossCutting }.map(\.header.id)
                throw ValidationError("--frame-quadrant: '\(frameQuadrant)' is not one of the four layers\(NearestName.hint(frameQuadrant, in: layers)); expected one of \(layers.joined(separator: ", "))")
            }
            var options = ExportOptions(frameQuadrant: frameQuadrant, today: try today.day())
            if let history { options.history = try History.load(history) }
            if !portfolio.isEmpty {
                var manifests: [Manifest] = []
                var problems: [Diagnostic] = []
                for input in Portfolio.inputs(portfolio) {
                    switch input {
                    case .problem(let diagnostic): problems.append(diagnostic)
                    case .manifest, .found:
                        switch input.load() {
                        case .success(let manifest): manifests.append(manifest)
                        case .failure(let list): problems += list.items
                        }
                    }
                }
                // Like a scorecard: an unreadable manifest is reported and the run exits 2.
                if !problems.isEmpty { throw DiagnosticList(problems) }
                options.usage = RadarExport.Usage.of(manifests)
            }
            try Console.write(try exporter.generate(c, options: options), to: output)
        }
    }
}
