extension Linter {
    /// A deviation (README, "Reach and cost"): the manifest answers a concern and none of its answers is
    /// recommended. Named with what it costs; a free deviation gets `severity-when-free`.
    func recommendedChoice(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        var out: [Finding] = []
        for answer in manifest.choices {
            guard let concern = catalogue.concern(answer.concern.value) else { continue }
            let recommended = concern.recommended.map(\.value)
            // Ids that are no standard or component take no part (unknown-reference names them):
            // a misspelt answer is reported once, not also as a deviation that costs data.
            let known = answer.choices.filter { catalogue.kind(of: $0.value) == .standards || catalogue.kind(of: $0.value) == .components }
            let chosen = known.map(\.value)
            guard !chosen.isEmpty, !chosen.contains(where: recommended.contains), let first = known.first else { continue }
            let cost = reach.cost(ofDeviation: concern.header.id, to: chosen)
            let level: Severity
            if cost.isEmpty {
                guard let free = rule.parameters.severityWhenFree else { continue }
                level = min(free, severity)
            } else {
                level = severity
            }
            let verb = chosen.count == 1 ? "deviates" : "deviate"
            var message = "\(concern.header.id): \(Self.list(chosen.map { "'\($0)'" })) \(verb) from the recommended \(Self.either(recommended)); "
            if cost.isEmpty {
                message += "this costs no shared data today, but every deviation is one more thing no other agency shares."
            } else {
                message += "this gives up \(describe(cost, upTo: 3))."
            }
            message += " Choose \(Self.list(recommended, last: "or")) or add an exemption."
            out.append(Finding(rule: rule.id, severity: level, message: message, mark: first.mark,
                               concern: concern.header.id, choice: chosen, recommended: recommended, cost: cost))
        }
        return out
    }
}
