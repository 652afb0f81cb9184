import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

/// `techstack scorecard PATH...` (the default `report`) and `techstack scorecard trend DB`.
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Adoption scorecards over many projects, and adoption over time.",
        discussion: """
        'techstack scorecard PATH...' is short for 'techstack scorecard report PATH...'; \
        to score a folder named trend or report, write ./trend.
        """,
        subcommands: [Report.self, Trend.self],
        defaultSubcommand: Report.self
    )

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Adoption of the recommended standards across many projects, per agency and per concern.",
            discussion: """
            PATH is a manifest, or a folder searched for techstack.yaml files (hidden folders, \
            .build and node_modules are skipped). Formats: text, markdown, csv, json, html. \
            A manifest that cannot be read becomes an error row: the report is still written \
            in full (and --record still stores the snapshot), and the exit code is 2. \
            --findings adds the lint findings of each manifest, counted by severity, using \
            the rules given with --rules. --observe compares each manifest with its folder \
            (its repository; --observe-dir DIR names one repository for all): undeclared and \
            unobserved answers, and the hidden cost, the data the code gives up beyond what \
            the manifest declares.
            """
        )

        @Argument(help: ArgumentHelp("Manifests, or folders searched for techstack.yaml (default: the current folder).", valueName: "PATH"))
        var paths: [String] = []

        @OptionGroup var catalogue: CatalogueOptions
        @OptionGroup var rules: RulesOptions
        @OptionGroup var output: OutputOptions<ScorecardFormats.Choice>
        @OptionGroup var today: TodayOption

        @Flag(name: .customLong("findings"), help: "Also run every lint rule on each manifest and count its findings (slower on large portfolios).")
        var findings = false

        @Option(name: .customLong("record"), help: ArgumentHelp("Append this scorecard as a snapshot dated --today to an SQLite history.", valueName: "DB"))
        var record: String?

        @OptionGroup var programme: ProgrammeOptions

        @OptionGroup var observe: ObserveOptions

        func run() throws {
            let format = output.format.format
            let day = try today.day()
            let catalogue = try self.catalogue.usable()
            let ruleSet = try rules.usable(against: catalogue)
            let metrics = ScorecardMetrics(catalogue: catalogue, today: day, rules: ruleSet)
            let linter = findings ? Linter(catalogue: catalogue, rules: ruleSet, today: day) : nil
            let plan = try programme.load(catalogue: catalogue, rules: ruleSet, rulesDirectory: rules.directory, record: record)
            let goalLinter = plan.needsLint && linter == nil ? Linter(catalogue: catalogue, rules: ruleSet, today: day) : nil
            let observer = observe.observe || observe.directory != nil
                ? PortfolioObserver(catalogue: catalogue, directory: observe.directory) : nil
            var scorecard = Scorecard.make(paths: paths.isEmpty ? ["."] : paths, metrics: metrics, linter: linter,
                                           goalLinter: goalLinter, observer: observer)
            for row in scorecard.errorRows {
                if let problem = row.problem { Console.report(DiagnosticList(problem.diagnostics)) }
            }
            // The ratchet compares with the history as it was before this run records into it.
            let ratchet = try programme.ratchet.map { try ProgrammeHistory.ratchet(scorecard, against: $0) }
            Programme.apply(to: &scorecard, metrics: metrics, ladder: plan.ladder, campaigns: plan.campaigns,
                            history: plan.burnUp, ratchet: ratchet)
            try output.write(format.generate(scorecard, style: output.style))
            if let record {
                let id = try History.record(scorecard, to: record, rings: RadarExport.rings(catalogue))
                Console.error("Recorded snapshot \(id) of \(scorecard.date) in \(record).")
            }
            LeftForExit.keep(scorecard)
            if !scorecard.errorRows.isEmpty { throw ExitCode(2) }
            if let ratchet, ratchet.failed {
                for rise in ratchet.rises {
                    Console.error("ratchet: \(Terminal.sanitize(rise.path)) (\(Terminal.sanitize(rise.project))) rose since \(ratchet.since ?? "the last snapshot"): \(rise.description)")
                }
                throw ExitCode(1)
            }
        }
    }

    struct Trend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trend",
            abstract: "Adoption over time from the snapshots recorded with --record, and what changed most.",
            discussion: "Formats: text, json, html (a line chart of adoption per agency, and every concern over time)."
        )

        @Argument(help: ArgumentHelp("The SQLite history written by 'techstack scorecard --record DB'.", valueName: "DB"))
        var database: String

        @OptionGroup var output: OutputOptions<TrendFormats.Choice>

        func run() throws {
            let format = output.format.format
            let trend = TechStackPortfolio.Trend(try History.load(database))
            try output.write(format.generate(trend, history: database, style: output.style))
        }
    }
}

/// What a command no longer needs once its output is written, left for the process's exit to
/// reclaim: a scorecard of 10,000 rows is some hundreds of thousands of small allocations,
/// and freeing them one by one would only delay the exit.
private enum LeftForExit {
    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }
}
