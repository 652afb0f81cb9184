import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// What the programme tools (levels, campaigns) need of a manifest beyond the scorecard's
/// metrics, worked out while the manifest is in memory so no manifest is read twice.
public struct ProgrammeFacts: Sendable, Hashable {
    /// Produced data not `shared-via` a recommended id of the sharing concern.
    public var unsharedProduced: [String] = []
    /// Rule id → the shared data its unsuppressed findings name (their `cost`, and the dataset
    /// a finding about data is about). nil when the linter did not run on the manifest.
    public var firing: [String: [CostItem]]?

    public init() {}
}

extension ScorecardMetrics {
    func programmeFacts(_ manifest: Manifest, lint: FileResult?) -> ProgrammeFacts {
        var facts = ProgrammeFacts()
        let sharing = Set(sharingConcern.flatMap { catalogue.concern($0) }?.recommended.map(\.value) ?? [])
        for produced in manifest.produces where !(produced.sharedVia.map { sharing.contains($0.value) } ?? false) {
            facts.unsharedProduced.append(produced.id.value)
        }
        if let lint {
            var firing: [String: [CostItem]] = [:]
            for finding in lint.findings {
                var items = finding.cost ?? []
                if let id = finding.dataset, let dataset = catalogue.dataset(id) {
                    items.append(CostItem(dataset: id, source: dataset.source.value))
                }
                firing[finding.rule, default: []] += items
            }
            facts.firing = firing
        }
        return facts
    }
}
