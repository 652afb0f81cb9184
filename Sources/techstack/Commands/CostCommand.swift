import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "The shared data that becomes unreachable without a standard or component.",
        discussion: "With R⁺ = the recommended stack plus ID: Reach(R⁺) − Reach(R⁺ without ID)."
    )
    @Argument(help: "A standard or component id.") var id: String
    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var output: OutputOptions<TextOrJSON>

    func run() throws {
        let c = try catalogue.usable()
        guard let kind = c.kind(of: id), kind == .standards || kind == .components else {
            let known = (c.standards.map(\.header.id) + c.components.map(\.header.id))
            let what = c.kind(of: id).map { "'\(id)' is a \($0.singular)" } ?? "no standard or component '\(id)' in the catalogue"
            throw ValidationError("\(what); cost takes a standard or component\(NearestName.hint(id, in: known))")
        }
        let report = CatalogueReport(catalogue: c)
        let answer = report.cost(of: id)
        if output.format == .json {
            try output.write(JSONOutput.encode(answer))
            return
        }
        let style = output.style
        var lines: [StyledText] = []
        if answer.cost.isEmpty {
            lines.append("\(style.bold(id)) (\(answer.name)): nothing in the recommended stack depends on it; going without it costs no shared data.")
        } else {
            lines.append("Without \(style.bold(id)) (\(answer.name)), a project cannot reach \(answer.cost.count) shared dataset\(answer.cost.count == 1 ? "" : "s"):")
            lines += report.costLines(answer.cost, style: style)
        }
        try output.write(lines.joined(separator: "\n") + "\n")
    }
}
