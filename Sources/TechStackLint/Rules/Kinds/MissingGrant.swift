import TechStackEvidence
import TechStackModel

extension RuleKind {
    public enum MissingGrant: RuleKindDefinition {
        public static let id = "missing-grant"
        public static var area: String { "shared-data" }
        public static var costHelp: String {
            "Each finding names the dataset the project cannot receive and its source agency (also in the result's properties.cost)."
        }

        public static func findings(_ rule: Rule, _ parameters: NoParameters, _ severity: Severity, _ input: RuleInput) -> [Finding] {
            input.linter.missingGrant(rule, severity, input.assessment)
        }
    }
}

extension Linter {
    /// A consumed dataset that needs a grant from another agency, with no grant recorded for
    /// the dataset or its source agency — whether or not the data is reachable.
    func missingGrant(_ rule: Rule, _ severity: Severity, _ assessment: ProjectAssessment) -> [Finding] {
        assessment.missingGrants.map { missing in
            let id = missing.dataset.value, source = missing.agency
            var message = "consumes '\(id)' without a grant from its source agency \(source) (\(catalogue.name(of: source)))"
            if let process = catalogue.agency(source)?.grantProcess {
                message += "; grant process: \(Self.clause(process.summary))"
                if let url = process.url { message += " (\(url))" }
            }
            message += ". Record the grant under grants, e.g. '\(id): GRANT-REFERENCE'."
            return Finding(rule: rule.id, severity: severity, message: message, mark: missing.dataset.mark,
                           cost: [CostItem(dataset: id, source: source)], dataset: id)
        }
    }
}
