import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum DeprecatedChoice: RuleKindDefinition {
        public static let id = "deprecated-choice"
        public static var area: String { "tech-stack" }

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.deprecatedChoice(rule, severity, input.manifest)
        }
    }
}

extension Linter {
    /// An answer the catalogue marks deprecated or retired, named with its successor.
    func deprecatedChoice(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        var out: [Finding] = []
        for answer in manifest.choices {
            let chosen = answer.choices.map(\.value)
            for choice in answer.choices {
                guard let (status, successor) = catalogue.lifecycle(of: choice.value), status != .active else { continue }
                var message = "\(answer.concern.value): '\(choice.value)' (\(catalogue.name(of: choice.value))) is \(status.rawValue)"
                if let successor {
                    message += "; it is replaced by '\(successor)' (\(catalogue.name(of: successor))). Move to \(successor)."
                } else {
                    message += "; the catalogue names no successor. Choose one of \(catalogue.concern(answer.concern.value)?.recommended.map(\.value).joined(separator: ", ") ?? "the recommended options")."
                }
                out.append(Finding(rule: rule.id, severity: severity, message: message, mark: choice.mark,
                                   concern: answer.concern.value, choice: chosen,
                                   recommended: successor.map { [$0] }))
            }
        }
        return out
    }
}
