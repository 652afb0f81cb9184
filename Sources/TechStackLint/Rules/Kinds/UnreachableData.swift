import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum UnreachableData: RuleKindDefinition {
        public static let id = "unreachable-data"
        public static var area: String { "shared-data" }
        public static var costHelp: String {
            "Each finding names the dataset the project cannot receive and its source agency (also in the result's properties.cost)."
        }

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.unreachableData(rule, severity, input.assessment)
        }
    }
}

extension Linter {
    /// A consumed dataset outside Reach(project's stack): no access path is satisfied by the
    /// ids the project answers in `choices`. Names what the nearest path lacks.
    func unreachableData(_ rule: Rule, _ severity: Severity, _ assessment: ProjectAssessment) -> [Finding] {
        assessment.unreachable.map { gap in
            let id = gap.dataset.value
            var message = "consumes '\(id)' (\(catalogue.name(of: id)), source \(gap.source)), which the project's stack cannot reach"
            if let (path, missing) = gap.nearest {
                let via = path.via.map { " (via \($0.value))" } ?? ""
                let needs = missing.map { id -> String in
                    if let concern = catalogue.concerns(recommending: id).first { return "\(id) (\(concern.header.id): \(id))" }
                    return id
                }
                message += ": its nearest access path\(via) lacks \(Self.list(needs)). Answer those in choices, or stop consuming it."
            } else {
                message += ": the catalogue lists no access path to it."
            }
            return Finding(rule: rule.id, severity: severity, message: message, mark: gap.dataset.mark,
                           cost: [CostItem(dataset: id, source: gap.source)], dataset: id)
        }
    }
}
