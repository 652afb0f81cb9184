import TechStackEvidence
import TechStackModel

extension Finding {
    /// The shared data this finding costs, as one line: `myinfo-person (source ica), …`;
    /// nil when it costs nothing. Reporters escape it like any text from a manifest.
    var costText: String? {
        guard let cost, !cost.isEmpty else { return nil }
        return CostText.list(cost)
    }
}

extension RuleDescription {
    /// What a user can do about a finding of this rule, beyond its rationale.
    var fixText: String {
        "Run `techstack explain \(id)` for manifests on which the rule passes and fails. "
            + "To keep a deviation deliberately, add an exemption to techstack.yaml "
            + "(rule: \(id), a reason and an expiry date)."
    }
}
