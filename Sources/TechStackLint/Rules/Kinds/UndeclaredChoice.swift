import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum UndeclaredChoice: RuleKindDefinition {
        public static let id = "undeclared-choice"

        public struct Parameters: Sendable, Hashable {
            /// The severity when the undeclared id is a deviation that costs data; nil: `off`.
            public var severityWhenCostly: Severity? = .error
        }

        public static let defaults = Parameters()

        public static var parameters: [RuleParameter<Parameters>] {
            [.severity("severity-when-costly", \.severityWhenCostly, "the severity when the undeclared id is a deviation that costs data.")]
        }

        public static var needsObservation: Bool { true }

        public static func findings(_ rule: Rule, _ parameters: Parameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            guard let observed = input.observed else { return [] }
            return input.linter.undeclaredChoice(rule, severity, parameters, input.manifest, observed)
        }
    }
}

extension Linter {
    /// `undeclared-choice` (SPEC §8): the repository shows an answer to a concern that the
    /// manifest does not give. A deviation that costs data is `severity-when-costly`.
    func undeclaredChoice(_ rule: Rule, _ severity: Severity, _ parameters: RuleKind.UndeclaredChoice.Parameters, _ manifest: Manifest, _ observed: DetectResult) -> [Finding] {
        var out: [Finding] = []
        for concern in catalogue.concerns {
            let id = concern.header.id
            let answer = manifest.answer(for: id)
            let declared = answer?.choices.map(\.value) ?? []
            let mark = answer?.concern.mark ?? manifest.keyMarks["choices"] ?? .start
            for item in observed.observed where item.concern == id && !declared.contains(item.id) {
                let recommended = concern.recommended.map(\.value)
                let isDeviation = !recommended.contains(item.id)
                let cost = isDeviation ? reach.cost(ofDeviation: id, to: [item.id]) : []
                var level = severity
                if !cost.isEmpty, let costly = parameters.severityWhenCostly { level = max(severity, costly) }
                let first = item.evidence.first.map { " (\($0.location)\(item.evidence.count > 1 ? " and \(Self.plural(item.evidence.count - 1, "more place"))" : ""))" } ?? ""
                var message = "the repository uses \(item.id)\(first) but "
                message += declared.isEmpty ? "\(id) is not answered in choices" : "\(id) declares \(Self.list(declared))"
                if !cost.isEmpty {
                    message += "; \(item.id) gives up \(describe(cost, upTo: 3))"
                } else if isDeviation {
                    message += "; \(item.id) is not recommended (\(Self.either(recommended)))"
                }
                message += ". Declare it under \(id), or remove it from the code."
                var finding = Finding(rule: rule.id, severity: level, message: message, mark: mark, concern: id,
                                      choice: [item.id], recommended: recommended, cost: cost, evidence: item.evidence)
                finding.repository = observed.path
                out.append(finding)
            }
        }
        return out
    }
}
