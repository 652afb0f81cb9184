import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum RecommendedChoice: RuleKindDefinition {
        public static let id = "recommended-choice"

        public struct Parameters: Sendable, Hashable {
            /// The severity of a deviation that costs no dataset; nil: `off`.
            public var severityWhenFree: Severity? = .warning
        }

        public static let defaults = Parameters()

        public static var parameters: [RuleParameter<Parameters>] {
            [.severity("severity-when-free", \.severityWhenFree, "the severity of a deviation that costs no data.")]
        }

        public static var area: String { "tech-stack" }
        public static var costHelp: String {
            "Each finding names the shared datasets the deviation forfeits, with their source agencies (also in the result's properties.cost); a deviation that costs no dataset is reported at the rule's severity-when-free. 'techstack cost ID' shows what any choice costs."
        }

        public static func findings(_ rule: Rule, _ parameters: Parameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.recommendedChoice(rule, severity, parameters, input.assessment)
        }
    }
}

extension Linter {
    /// A deviation (README, "Reach and cost"): the manifest answers a concern and none of its
    /// answers is recommended. Named with what it costs; a free deviation gets `severity-when-free`.
    func recommendedChoice(_ rule: Rule, _ severity: Severity, _ parameters: RuleKind.RecommendedChoice.Parameters, _ assessment: ProjectAssessment) -> [Finding] {
        var out: [Finding] = []
        for deviation in assessment.deviations {
            guard let first = deviation.choice.first else { continue }
            let chosen = deviation.choiceIDs, recommended = deviation.recommended, cost = deviation.cost
            let level: Severity
            if cost.isEmpty {
                guard let free = parameters.severityWhenFree else { continue }
                level = min(free, severity)
            } else {
                level = severity
            }
            let verb = chosen.count == 1 ? "deviates" : "deviate"
            out.append(Finding(rule: rule.id, severity: level, message: Self.deviationMessage(deviation, verb: verb, cost: describe(cost, upTo: 3)),
                               mark: first.mark, concern: deviation.concern, choice: chosen, recommended: recommended, cost: cost))
        }
        return out
    }

    /// "api-style: 'soap' deviates from the recommended 'rest-json'; this gives up …".
    static func deviationMessage(_ deviation: ProjectAssessment.Deviation, verb: String, cost: String) -> String {
        var message = "\(deviation.concern): \(list(deviation.choiceIDs.map { "'\($0)'" })) \(verb) from the recommended \(either(deviation.recommended)); "
        if deviation.cost.isEmpty {
            message += "this costs no shared data today, but every deviation is one more thing no other agency shares."
        } else {
            message += "this gives up \(cost)."
        }
        return message + " Choose \(list(deviation.recommended, last: "or")) or add an exemption."
    }
}
