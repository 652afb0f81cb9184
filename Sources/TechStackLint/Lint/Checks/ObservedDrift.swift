import TechStackEvidence
import TechStackModel

extension Linter {
    /// `undeclared-choice` (SPEC §8): the repository shows an answer to a concern that the
    /// manifest does not give. A deviation that costs data is `severity-when-costly`.
    func undeclaredChoice(_ rule: Rule, _ severity: Severity, _ manifest: Manifest, _ observed: DetectResult) -> [Finding] {
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
                if !cost.isEmpty, let costly = rule.parameters.severityWhenCostly { level = max(severity, costly) }
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
