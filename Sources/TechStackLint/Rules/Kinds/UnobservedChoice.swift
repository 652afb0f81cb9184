import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum UnobservedChoice: RuleKindDefinition {
        public static let id = "unobserved-choice"
        public static var needsObservation: Bool { true }

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            guard let observed = input.observed else { return [] }
            return input.linter.unobservedChoice(rule, severity, input.manifest, observed)
        }
    }
}

extension Linter {
    /// `unobserved-choice`: a declared answer that has evidence signals in the catalogue,
    /// none of which matched the repository.
    func unobservedChoice(_ rule: Rule, _ severity: Severity, _ manifest: Manifest, _ observed: DetectResult) -> [Finding] {
        let seen = observed.observedIDs
        var out: [Finding] = []
        for answer in manifest.choices {
            for choice in answer.choices {
                let signals = catalogue.evidence(of: choice.value)
                guard !signals.isEmpty, !seen.contains(choice.value) else { continue }
                let message = "\(answer.concern.value) declares \(choice.value), but the repository shows no sign of it "
                    + "(\(Self.plural(signals.count, "evidence signal")) checked, e.g. \(signals[0].brief)). "
                    + "Check that the manifest still describes the code."
                out.append(Finding(rule: rule.id, severity: severity, message: message, mark: choice.mark,
                                   concern: answer.concern.value, choice: [choice.value], evidence: []))
            }
        }
        return out
    }
}
