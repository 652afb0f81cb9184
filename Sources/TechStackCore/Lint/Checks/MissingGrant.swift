extension Linter {
    /// A consumed dataset that needs a grant from another agency, with no grant recorded for
    /// the dataset or its source agency — whether or not the data is reachable.
    func missingGrant(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        let granted = Set(manifest.grants.map(\.key.value))
        var out: [Finding] = []
        for consumed in manifest.consumes {
            guard let dataset = catalogue.dataset(consumed.value), dataset.grantRequired else { continue }
            let source = dataset.source.value
            guard source != manifest.agency.value, !granted.contains(dataset.header.id), !granted.contains(source) else { continue }
            var message = "consumes '\(dataset.header.id)' without a grant from its source agency \(source) (\(catalogue.name(of: source)))"
            if let process = catalogue.agency(source)?.grantProcess {
                message += "; grant process: \(Self.clause(process.summary))"
                if let url = process.url { message += " (\(url))" }
            }
            message += ". Record the grant under grants, e.g. '\(dataset.header.id): GRANT-REFERENCE'."
            out.append(Finding(rule: rule.id, severity: severity, message: message, mark: consumed.mark,
                               cost: [CostItem(dataset: dataset.header.id, source: source)], dataset: dataset.header.id))
        }
        return out
    }
}
