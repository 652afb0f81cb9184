import ArgumentParser
import TechStackCore

struct TechStack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "techstack",
        abstract: "Browse a government tech stack and lint projects against its recommended standards.",
        discussion: """
        Every deviation from the recommended standards is reported with the shared data it \
        would cost. Exit codes: 0 clean, 1 findings at or above --fail-on (or catalogue \
        problems), 2 input that could not be used.
        """,
        version: ToolVersion.current,
        subcommands: [
            LintCommand.self, ExplainCommand.self, InitCommand.self, CatalogueCommand.self, CostCommand.self,
            ScorecardCommand.self, GrantsCommand.self,
        ]
    )
}

/// `--catalogue DIR`, shared by every command that reads the catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .customLong("catalogue"), help: ArgumentHelp("A catalogue folder to use instead of the built-in one.", valueName: "DIR"))
    var directory: String?

    var source: CatalogueSource { CatalogueSource(option: directory) }

    /// The catalogue, refused (exit 2) when it has errors; warnings go to stderr.
    func usable() throws -> Catalogue {
        let (catalogue, warnings) = try source.loadUsable()
        Console.report(DiagnosticList(warnings))
        return catalogue
    }
}

/// `--format`, `--output`, `--no-color`.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
    var format: String = "text"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal (NO_COLOR does the same).")
    var noColor = false

    var style: Style { Style.detect(noColor: noColor, toFile: output != nil) }

    func check(_ allowed: [String]) throws {
        guard allowed.contains(format) else {
            throw ValidationError("unknown format '\(format)'; expected one of \(allowed.joined(separator: ", "))")
        }
    }

    func write(_ text: String) throws {
        try Console.write(text, to: output)
    }

    /// Terminal text: colour is applied here, the last step, when the output is a terminal.
    func write(_ text: StyledText) throws {
        try Console.write(style.render(text), to: output)
    }
}
