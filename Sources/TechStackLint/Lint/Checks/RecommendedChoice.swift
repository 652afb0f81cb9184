import TechStackEvidence
import TechStackModel

extension Linter {
    /// A deviation (README, "Reach and cost"): the manifest answers a concern and none of its
    /// answers is recommended. Named with what it costs; a free deviation gets `severity-when-free`.
    func recommendedChoice(_ rule: Rule, _ severity: Severity, _ assessment: ProjectAssessment) -> [Finding] {
        var out: [Finding] = []
        for deviation in assessment.deviations {
            guard let first = deviation.choice.first else { continue }
            let chosen = deviation.choiceIDs, recommended = deviation.recommended, cost = deviation.cost
            let level: Severity
            if cost.isEmpty {
                guard let free = rule.parameters.severityWhenFree else { continue }
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
