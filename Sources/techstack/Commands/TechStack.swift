import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

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
            ScorecardCommand.self, DetectCommand.self, GrantsCommand.self,
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

/// A command's `--format` values: an enum, so the parser refuses a wrong one and `--help`
/// lists every value.
protocol OutputFormat: ExpressibleByArgument, CaseIterable, RawRepresentable, Sendable where RawValue == String {
    static var standard: Self { get }
}

/// `--format text|json`, for the commands that print text for people or JSON for programs.
enum TextOrJSON: String, OutputFormat {
    case text, json
    static let standard = TextOrJSON.text
}

extension Reporters.Choice: ExpressibleByArgument, OutputFormat {
    static let standard = Reporters.Choice.text
}

extension ScorecardFormats.Choice: ExpressibleByArgument, OutputFormat {
    static let standard = ScorecardFormats.Choice.text
}

extension TrendFormats.Choice: ExpressibleByArgument, OutputFormat {
    static let standard = TrendFormats.Choice.text
}

extension CatalogueExports.Choice: ExpressibleByArgument {}

/// `--format`, `--output`, `--no-color`.
struct OutputOptions<Format: OutputFormat>: ParsableArguments {
    @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
    var format: Format = .standard

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal (NO_COLOR does the same).")
    var noColor = false

    var style: Style { Style.detect(noColor: noColor, toFile: output != nil) }

    func write(_ text: String) throws {
        try Console.write(text, to: output)
    }

    /// Terminal text: colour is applied here, the last step, when the output is a terminal.
    func write(_ text: StyledText) throws {
        try Console.write(style.render(text), to: output)
    }
}
