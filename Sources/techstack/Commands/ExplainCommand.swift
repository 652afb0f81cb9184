import ArgumentParser
import TechStackEvidence
import TechStackLint
import TechStackModel
import TechStackPortfolio
import TechStackSite

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it checks, why it matters, its severity, parameters and examples.",
        discussion: "Without RULE, lists every rule. Rules from --rules DIR are included, replacing built-in rules of the same id."
    )

    @Argument(help: ArgumentHelp("A rule id, e.g. recommended-choice.", valueName: "RULE"))
    var rule: String?

    @OptionGroup var rules: RulesOptions
    @OptionGroup var output: OutputOptions<TextOrJSON>

    func run() throws {
        let ruleSet = try rules.usable()
        guard let id = rule else {
            if output.format == .json {
                try output.write(JSONOutput.encode(ruleSet.rules.map(Explained.init)))
            } else {
                let width = ruleSet.ids.map(\.count).max() ?? 0
                let lines = ruleSet.rules.map { "\(output.style.bold($0.id.padding(width)))  \($0.severityText.padding(7))  \($0.summary)" as StyledText }
                try output.write(lines.joined(separator: "\n") + "\n")
            }
            return
        }
        guard let found = ruleSet[id] else {
            throw ValidationError("no rule '\(id)'\(NearestName.hint(id, in: ruleSet.ids)); 'techstack explain' lists every rule")
        }
        if output.format == .json {
            try output.write(JSONOutput.encode(Explained(found)))
        } else {
            try output.write(text(found))
        }
    }

    private func text(_ rule: Rule) -> StyledText {
        let style = output.style
        var out: StyledText = "\(style.bold(rule.id)): \(rule.summary)\n\n"
        out += "kind: \(rule.kind.rawValue)\nseverity: \(rule.severityText)\n"
        for (parameter, value) in rule.parameterValues { out += "\(parameter.name): \(value)  # \(parameter.summary)\n" }
        out += "defined in: \(rule.origin.path)\n\n"
        out += "Why it matters:\n" + StyledText.lines(wrap(rule.rationale, indent: "  ")) + "\n"
        for (title, examples) in [("Passes (the rule stays silent)", rule.examples.pass), ("Fails (the rule fires)", rule.examples.fail)] where !examples.isEmpty {
            out += "\n\(style.bold(title)):\n"
            for (index, example) in examples.enumerated() {
                if index > 0 { out += "    ---\n" }
                let indented = example.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
                out += StyledText.lines(indented.hasSuffix("\n") ? indented : indented + "\n")
            }
        }
        return out
    }

    private func wrap(_ text: String, indent: String, width: Int = 88) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty && line.count + word.count + 1 > width - indent.count {
                lines.append(indent + line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
    }
}

/// A rule as `explain --format json` shows it.
private struct Explained: Encodable {
    var id: String
    var kind: String
    var severity: String
    var summary: String
    var rationale: String
    var parameters: [String: String]
    var examples: [String: [String]]
    var origin: String

    init(_ rule: Rule) {
        id = rule.id
        kind = rule.kind.rawValue
        severity = rule.severityText
        summary = rule.summary
        rationale = rule.rationale
        parameters = Dictionary(rule.parameterValues.map { ($0.parameter.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        examples = ["pass": rule.examples.pass, "fail": rule.examples.fail]
        origin = rule.origin.path
    }
}
