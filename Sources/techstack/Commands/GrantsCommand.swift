import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

extension GrantPlanFormat: ExpressibleByArgument {}

/// `techstack grants MANIFEST...`: the grants each project needs, per source agency.
struct GrantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grants",
        abstract: "Grant plans: per source agency, the datasets a project needs a grant for, and how many projects wait on each agency.",
        discussion: """
        MANIFEST is a manifest, or a folder searched for techstack.yaml files like 'scorecard'. \
        Each consumed dataset is granted (its grants entry names the dataset or its source \
        agency), missing, or not needed (open data, grant-required: false, or data of the \
        project's own agency). Exit 0 when every manifest was read (even with missing \
        grants), 1 with --fail-on-missing when some grant is missing, 2 when a manifest \
        could not be read (the plan is still written in full).
        """
    )

    @Argument(help: ArgumentHelp("Manifests, or folders searched for techstack.yaml (default: the current folder).", valueName: "MANIFEST"))
    var paths: [String] = []

    @OptionGroup var catalogue: CatalogueOptions

    @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
    var format: GrantPlanFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal (NO_COLOR does the same).")
    var noColor = false

    @Flag(name: .customLong("fail-on-missing"), help: "Exit 1 when some project misses a grant.")
    var failOnMissing = false

    func run() throws {
        let catalogue = try self.catalogue.usable()
        let plan = GrantPlan.make(paths: paths.isEmpty ? ["."] : paths, catalogue: catalogue)
        for project in plan.projects {
            if let problem = project.problem { Console.report(DiagnosticList(problem.diagnostics)) }
        }
        try Console.write(format.generate(plan, style: Style.detect(noColor: noColor, toFile: output != nil)), to: output)
        if plan.errorCount > 0 { throw ExitCode(2) }
        if failOnMissing, plan.missingCount > 0 { throw ExitCode(1) }
    }
}
