import ArgumentParser
import Foundation
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

extension SchemaFormat: ExpressibleByArgument {}
extension DiffFormat: ExpressibleByArgument {}

extension CatalogueCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Write a JSON Schema (draft-07) for manifests, catalogue files or rule files, for editors.",
            discussion: """
            The manifest schema is generated from the catalogue (and rules) in use: every \
            concern under 'choices' with its question, its options recommended first and what \
            each alternative costs; dataset, agency and rule ids where a manifest names them. \
            Point an editor at it with a first line '# yaml-language-server: $schema=FILE' \
            (techstack init writes one) or the editor's settings (see README).
            """
        )

        @Option(name: .customLong("for"), help: ArgumentHelp("Which file format the schema describes.", valueName: "FORMAT"))
        var format: SchemaFormat = .manifest

        @OptionGroup var catalogue: CatalogueOptions
        @OptionGroup var rules: RulesOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        func run() throws {
            let c = try catalogue.usable()
            let ruleSet = try rules.usable(against: c)
            try Console.write(Schemas.generate(format, catalogue: c, rules: ruleSet).pretty, to: output)
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What changes from one catalogue to another, and with --portfolio what it does to every project.",
            discussion: """
            OLD and NEW are catalogue folders, 'builtin' (the built-in catalogue), or inside a \
            git checkout 'git:REV' (catalogue/ as committed at REV) or 'git:REV:PATH' (another \
            folder, relative to the repository root); git is read, never checked out. Shows \
            entries added, removed and changed field by field, recommendations and statuses \
            changed, and for every option of every concern the change in what deviating to it \
            costs. --portfolio lints and scores every manifest against both catalogues: the \
            findings that appear and disappear, total cost before and after, per project and \
            per agency, the projects most affected first. The markdown stays under 60,000 \
            characters (a pull-request comment). Exit 0; 1 with --fail-on-new when some \
            project gains an error finding; 2 when a catalogue, the rules or a manifest \
            could not be used.
            """
        )

        @Argument(help: ArgumentHelp("The catalogue before the change: a folder, builtin, git:REV or git:REV:PATH.", valueName: "OLD"))
        var old: String

        @Argument(help: ArgumentHelp("The catalogue after the change.", valueName: "NEW"))
        var new: String

        @Option(name: .customLong("portfolio"), parsing: .upToNextOption,
                help: ArgumentHelp("Manifests, or folders searched for techstack.yaml, to lint against both catalogues.", valueName: "PATH"))
        var portfolio: [String] = []

        @OptionGroup var rules: RulesOptions
        @OptionGroup var today: TodayOption

        @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
        var format: DiffFormat = .text

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        @Flag(name: .customLong("fail-on-new"), help: "Exit 1 when some project of the portfolio gains an error finding.")
        var failOnNew = false

        func run() throws {
            let before = try Self.usable(CatalogueReference(old))
            let after = try Self.usable(CatalogueReference(new))
            let diff = CatalogueDiff(old: before, new: after, oldSource: old, newSource: new)
            var impact: PortfolioImpact?
            if !portfolio.isEmpty {
                let day = try today.day()
                let ruleSet = try rules.usable(against: before)
                let problems = ruleSet.problems(against: after)
                if !problems.isEmpty { throw DiagnosticList(problems) }
                impact = PortfolioImpact.make(paths: portfolio,
                                              old: Linter(catalogue: before, rules: ruleSet, today: day),
                                              new: Linter(catalogue: after, rules: ruleSet, today: day))
            }
            try Console.write(format.generate(CatalogueDiffReport(diff: diff, impact: impact)), to: output)
            if let impact {
                for row in impact.projects { if let error = row.error { Console.error(error) } }
                if impact.summary.errors > 0 { throw ExitCode(2) }
                if failOnNew && impact.summary.gainingErrors > 0 { throw ExitCode(1) }
            }
        }

        /// A catalogue fit for comparing: refused (exit 2) with every error, as lint refuses one.
        static func usable(_ reference: CatalogueReference) throws -> Catalogue {
            let result: CatalogueLoader.Result
            do {
                result = try reference.load()
            } catch {
                Console.error("error: \(Terminal.sanitize(error.message))")
                throw ExitCode(2)
            }
            guard let catalogue = result.catalogue, !result.diagnostics.hasErrors else {
                var items = result.diagnostics.errors
                items.append(Diagnostic(path: items.first?.path ?? reference.description, mark: .start,
                                        message: "the catalogue '\(reference)' cannot be used; run 'techstack catalogue check' on it for every problem"))
                throw DiagnosticList(items)
            }
            Console.report(DiagnosticList(result.diagnostics.warnings))
            return catalogue
        }
    }
}
