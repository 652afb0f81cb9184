extension Linter {
    /// A consumed dataset outside Reach(project's stack): no access path is satisfied by the
    /// ids the project answers in `choices`. Names what the nearest path lacks.
    func unreachableData(_ rule: Rule, _ severity: Severity, _ manifest: Manifest) -> [Finding] {
        let stack = manifest.stack
        var reached: Set<String>?
        var out: [Finding] = []
        for consumed in manifest.consumes {
            guard let dataset = catalogue.dataset(consumed.value) else { continue }
            if reached == nil { reached = reach.reach(stack) }
            if reached?.contains(consumed.value) == true { continue }
            var message = "consumes '\(consumed.value)' (\(dataset.header.name), source \(dataset.source.value)), which the project's stack cannot reach"
            if let (path, missing) = reach.nearestPath(to: dataset, from: stack) {
                let via = path.via.map { " (via \($0.value))" } ?? ""
                let needs = missing.map { id -> String in
                    if let concern = catalogue.concerns(recommending: id).first { return "\(id) (\(concern.header.id): \(id))" }
                    return id
                }
                message += ": its nearest access path\(via) lacks \(Self.list(needs)). Answer those in choices, or stop consuming it."
            } else {
                message += ": the catalogue lists no access path to it."
            }
            out.append(Finding(rule: rule.id, severity: severity, message: message, mark: consumed.mark,
                               cost: [CostItem(dataset: consumed.value, source: dataset.source.value)], dataset: consumed.value))
        }
        return out
    }
}
